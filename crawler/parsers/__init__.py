"""Pure extraction functions over saved responses (HTML/JSON text in, typed data out); no Scrapy objects."""
