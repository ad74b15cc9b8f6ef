"""Scrapy settings for carbonwatch, read from the typed configuration (environment + optional TOML file).

Scrapy 2.8 dropped ``SCRAPY_*`` environment overrides, so every value an operator may change comes from
``carbonwatch.config.load_config``; per-run overrides still work with ``scrapy crawl -s NAME=VALUE``.
"""

from __future__ import annotations

from carbonwatch.config import load_config

_config = load_config()

BOT_NAME = "carbonwatch"
SPIDER_MODULES = ["crawler.spiders"]
NEWSPIDER_MODULE = "crawler.spiders"

# Politeness: identify ourselves, obey robots.txt, adapt the rate to the server.
USER_AGENT = _config.user_agent
ROBOTSTXT_OBEY = True
AUTOTHROTTLE_ENABLED = True
AUTOTHROTTLE_START_DELAY = _config.download_delay
AUTOTHROTTLE_TARGET_CONCURRENCY = 2.0
DOWNLOAD_DELAY = _config.download_delay
CONCURRENT_REQUESTS = 16
CONCURRENT_REQUESTS_PER_DOMAIN = _config.concurrent_requests_per_domain
# Scrapy 2.19 ignores slot concurrency when a slot has no delay; this downloader enforces it.
DOWNLOADER = "crawler.downloader.SlotLimitedDownloader"
DOWNLOAD_TIMEOUT = 30
RETRY_ENABLED = True
RETRY_TIMES = 2
# 429 is retried after the server's Retry-After by our middleware; the rest by Scrapy's retry.
RETRY_HTTP_CODES = [500, 502, 503, 504, 522, 524, 408, 429]
DOWNLOAD_MAXSIZE = 8 * 1024 * 1024  # a news page is well under 1 MB; bigger bodies are dropped with a reason
DOWNLOAD_WARNSIZE = 2 * 1024 * 1024
REDIRECT_MAX_TIMES = 5
# A <meta http-equiv="refresh"> in an article body (hostile or pasted markup) would be followed as a redirect
# and the article lost; pages that really moved answer with an HTTP redirect, which is still followed.
METAREFRESH_ENABLED = False
# A page (or body) with more tags than this is dropped before parsing (crawler/budget.py: real pages stay under
# 16k; parsing and cleaning cost about a second per 50k tags here, all of it on the crawl's single thread).
CARBONWATCH_PARSE_MAX_TAGS = 50_000

# Scrapy 2.19 turns on a remote-control HTTP server able to run Python: never in a crawler we leave unattended.
REMOTE_CONTROL_ENABLED = False
TELNETCONSOLE_ENABLED = False

TWISTED_REACTOR = "twisted.internet.asyncioreactor.AsyncioSelectorReactor"
FEED_EXPORT_ENCODING = "utf-8"
LOG_LEVEL = _config.log_level
# A dropped item is logged as its reason and URL, not the whole item (crawler/logformat.py).
LOG_FORMATTER = "crawler.logformat.CompactLogFormatter"
REQUEST_FINGERPRINTER_IMPLEMENTATION = "2.7"

DOWNLOAD_HANDLERS = {
    # Only maps hosts when CARBONWATCH_HOST_MAP is set (tests and the offline demo); otherwise plain HTTP(S).
    "http": "crawler.offline.MappedHTTPDownloadHandler",
    "https": "crawler.offline.MappedHTTPDownloadHandler",
}
CARBONWATCH_HOST_MAP: dict[str, str] = {}
# Every connection resolves its host here: an answer with an address that is not global unicast is refused, and
# the answer the SSRF guard checked is the one connected to (no DNS rebinding in between). Only the host map's
# targets may be loopback.
TWISTED_DNS_RESOLVER = "crawler.dnsguard.GlobalOnlyResolver"

EXTENSIONS = {
    "crawler.extensions.StatsFile": 500,
    # The run record must see the final stats: close-time signal handlers run in connection order.
    "crawler.extensions.RunRecord": 510,
    "crawler.extensions.Progress": 520,
}
CARBONWATCH_STATS_FILE: str | None = None
CARBONWATCH_TRIGGER = "manual"  # what started a crawl without a pre-created run row (manual, cron, daemon, demo)
CARBONWATCH_PROGRESS_INTERVAL = 30.0  # seconds between progress lines; 0 switches them off

DOWNLOADER_MIDDLEWARES = {
    # Before everything that could send the request out (robots.txt included): refuse internal addresses.
    "crawler.middlewares.SsrfGuardMiddleware": 50,
    # Its process_response runs before RetryMiddleware's (550): a Retry-After wait replaces a blind retry.
    "crawler.middlewares.RetryAfterMiddleware": 560,
    # Scrapy's robots.txt middleware at its own place, except that a robots.txt over DOWNLOAD_MAXSIZE (plain or
    # once decompressed) disallows its host instead of allowing it all.
    "scrapy.downloadermiddlewares.robotstxt.RobotsTxtMiddleware": None,
    "crawler.middlewares.RobotsTxtMiddleware": 100,
    # List pages and feeds (meta flag) carry If-None-Match/If-Modified-Since; their 304 reaches the callback.
    "crawler.conditional.ConditionalRequestMiddleware": 580,
    # Scrapy's own, at their own places, except that what they drop is counted (crawler/dropcount.py).
    "scrapy.downloadermiddlewares.redirect.RedirectMiddleware": None,
    "crawler.dropcount.CountedRedirectMiddleware": 600,
    "scrapy.downloadermiddlewares.httpcompression.HttpCompressionMiddleware": None,
    "crawler.dropcount.CountedHttpCompressionMiddleware": 590,
}
CARBONWATCH_RETRY_AFTER_MAX = 60.0  # seconds; a longer Retry-After is not waited out
CARBONWATCH_RETRY_AFTER_TIMES = 2
# Ties each request a list page yields to that page: its ETag is kept only once all of them were answered.
SPIDER_MIDDLEWARES = {"crawler.conditional.ConditionalChildrenMiddleware": 20}  # after the offsite/depth filters
CARBONWATCH_CONDITIONAL_REQUESTS = True

# Order: clean the HTML first (everything later reads clean text), then dates, then dedup (needs the clean
# text), then classification (skips duplicates), then storage, then the policy registry (needs the stored id).
ITEM_PIPELINES = {
    "pipelines.clean.CleanPipeline": 100,
    "pipelines.dates.DatesPipeline": 200,
    "pipelines.dedup.DedupPipeline": 300,
    "pipelines.classify.ClassifyPipeline": 400,
    "pipelines.store.StorePipeline": 500,
    "pipelines.policy.PolicyRegistryPipeline": 600,
}

CARBONWATCH_DATABASE_URL = _config.database_url
CARBONWATCH_SINA_LIDS = list(_config.sina_lids)
CARBONWATCH_SINA_PAGE_SIZE = _config.sina_page_size
CARBONWATCH_SINA_MAX_PAGES = _config.sina_max_pages
CARBONWATCH_RULES_FILE = str(_config.rules_file) if _config.rules_file else None
CARBONWATCH_SOURCES_FILE = str(_config.sources_file) if _config.sources_file else None
CARBONWATCH_RUN_ID: int | None = None  # set by the crawl runner so items and stats reach the run record
# Store faults: tries per item, first backoff (doubles), then the item is spooled and later items skip the
# database for the cooldown; spooled items are replayed when the next crawl opens its pipelines.
CARBONWATCH_SPOOL_DIR = str(_config.spool_dir)
CARBONWATCH_STORE_RETRIES = 3
CARBONWATCH_STORE_BACKOFF = 0.5
CARBONWATCH_STORE_COOLDOWN = 30.0
CARBONWATCH_NEAR_DUP_THRESHOLD = 0.5  # MinHash Jaccard of character 5-grams (see pipelines/dedup.py)

# scrapy-playwright: only requests with meta={"playwright": True} are rendered; Debian's Chromium.
PLAYWRIGHT_BROWSER_TYPE = "chromium"
PLAYWRIGHT_LAUNCH_OPTIONS = {
    "executable_path": str(_config.chromium_path),
    "headless": True,
    "args": [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--disable-dev-shm-usage",
    ],
}
PLAYWRIGHT_MAX_CONTEXTS = 2
PLAYWRIGHT_MAX_PAGES_PER_CONTEXT = 4
PLAYWRIGHT_DEFAULT_NAVIGATION_TIMEOUT = 30_000

if _config.redis_url:
    # Scale-out: the crawl processes of one scheduled run (a batch) share a request queue and a dupefilter in
    # Redis (scrapy-redis); the next run gets fresh ones, so list pages and failed articles are fetched again.
    SCHEDULER = "crawler.scaleout.BatchScheduler"
    DUPEFILTER_CLASS = "scrapy_redis.dupefilter.RFPDupeFilter"
    # Never flush at close: the first worker to finish would empty the queue under the others. Keys expire.
    SCHEDULER_PERSIST = True
    SCHEDULER_QUEUE_KEY = "%(spider)s:requests:%(batch)s"
    SCHEDULER_DUPEFILTER_KEY = "%(spider)s:dupefilter:%(batch)s"
    REDIS_URL = _config.redis_url
    CARBONWATCH_REDIS_BATCH = _config.redis_batch  # None: join the running workers' batch, else start one
    CARBONWATCH_REDIS_LEASE = 60.0  # seconds a killed worker still counts as part of its batch
    CARBONWATCH_REDIS_JOIN_WINDOW = 300.0  # seconds after its start a batch can still be joined
    CARBONWATCH_REDIS_BATCH_TTL = 86_400  # seconds a batch's keys live after its last worker touched them
    # Politeness for the whole fleet, not per process: each host's delay, concurrency cap and Retry-After pauses
    # come from one schedule in Redis (crawler/politeness.py); False keeps each worker polite on its own only.
    DOWNLOADER = "crawler.politeness.FleetPoliteDownloader"
    CARBONWATCH_POLITENESS_FLEET = True
