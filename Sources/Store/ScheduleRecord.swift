import FeedModel

/// What the scheduler keeps about one feed across restarts (the schedule columns of `feeds`).
///
/// A restart must not undo what the poller learned or was told: a server's `Retry-After`, a
/// failing feed's backoff, a response fresh for hours, the interval learned from the feed's
/// own rhythm or shortened after a gap. Only `next` used to be kept, and it was capped at one
/// interval from the restart, so a restart cut every wait short.
public struct ScheduleRecord: Sendable, Equatable {
    /// When the feed is next due.
    public var next: Timestamp
    /// Not polled before this, whatever its interval: a backoff, a `Retry-After`, a fresh response.
    public var waitUntil: Timestamp?
    /// The wait is the server's throttling (429/503): every feed of its host waits with it.
    public var hostRests: Bool
    /// Half the median gap between the feed's entries, for adaptive polling (seconds, unclamped).
    public var learnedInterval: Int?
    /// The interval a possible gap shortened the feed's polling to (seconds).
    public var shortenedInterval: Int?
    /// The configured interval in force when it was shortened: if the config now says
    /// otherwise, the user's new interval replaces the shortened one.
    public var shortenedFrom: Int?
    /// The newest entry date the feed's full fetches have shown (adaptive polling: silence).
    /// Stored by the ledger with each fetch; `setScheduleRecords` reads it back but never writes it.
    public var newestEntry: Timestamp?
    /// Where the feed moved permanently (the ledger's `moved_to`, read back, never written here):
    /// a host's rest is the host the feed is fetched from.
    public var movedTo: String?

    public init(next: Timestamp, waitUntil: Timestamp? = nil, hostRests: Bool = false,
                learnedInterval: Int? = nil, shortenedInterval: Int? = nil, shortenedFrom: Int? = nil,
                newestEntry: Timestamp? = nil, movedTo: String? = nil) {
        self.next = next
        self.waitUntil = waitUntil
        self.hostRests = hostRests
        self.learnedInterval = learnedInterval
        self.shortenedInterval = shortenedInterval
        self.shortenedFrom = shortenedFrom
        self.newestEntry = newestEntry
        self.movedTo = movedTo
    }
}
