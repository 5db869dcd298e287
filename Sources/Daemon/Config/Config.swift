import Foundation
import Fetching

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
    /// Every feed: the config's own `feeds:` list first, then each `feeds_dir` file's, files in name order.
    public var feeds: [FeedConfig]
    /// Directory of extra feed files (`feeds_dir`, default `feeds.d` beside the config): each
    /// `*.yaml` holds a `feeds:` list. `feeds add` and `import-opml` write there, so the
    /// hand-edited config is never rewritten (docs/feeds.md).
    public var feedsDirectory: String
    /// Largest feed body accepted, in bytes.
    public var maxFeedBytes: Int
    public var userAgent: String?
    /// Seconds a whole transfer may take (`fetch_timeout`, default 60s): a server that trickles
    /// a large feed over a slow link needs more; one that stalls is cut sooner by the low-speed limit.
    public var fetchTimeout = FetchLimits().totalTimeoutSeconds
    /// A seen entry gone from its feed for this many seconds is forgotten (keeps the state small).
    public var forgetAfter: Int = 30 * 86_400
    /// Adaptive polling: each feed's interval follows how often it publishes, within these bounds.
    public var adaptive: AdaptiveInterval?
    /// Politeness: connections open at once, in all and to one host.
    public var maxConnections = 64
    public var maxConnectionsPerHost = 2
    /// Memory: response bodies held at once across all feeds, received or waiting to be parsed;
    /// past it transfers pause until bodies are parsed (one may go over, so at most this plus
    /// `maxFeedBytes`).
    public var maxBufferedBytes = Fetcher.defaultMaxBufferedBytes
    /// Prometheus text file export (`metrics: {path: …, interval: 15s}`); nil (the default) is off.
    public var metrics: MetricsConfig?

    public init(path: String, state: String, alertLog: String, interval: Int = 900, backfill: Int? = 86_400,
                watchlists: String, feeds: [FeedConfig], maxFeedBytes: Int = 16 << 20, userAgent: String? = nil) {
        self.path = path; self.state = state; self.alertLog = alertLog; self.interval = interval
        self.backfill = backfill; self.watchlists = watchlists; self.feeds = feeds
        self.maxFeedBytes = maxFeedBytes; self.userAgent = userAgent
        feedsDirectory = ((path as NSString).deletingLastPathComponent as NSString).appendingPathComponent("feeds.d")
    }

    /// The bounds every fetch of this config's feeds runs under.
    public var fetchLimits: FetchLimits {
        var limits = FetchLimits()
        limits.maxBodyBytes = maxFeedBytes
        limits.totalTimeoutSeconds = fetchTimeout
        return limits
    }

    /// The feeds to poll: those not switched off with `enabled: false`.
    public var activeFeeds: [FeedConfig] { feeds.filter(\.enabled) }

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
