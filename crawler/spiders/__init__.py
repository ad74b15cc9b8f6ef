"""One spider per site: ``crawler/spiders/<site>.py`` defines ``<Site>Spider`` with ``name = "<site>"``."""
