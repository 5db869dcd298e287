import FeedModel

/// What feedwatch remembers about one feed between polls.
public struct FeedState: Sendable, Equatable {
    public var url: String
    public var title: String?
    public var etag: String?
    public var lastModified: String?
    public var firstFetched: Timestamp?
    public var lastFetched: Timestamp?
    public var lastSuccess: Timestamp?
    public var lastError: String?
    public var errorCount: Int
    public var entriesSeen: Int

    public init(url: String, title: String? = nil, etag: String? = nil, lastModified: String? = nil,
                firstFetched: Timestamp? = nil, lastFetched: Timestamp? = nil, lastSuccess: Timestamp? = nil,
                lastError: String? = nil, errorCount: Int = 0, entriesSeen: Int = 0) {
        self.url = url; self.title = title; self.etag = etag; self.lastModified = lastModified
        self.firstFetched = firstFetched; self.lastFetched = lastFetched; self.lastSuccess = lastSuccess
        self.lastError = lastError; self.errorCount = errorCount; self.entriesSeen = entriesSeen
    }
}

/// The outcome of one successful poll, stored in a single transaction.
public struct PollRecord: Sendable {
    public var feedURL: String
    public var title: String?
    public var etag: String?
    public var lastModified: String?
    /// Keys of entries seen for the first time.
    public var newKeys: [String]
    /// Keys of every entry in the feed now (refreshes `last_seen`, for later pruning).
    public var presentKeys: [String]
    /// Alerts raised by the new entries: (alert id, JSON line).
    public var alerts: [(id: String, line: String)]

    public init(feedURL: String, title: String?, etag: String?, lastModified: String?, newKeys: [String],
                presentKeys: [String], alerts: [(id: String, line: String)]) {
        self.feedURL = feedURL; self.title = title; self.etag = etag; self.lastModified = lastModified
        self.newKeys = newKeys; self.presentKeys = presentKeys; self.alerts = alerts
    }
}

/// An alert waiting in the outbox to be appended to the log.
public struct PendingAlert: Sendable, Equatable {
    public var seq: Int64
    public var id: String
    public var line: String
}
