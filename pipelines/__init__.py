"""Item pipelines, one per file: clean, dates, dedup, classify, store, policy."""
