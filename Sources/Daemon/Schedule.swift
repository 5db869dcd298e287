import FeedModel
import Foundation

/// When each feed is next due.
///
/// Intervals are jittered by ±10% so feeds added together do not stay in lockstep. A failing
/// feed backs off exponentially (1 minute doubling to 12 hours, ±20% jitter) and is never
/// dropped: it keeps being retried at the cap. A server that answers 429/503 rests for its
/// `Retry-After` (or the backoff, whichever is longer), and so do its other feeds. A feed
/// whose every entry was new polls twice as often from then on (down to a minute). A feed the
/// server calls gone (410) leaves the rotation. A response the server marks fresh for longer
/// than the interval (max-age, Expires) is not fetched again before it goes stale, up to six hours.
public struct Schedule: Sendable {
    private var entries: [String: (feed: FeedConfig, next: Timestamp)] = [:]
    private var defaultInterval: Int
    /// Intervals shortened after a possible gap.
    private var shortened: [String: Int] = [:]
    /// Hosts that asked us to wait, and until when.
    private var hostRestUntil: [String: Timestamp] = [:]
    /// Adaptive polling bounds; nil keeps the configured intervals.
    public var adaptive: AdaptiveInterval?

    static let backoffBase = 60
    static let backoffCap = 12 * 3600
    static let minimumInterval = 60

    /// - Parameter stored: due times saved by an earlier run; a feed due later than its interval
    ///   from now (its interval was shortened) is due at most one interval from now.
    public init(feeds: [FeedConfig], defaultInterval: Int, now: Timestamp, stored: [String: Timestamp] = [:]) {
        self.defaultInterval = defaultInterval
        for feed in feeds {
            let latest = Timestamp(secondsSince1970: now.secondsSince1970 + Int64(feed.interval ?? defaultInterval))
            entries[feed.url] = (feed, min(stored[feed.url] ?? now, latest))
        }
    }

    /// Keeps the due times of feeds still configured; new feeds are due now. A feed whose
    /// interval was shortened is due at most its new interval from now: a user who changes a
    /// daily feed to `interval: 10m` and reloads should not wait out the rest of the day.
    /// A feed whose `headers:` changed is due now. (A longer interval keeps its due time.)
    public mutating func update(feeds: [FeedConfig], defaultInterval: Int, now: Timestamp) {
        let oldDefault = self.defaultInterval
        self.defaultInterval = defaultInterval
        var next: [String: (FeedConfig, Timestamp)] = [:]
        for feed in feeds {
            guard let old = entries[feed.url] else { next[feed.url] = (feed, now); continue }
            let interval = feed.interval ?? defaultInterval
            var due = old.next
            if interval < old.feed.interval ?? oldDefault {
                due = min(due, Timestamp(secondsSince1970: now.secondsSince1970 + Int64(interval)))
            }
            // New headers are usually the fix for a feed failing with 401/403, which may be
            // backing off for hours: try them now.
            if feed.headers != old.feed.headers { due = min(due, now) }
            next[feed.url] = (feed, due)
        }
        entries = next
    }

    /// Every feed's next due time, to store.
    public var dueTimes: [String: Timestamp] { entries.mapValues(\.next) }

    public func due(now: Timestamp) -> [FeedConfig] {
        entries.values.filter { entry in
            entry.next <= now && (Self.host(entry.feed.url).flatMap { hostRestUntil[$0] }.map { $0 <= now } ?? true)
        }.map(\.feed).sorted { $0.url < $1.url }
    }

    /// Sets the next due time of each polled feed from how its poll went.
    public mutating func reschedule(_ results: [PollResult], now: Timestamp) {
        for result in results {
            guard let entry = entries[result.feedURL] else { continue }
            var interval = shortened[result.feedURL] ?? entry.feed.interval ?? defaultInterval
            if let bounds = adaptive, let gap = result.medianEntryGap {
                // Twice per typical gap between posts, within the bounds (a quiet feed is not
                // forgotten, a busy one is not hammered). A detected gap still halves it below.
                interval = min(bounds.maximum, max(bounds.minimum, gap / 2))
                if let short = shortened[result.feedURL] { interval = min(interval, short) }
            }
            var delay: Int
            switch result.status {
            case .updated, .notModified:
                if result.possibleGap {
                    let halved = max(Self.minimumInterval, interval / 2)
                    shortened[result.feedURL] = halved
                    delay = Self.jittered(halved, by: 0.1)
                } else {
                    delay = Self.jittered(interval, by: 0.1)
                }
                if let fresh = result.freshSeconds { delay = max(delay, fresh) }
            case .failed:
                delay = Self.jittered(Self.backoff(errors: result.errorCount), by: 0.2)
                if let rest = result.retryAfterSeconds {
                    delay = max(delay, rest)
                    if let host = Self.host(result.feedURL) {
                        hostRestUntil[host] = Timestamp(secondsSince1970: now.secondsSince1970 + Int64(delay))
                    }
                }
            case .disabled:
                entries[result.feedURL] = nil
                continue
            }
            entries[result.feedURL]!.next = Timestamp(secondsSince1970: now.secondsSince1970 + Int64(delay))
        }
    }

    /// 1 minute after the first failure, doubling to 12 hours.
    static func backoff(errors: Int) -> Int {
        let exponent = min(max(errors, 1) - 1, 20)
        return min(backoffCap, backoffBase << exponent)
    }

    static func jittered(_ seconds: Int, by fraction: Double) -> Int {
        max(1, Int(Double(seconds) * Double.random(in: (1 - fraction)...(1 + fraction))))
    }

    static func host(_ url: String) -> String? {
        URLComponents(string: url)?.host?.lowercased()
    }

    /// Seconds the most overdue of `feeds` is past its due time (the poll lag metric).
    public func lateness(of feeds: [FeedConfig], now: Timestamp) -> Double {
        let overdue = feeds.compactMap { entries[$0.url].map { now.secondsSince1970 - $0.next.secondsSince1970 } }.max() ?? 0
        return Double(max(0, overdue))
    }

    public func secondsUntilNext(now: Timestamp) -> Double {
        guard let next = entries.values.map(\.next).min() else { return 3600 }
        return Double(max(1, next.secondsSince1970 - now.secondsSince1970))
    }
}
