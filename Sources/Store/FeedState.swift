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
    /// HTTP status of the last fetch (200 for a file).
    public var httpStatus: Int?
    /// Where a permanent redirect (301/308) pointed: fetched from there from then on.
    public var movedTo: String?
    /// Why the feed is no longer polled (the server answered 410 Gone), if it is not.
    public var disabled: String?
    /// When the scheduler will poll it next.
    public var nextDue: Timestamp?
    /// The newest entry date any full fetch of the feed has shown: tells a feed that turned
    /// over while we were not looking (a gap) from one that re-keyed entries it had before.
    public var newestEntry: Timestamp?
    /// Not polled before this (a backoff, `Retry-After`, a fresh response), as the scheduler stored it.
    public var waitUntil: Timestamp?
    /// The wait is a 429/503: every feed on the same host waits with it.
    public var hostRests = false
    /// Where the feed's document said, at its last full fetch, that it has moved. Not followed
    /// (anyone who can edit a feed's content could redirect its readers); the user decides.
    public var announcedMove: String?

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
    /// Alerts raised by the new entries.
    public var alerts: [OutboxAlert]
    /// The newest entry date in this fetch (nil when no entry is dated).
    public var newestEntry: Timestamp?
    /// The links in this fetch: they replace the stored ones.
    public var links = LinkSet(links: [String]())
    /// Where the document says the feed moved; nil clears an earlier announcement.
    public var announcedMove: String?

    public init(feedURL: String, title: String?, etag: String?, lastModified: String?, newKeys: [String],
                presentKeys: [String], alerts: [OutboxAlert]) {
        self.feedURL = feedURL; self.title = title; self.etag = etag; self.lastModified = lastModified
        self.newKeys = newKeys; self.presentKeys = presentKeys; self.alerts = alerts
    }
}

/// An alert on its way to the log, with what cross-feed dedup needs to know about it.
public struct OutboxAlert: Sendable, Equatable {
    public var id: String
    /// The JSON line, without `sources` (added at write time when other feeds carried the story).
    public var line: String
    /// The watch or rule name: one alert per story and subject.
    public var subject: String
    /// The story's canonical link, if it has one.
    public var linkKey: String?
    /// The story's normalised title.
    public var titleKey: String?
    /// When the story was published (or first seen), seconds since 1970.
    public var storyTime: Int64
    /// This copy's feed and entry, as the JSON object listed under `sources`.
    public var source: String

    public init(id: String, line: String, subject: String? = nil, linkKey: String? = nil, titleKey: String? = nil,
                storyTime: Int64 = 0, source: String = "{}") {
        self.id = id
        self.line = line
        self.subject = subject ?? id
        self.linkKey = linkKey
        self.titleKey = titleKey
        self.storyTime = storyTime
        self.source = source
    }
}

/// An alert waiting in the outbox to be appended to the log.
public struct PendingAlert: Sendable, Equatable {
    public var seq: Int64
    public var id: String
    public var line: String
    /// Every feed and entry that carried the story, when more than one did.
    public var sources: [String] = []

    /// The line as written to the log: `sources` is appended when the story came from several feeds.
    public var logLine: String {
        guard sources.count > 1, line.hasSuffix("}") else { return line }
        return String(line.dropLast()) + ",\"sources\":[" + sources.joined(separator: ",") + "]}"
    }
}
