import FeedModel

/// When each feed is next due. Intervals are jittered by ±10% so that feeds added together
/// do not stay in lockstep and hit servers in bursts.
public struct Schedule: Sendable {
    private var entries: [String: (feed: FeedConfig, next: Timestamp)] = [:]
    private var defaultInterval: Int

    /// - Parameter stored: due times saved by an earlier run; a feed due later than its interval
    ///   from now (its interval was shortened) is due at most one interval from now.
    public init(feeds: [FeedConfig], defaultInterval: Int, now: Timestamp, stored: [String: Timestamp] = [:]) {
        self.defaultInterval = defaultInterval
        for feed in feeds {
            let latest = Timestamp(secondsSince1970: now.secondsSince1970 + Int64(feed.interval ?? defaultInterval))
            entries[feed.url] = (feed, min(stored[feed.url] ?? now, latest))
        }
    }

    /// Keeps the due times of feeds still configured; new feeds are due now.
    public mutating func update(feeds: [FeedConfig], defaultInterval: Int, now: Timestamp) {
        self.defaultInterval = defaultInterval
        var next: [String: (FeedConfig, Timestamp)] = [:]
        for feed in feeds { next[feed.url] = (feed, entries[feed.url]?.next ?? now) }
        entries = next
    }

    /// Every feed's next due time, to store.
    public var dueTimes: [String: Timestamp] { entries.mapValues(\.next) }

    public func due(now: Timestamp) -> [FeedConfig] {
        entries.values.filter { $0.next <= now }.map(\.feed).sorted { $0.url < $1.url }
    }

    public mutating func reschedule(_ feeds: [FeedConfig], now: Timestamp) {
        for feed in feeds where entries[feed.url] != nil {
            let interval = feed.interval ?? defaultInterval
            let jitter = Int64(Double(interval) * Double.random(in: -0.1...0.1))
            entries[feed.url]!.next = Timestamp(secondsSince1970: now.secondsSince1970 + Int64(interval) + jitter)
        }
    }

    public func secondsUntilNext(now: Timestamp) -> Double {
        guard let next = entries.values.map(\.next).min() else { return 3600 }
        return Double(max(1, next.secondsSince1970 - now.secondsSince1970))
    }
}
