import Fetching
import Watching

/// One feed to poll, with its own options (docs/feeds.md, "Per-feed options").
public struct FeedConfig: Sendable, Equatable {
    public var url: String
    /// Seconds between polls; nil uses the config's default.
    public var interval: Int?
    /// A name to show instead of the feed's own title.
    public var title: String?
    /// File where the feed is listed (the config or a `feeds_dir` file), for messages and edits.
    public var source: String?
    /// Line of `source` where the feed is listed, for messages.
    public var line: Int?
    /// This feed's own backfill window: `.some(nil)` is `all`; nil uses the config's.
    public var backfill: Int??
    /// Labels for the user (`feeds list`, OPML categories); they change nothing in polling.
    public var tags: [String] = []
    /// `enabled: false` keeps the feed listed but not polled.
    public var enabled = true
    /// Names of the watch-list files (without extension) whose watches and rules apply to this
    /// feed; nil applies all of them.
    public var watchlists: [String]?
    /// Request headers to send (an API token, say). Their values are never logged or printed.
    public var headers: [HTTPHeader] = []
    /// The entry fields this feed's matching reads; nil reads all (a feed whose summaries are
    /// boilerplate can be limited to titles).
    public var fields: [Field]?
    /// Seconds this feed's transfer may take; nil uses the config's `fetch_timeout` (one large
    /// feed on a slow server should not need a longer timeout for all).
    public var fetchTimeout: Int?

    public init(url: String, interval: Int? = nil, title: String? = nil, line: Int? = nil) {
        self.url = url; self.interval = interval; self.title = title; self.line = line
    }

    /// A `file:` URL: read from disk, allowed only because the config names it.
    public var isFile: Bool { url.lowercased().hasPrefix("file:") }

    /// "file:line" of the feed's listing, for messages.
    public var location: String {
        (source ?? "?") + (line.map { ":\($0)" } ?? "")
    }
}
