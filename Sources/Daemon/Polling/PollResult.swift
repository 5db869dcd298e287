/// What one poll of one feed came to, for logs, `--once` summaries and tests.
public struct PollResult: Sendable, Equatable {
    public enum Status: Sendable, Equatable {
        /// Fetched and parsed: `entries` in the feed, `newEntries` never seen before.
        case updated(entries: Int, newEntries: Int)
        case notModified
        case failed(String)
    }

    public var feedURL: String
    public var status: Status
    /// Alerts the poll put in the outbox.
    public var alerts: Int
    /// Parse problems that did not stop the poll (bozo).
    public var warning: String?

    public init(feedURL: String, status: Status, alerts: Int = 0, warning: String? = nil) {
        self.feedURL = feedURL
        self.status = status
        self.alerts = alerts
        self.warning = warning
    }
}
