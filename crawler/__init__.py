"""The Scrapy project: settings, items, spiders, parsers and middlewares."""
