"""Scrapy settings of the vnnews crawler.

Polite by default, as the Scrapy docs advise for broad crawls (docs/topics/broad-crawls.rst,
docs/topics/autothrottle.rst): robots.txt obeyed, AutoThrottle on, a per-domain concurrency cap, an
honest User-Agent, retries that back off and honour ``Retry-After``.

Override any value per run with ``-s NAME=VALUE``. Custom settings (not Scrapy's own) are marked
"custom" and document their default. Sections are ordered as a request flows: who we are, how fast,
what to retry, what to do with items, what to report. Add new components in their section.
"""

# ----- Project ----------------------------------------------------------------------------------

BOT_NAME = "crawler"
SPIDER_MODULES = ["crawler.spiders"]
NEWSPIDER_MODULE = "crawler.spiders"
ADDONS = {
    "crawler.addons.DefaultFeed": 100,
    "crawler.addons.RedisCrawl": 200,
}

# ----- Identity: set this to name yourself -------------------------------------------------------

# Sites see this on every request. Put your project and a contact in it, e.g.
#   scrapy crawl vietnam_vn -s USER_AGENT="acme-news-research/1.0 (+mailto:data@acme.example)"
USER_AGENT = "vnnews-crawler/0.1 (news research crawler; operator contact not set)"

# ----- Politeness -------------------------------------------------------------------------------

ROBOTSTXT_OBEY = True
# Total requests in flight across all sites, and per site (Scrapy's defaults: 16 and 8).
CONCURRENT_REQUESTS = 16
CONCURRENT_REQUESTS_PER_DOMAIN = 2
# The floor under AutoThrottle's delay between two requests to the same site, in seconds (jittered ±50%).
DOWNLOAD_DELAY = 0.5
AUTOTHROTTLE_ENABLED = True
AUTOTHROTTLE_START_DELAY = 2.0
AUTOTHROTTLE_MAX_DELAY = 60.0
# Average requests in flight per site that AutoThrottle aims for.
AUTOTHROTTLE_TARGET_CONCURRENCY = 1.0
DOWNLOAD_TIMEOUT = 30
# News pages need no session; cookies only make responses vary (broad-crawl advice).
COOKIES_ENABLED = False

# ----- Retries ----------------------------------------------------------------------------------

RETRY_ENABLED = True
RETRY_TIMES = 3
RETRY_HTTP_CODES = [500, 502, 503, 504, 522, 524, 408, 429]
# custom: first wait before a retry when the response has no Retry-After, in seconds; doubles per retry.
RETRY_BACKOFF_BASE = 2.0
# custom: longest backoff wait, in seconds.
RETRY_BACKOFF_MAX = 60.0
# custom: a Retry-After longer than this (seconds) gives the request up instead of waiting.
RETRY_AFTER_MAX = 300.0

# ----- Downloader middlewares -------------------------------------------------------------------

DOWNLOADER_MIDDLEWARES = {
    # Same place, settings and stats as Scrapy's RetryMiddleware, plus the waiting.
    "scrapy.downloadermiddlewares.retry.RetryMiddleware": None,
    "crawler.middlewares.BackoffRetryMiddleware": 550,
}

# ----- Reliability: where requests may go, how big things may be (crawler.guard, crawler.ledger) ----

# custom: the request guard (crawler.guard), first downloader middleware: every request, retries and
# redirects included (Scrapy's OffsiteMiddleware lets dont_filter ones through, and retries set it), goes
# only to http(s) on the spider's domains, never to a private/loopback/link-local/reserved address unless
# the crawl was given that host itself. Refused: pages/outcome/offsite, blocked_address, blocked_scheme.
DOWNLOADER_MIDDLEWARES.update({
    "scrapy.downloadermiddlewares.offsite.OffsiteMiddleware": None,
    "crawler.guard.RequestGuardMiddleware": 10,
})
# custom: more domains (and their subdomains) the crawl may fetch from, e.g. ["cdn.example.net"]. Default: none.
GUARD_ALLOWED_DOMAINS: list[str] = []
# The resolver every connection's name lookup goes through: Scrapy's caching one, refusing a non-public
# answer for a host the crawl was not given (DNS pointing inside).
TWISTED_DNS_RESOLVER = "crawler.guard.GuardedResolver"
# A page over this many bytes is not downloaded (pages/outcome/too_large); a news page is < 10 MB. Scrapy's
# HttpCompressionMiddleware applies the same bound to the inflated body (a gzip bomb: too_large too).
# Scrapy's defaults: 1 GiB, warning at 32 MiB.
DOWNLOAD_MAXSIZE = 16 * 1024 * 1024
DOWNLOAD_WARNSIZE = 8 * 1024 * 1024
# custom: the same bound for sitemaps and feeds, downloaded and inflated (the protocol allows 50 MB).
SITEMAP_MAXSIZE = 64 * 1024 * 1024
# custom: a record whose JSON line is over this many bytes is dropped (pages/outcome/too_large_record).
RECORD_MAXSIZE = 4 * 1024 * 1024
# A chain of more redirects than this is given up (pages/outcome/too_many_redirects, or redirect_loop).
REDIRECT_MAX_TIMES = 20
EXTENSIONS = {"crawler.ledger.PageLedger": 0}
# custom: one crawl per feed file (crawler.runstate.FeedLock: <feed>.lock, flock, released on exit even when
# killed), and a JOBDIR kept consistent with the feed after a kill (crawler.runstate.JobdirState).
EXTENSIONS.update({"crawler.runstate.FeedLock": 1, "crawler.runstate.JobdirState": 2})

# ----- Extraction in worker processes (crawler.workers) --------------------------------------------

# custom: worker processes that extract pages, off the event loop. Default None: one per core this process
# may use; 0 extracts in the crawl's process, on the event loop (debugging; no time bound then).
EXTRACT_WORKERS = None
# custom: seconds one page may take to extract; past it the worker is killed and replaced and the page is
# counted under articles/skipped/timeout.
EXTRACT_TIMEOUT = 20.0

# ----- Items and output -------------------------------------------------------------------------

ITEM_PIPELINES = {
    "crawler.pipelines.SchemaValidationPipeline": 300,
    "crawler.bounds.RecordSizeLimit": 310,
}
# Outputs of one response processed at once (Scrapy's default 100). With the asyncio reactor Scrapy starts
# that many tasks for every response, whatever it yields; a page gives at most one record and the pipelines
# are synchronous, so 4 is plenty: the crawl's event loop spends ~2.7 ms less CPU a page (news spider, 2,000
# bench pages, in-process extraction: 23.2 -> 17.8 s CPU).
CONCURRENT_ITEMS = 4
# custom: how many schema violations of one dropped record are logged.
VALIDATION_LOG_MAX_ERRORS = 5

# One JSON record per line, UTF-8, never \uXXXX-escaped.
FEED_EXPORT_ENCODING = "utf-8"
# Scrapy's JSON lines exporter with dict records encoded by orjson (same JSON; crawler.feedwriter).
FEED_EXPORTERS = {name: "crawler.feedwriter.JsonLinesExporter" for name in ("jsonlines", "jsonl", "jl")}
# custom: the feed written when a run gives no -O/-o and no FEEDS (crawler.addons.DefaultFeed): one
# file per run, named after the spider and the UTC start time. FEEDS is not set here: Scrapy merges
# -O/-o with FEEDS, so a file in FEEDS would be written on every run beside the one asked for.
DEFAULT_FEED = "output/%(name)s-%(time)s.jsonl"

# ----- Extensions and reporting -----------------------------------------------------------------

EXTENSIONS.update({
    "crawler.report.CrawlReport": 500,
})
EXTENSIONS.update({"crawler.workers.ExtractionWorkers": 0})  # the pool of EXTRACT_WORKERS, above
# custom: log a summary and write <feed>.report.json next to each local feed file at the end of a crawl.
CRAWL_REPORT_ENABLED = True

LOG_LEVEL = "INFO"

# ----- Incremental crawling / seen-store (crawler.incremental, crawler.seenstore) -----------------

# custom: remember every article written (SQLite) and, on later runs, fetch and write only new or
# changed ones; `-a full=1` writes everything again. Without `-a since`, vietnam_vn starts where the
# last successful run's window ended. One crawl at a time per store: a second one exits 1 at once.
SEENSTORE_ENABLED = True
# custom: the store file; %(name)s is the spider's name. Relative to the working directory.
SEENSTORE_PATH = "output/seen-%(name)s.sqlite3"
# custom: fsync feed lines before the store records them (also safe on power loss). The fsync runs in a
# thread (crawler.feedwriter), in groups: every FEED_FSYNC_LINES lines or FEED_FSYNC_INTERVAL seconds after
# the first unsynced line, whichever comes first. A power cut loses at most that last group, which the
# store never recorded: the next run writes it again. False: no fsync (a killed crawl still loses nothing).
SEENSTORE_FSYNC = True
FEED_FSYNC_LINES = 200
FEED_FSYNC_INTERVAL = 0.5
EXTENSIONS.update({"crawler.incremental.SeenStoreExtension": 100})
SPIDER_MIDDLEWARES = {"crawler.incremental.IncrementalMiddleware": 800}
# Local feed files: one whole line per write, fsync'd, a half line left by a killed run cut off on append.
FEED_STORAGES = {
    "": "crawler.incremental.DurableFileFeedStorage",
    "file": "crawler.incremental.DurableFileFeedStorage",
}

# ----- Alarms (crawler.alarms on Spidermon) --------------------------------------------------------

# custom: at the end of a crawl, check the thresholds below; a crawl below them logs one
# "ERROR: ALARM <reason>: ..." line per problem and `scrapy crawl` exits 1 (crawler.commands.crawl).
# A crawl paused with Ctrl-C is not judged.
ALARMS_ENABLED = True
# custom: fewest articles (written, or unchanged since the last run) a crawl may find.
ALARM_MIN_ARTICLES = 1
# custom: least share of written records with the field filled, per spider ("*": any other spider),
# or one {field: share} map for all. A generic site names no source paper: only vietnam_vn checks it.
ALARM_MIN_FILL_RATES = {
    "*": {"headline": 0.9, "datePublished": 0.7, "articleBody": 0.9},
    "vietnam_vn": {"headline": 0.9, "datePublished": 0.8, "sourceOrganization": 0.7, "articleBody": 0.9},
}
# custom: most responses that may be HTTP 403/429 or a bot-challenge page (share of all responses).
ALARM_MAX_BLOCKED_RATIO = 0.5
EXTENSIONS.update({
    "crawler.alarms.BlockedResponseCounter": 100,
    "spidermon.contrib.scrapy.extensions.Spidermon": 600,
})
# custom: `news -a publisher=NAME` also holds each publisher's records to the publisher's own floors
# (extractors/publishers/); this {publisher: {field: share}} map raises, lowers or adds some for a run,
# e.g. -s PUBLISHER_ALARM_FLOORS='{"dantri": {"authors": 0.5}}'. Default: none, the registry's floors.
PUBLISHER_ALARM_FLOORS: dict[str, dict[str, float]] = {}
SPIDERMON_ENABLED = True
SPIDERMON_SPIDER_CLOSE_MONITORS = ["crawler.alarms.AlarmSuite"]
COMMANDS_MODULE = "crawler.commands"

# ----- One crawl on many workers: Redis (crawler.addons.RedisCrawl, crawler.distributed) -----------

# custom: unset (the default), the crawl is this process alone. Set (redis://host:port/db), this process is
# one worker of a crawl shared through Redis: shared queue, duplicate filter and seen-store.
REDIS_URL = None
# custom: prefix of the crawl's Redis keys; one per crawl job sharing a Redis database.
REDIS_KEY = "vnnews:%(spider)s"
# custom: seconds between a worker's heartbeats, and of silence after which it is dead (what it held is
# crawled by the others).
REDIS_HEARTBEAT = 1.0
REDIS_WORKER_TIMEOUT = 30.0
# custom: this worker's name in Redis; default host:pid:random.
REDIS_WORKER_ID = None

# ----- Runtime ----------------------------------------------------------------------------------

TWISTED_REACTOR = "twisted.internet.asyncioreactor.AsyncioSelectorReactor"
