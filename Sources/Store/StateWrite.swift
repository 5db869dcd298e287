import FeedModel

/// A write the daemon's ledger may hold back and commit with others in one transaction
/// (`StateStore.apply`).
public enum StateWrite: Sendable {
    /// A successful poll: the feed's validators, its new and present entry keys, its alerts.
    case poll(PollRecord, Timestamp)
    /// A fetch's HTTP status, a permanent move, or the reason a feed is no longer polled.
    case attributes(url: String, httpStatus: Int?, movedTo: String?, disabled: String?)

    public var feedURL: String {
        switch self {
        case let .poll(poll, _): return poll.feedURL
        case let .attributes(url, _, _, _): return url
        }
    }
}
