import FeedModel

/// What one poll of one feed came to, for logs, `--once` summaries and tests.
public struct PollResult: Sendable, Equatable {
    public enum Status: Sendable, Equatable {
        /// Fetched and parsed: `entries` in the feed, `newEntries` never seen before.
        case updated(entries: Int, newEntries: Int)
        case notModified
        case failed(String)
        /// Not polled: the server said the feed is gone (410).
        case disabled(String)
        /// Cut short by the daemon's graceful shutdown: nothing was recorded, not even a failure,
        /// and the feed keeps its due time, so it is polled first at the next start.
        case cancelled
    }

    public var feedURL: String
    public var status: Status
    /// Alerts the poll put in the outbox.
    public var alerts: Int
    /// Parse problems that did not stop the poll (bozo), a permanent move, a possible gap;
    /// each part names itself ("feed is not well-formed, entries kept: …").
    public var warning: String?
    /// Polls of this feed that failed in a row, this one included (0 after a success).
    public var errorCount = 0
    /// The server asked for this many seconds of rest (429/503 with Retry-After).
    public var retryAfterSeconds: Int?
    /// The server said it is overloaded or we ask too often (429/503): its host rests.
    public var throttled = false
    /// The URL that answered 429/503, after redirects (a feed redirected to a CDN or a feed
    /// service is throttled by that host, which is the one to rest).
    public var throttledBy: String?
    /// Every entry was new although the previous fetch succeeded: entries may have been missed.
    public var possibleGap = false
    /// Every entry had a new id, but some are dated no later than entries seen before, or (for
    /// undated entries) most of their links were in the last fetch: the feed gives old posts new
    /// ids. Not a gap, and no sign of fast turnover either.
    public var rekeyed = false
    /// The server's answer stays fresh this long (Cache-Control/Expires, capped): not polled sooner.
    public var freshSeconds: Int?
    /// Median seconds between the feed's recent entries, for adaptive polling.
    public var medianEntryGap: Int?
    /// The address the feed moved to permanently in this poll (301/308): its host is the one
    /// that may ask us to wait from now on.
    public var movedTo: String?
    /// The date of the feed's newest entry: how long a feed has been silent also tells its rhythm.
    public var newestEntryDate: Timestamp?

    public init(feedURL: String, status: Status, alerts: Int = 0, warning: String? = nil) {
        self.feedURL = feedURL
        self.status = status
        self.alerts = alerts
        self.warning = warning
    }
}
