"""The APScheduler daemon, the crawl-process runner and run records."""
