/// feedwatch's main configuration (`/etc/feedwatch/feedwatch.yaml`), paths already resolved.
public struct Config: Sendable, Equatable {
    /// The file this came from.
    public var path: String
    public var state: String
    public var alertLog: String
    /// Default seconds between polls of a feed.
    public var interval: Int
    /// On a feed's first fetch, only entries newer than this many seconds raise alerts;
    /// nil (`backfill: all`) lets every entry of the first fetch alert.
    public var backfill: Int?
    /// Directory of watch-list files (`*.yaml`, `*.yml`).
    public var watchlists: String
    public var feeds: [FeedConfig]
    /// Largest feed body accepted, in bytes.
    public var maxFeedBytes: Int
    public var userAgent: String?
    /// A seen entry gone from its feed for this many seconds is forgotten (keeps the state small).
    public var forgetAfter: Int = 30 * 86_400
    /// Adaptive polling: each feed's interval follows how often it publishes, within these bounds.
    public var adaptive: AdaptiveInterval?
    /// Politeness: connections open at once, in all and to one host.
    public var maxConnections = 64
    public var maxConnectionsPerHost = 2
    /// Prometheus text file export (`metrics: {path: …, interval: 15s}`); nil (the default) is off.
    public var metrics: MetricsConfig?

    public init(path: String, state: String, alertLog: String, interval: Int = 900, backfill: Int? = 86_400,
                watchlists: String, feeds: [FeedConfig], maxFeedBytes: Int = 16 << 20, userAgent: String? = nil) {
        self.path = path; self.state = state; self.alertLog = alertLog; self.interval = interval
        self.backfill = backfill; self.watchlists = watchlists; self.feeds = feeds
        self.maxFeedBytes = maxFeedBytes; self.userAgent = userAgent
    }

    public static let defaultPath = "/etc/feedwatch/feedwatch.yaml"
}

/// `adaptive: {min: 5m, max: 6h}`: poll a feed at half the median gap between its recent
/// entries, never more often than `min` nor less often than `max`.
public struct AdaptiveInterval: Sendable, Equatable {
    public var minimum: Int
    public var maximum: Int
    public init(minimum: Int = 300, maximum: Int = 6 * 3600) {
        self.minimum = minimum
        self.maximum = maximum
    }
}

/// Where and how often the metrics file is written (docs/metrics.md).
public struct MetricsConfig: Sendable, Equatable {
    /// The `.prom` file node_exporter's textfile collector reads.
    public var path: String
    /// Seconds between writes.
    public var interval: Int
    public static let defaultInterval = 15
    public init(path: String, interval: Int = defaultInterval) {
        self.path = path
        self.interval = interval
    }
}

/// One feed to poll.
public struct FeedConfig: Sendable, Equatable {
    public var url: String
    /// Seconds between polls; nil uses the config's default.
    public var interval: Int?
    /// A name to show instead of the feed's own title.
    public var title: String?
    /// Line of the config where the feed is listed, for messages.
    public var line: Int?
    /// This feed's own backfill window: `.some(nil)` is `all`; nil uses the config's.
    public var backfill: Int??

    public init(url: String, interval: Int? = nil, title: String? = nil, line: Int? = nil) {
        self.url = url; self.interval = interval; self.title = title; self.line = line
    }

    /// A `file:` URL: read from disk, allowed only because the config names it.
    public var isFile: Bool { url.lowercased().hasPrefix("file:") }
}
