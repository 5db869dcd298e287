import FeedModel
import Foundation
import Store

/// When each feed is next due.
///
/// Intervals are jittered by ±10% so feeds added together do not stay in lockstep. A failing
/// feed backs off exponentially (1 minute doubling to 12 hours, ±20% jitter) and is never
/// dropped: it keeps being retried at the cap. A server that answers 429/503 rests for its
/// `Retry-After` (or the backoff, whichever is longer), and so do its other feeds. A feed
/// whose every entry was new polls twice as often (down to a minute), and relaxes back step by
/// step once three fetches in a row brought at most a quarter of new entries. A feed the
/// server calls gone (410) leaves the rotation. A response the server marks fresh for longer
/// than the interval (max-age, Expires) is not fetched again before it goes stale, up to six hours.
/// Waits, learned and shortened intervals survive reloads and, through `records`, restarts.
public struct Schedule: Sendable {
    private var entries: [String: (feed: FeedConfig, next: Timestamp)] = [:]
    private var defaultInterval: Int
    /// Intervals shortened after a possible gap, and the configured interval each was cut from.
    private var shortened: [String: (interval: Int, from: Int)] = [:]
    /// Fetches in a row, since the last change of `shortened`, that brought at most a quarter of
    /// the feed as new entries: at three, the shortened interval doubles back (not stored).
    private var calm: [String: Int] = [:]
    /// Where feeds that moved permanently are fetched from now: their host is the one that rests.
    private var moved: [String: String] = [:]
    /// Half the median gap between each feed's entries, as last measured (adaptive polling):
    /// kept, so a 304 or a feed without dates keeps the rhythm learned from its last 200.
    private var learned: [String: Int] = [:]
    /// The newest entry date each feed had at its last full fetch: a feed silent for longer
    /// than its rhythm is polled less often, however busy it was before (adaptive polling).
    private var newest: [String: Timestamp] = [:]
    /// Feeds that must not be polled before a time the server or the backoff set, and whether
    /// their host rests too (429/503). Kept across reloads and, stored, across restarts.
    private var waits: [String: (until: Timestamp, hostRests: Bool)] = [:]
    /// Hosts that asked us to wait, and until when.
    private var hostRestUntil: [String: Timestamp] = [:]
    /// Adaptive polling bounds; nil keeps the configured intervals.
    public var adaptive: AdaptiveInterval?

    static let backoffBase = 60
    static let backoffCap = 12 * 3600
    static let minimumInterval = 60

    /// - Parameter stored: what an earlier run stored. A feed due later than its interval from
    ///   now (its interval was shortened in the config meanwhile) is due at most one interval
    ///   from now, unless a wait holds it back: a backoff, a `Retry-After` (which rests its
    ///   whole host again), a response still fresh. Learned and shortened intervals carry over.
    public init(feeds: [FeedConfig], defaultInterval: Int, now: Timestamp, stored: [String: ScheduleRecord] = [:],
                adaptive: AdaptiveInterval? = nil) {
        self.defaultInterval = defaultInterval
        self.adaptive = adaptive
        for feed in feeds {
            let record = stored[feed.url]
            // Kept unless the config changed the feed's interval while we were stopped (a
            // record from before schema 5 does not say what it was cut from: kept).
            let configured = feed.interval ?? defaultInterval
            if let interval = record?.shortenedInterval, (record?.shortenedFrom ?? configured) == configured {
                shortened[feed.url] = (interval, configured)
            }
            if let interval = record?.learnedInterval { learned[feed.url] = interval }
            if let date = record?.newestEntry { newest[feed.url] = date }
            if let address = record?.movedTo { moved[feed.url] = address }
            let latest = Self.after(now, interval(for: feed, now: now))
            var next = min(record?.next ?? now, latest)
            if let record, let until = Self.restoredWait(record, now: now) {
                next = max(next, until)
                waits[feed.url] = (until, record.hostRests)
            }
            entries[feed.url] = (feed, next)
        }
        hostRestUntil = Self.restingHosts(feeds, stored: stored, now: now)
    }

    /// A stored wait still to come, at most a week (Retry-After's cap): a clock that was far
    /// ahead when it was stored cannot park a feed, or its host, for longer.
    private static func restoredWait(_ record: ScheduleRecord, now: Timestamp) -> Timestamp? {
        guard let stored = record.waitUntil, stored > now else { return nil }
        return min(stored, after(now, 7 * 86_400))
    }

    /// Until when each host rests, from what an earlier run stored: the latest throttling wait
    /// (429/503) of any of `feeds` fetched from it. The daemon restores these on start, and
    /// `status` shows them, so both must agree; feeds no longer configured do not count.
    static func restingHosts(_ feeds: [FeedConfig], stored: [String: ScheduleRecord], now: Timestamp) -> [String: Timestamp] {
        var out: [String: Timestamp] = [:]
        for feed in feeds {
            guard let record = stored[feed.url], record.hostRests, let until = restoredWait(record, now: now),
                  let host = host(feed.url, movedTo: record.movedTo) else { continue }
            out[host] = max(out[host] ?? until, until)
        }
        return out
    }

    /// Keeps the due times of feeds still configured; new feeds are due now. A feed whose
    /// interval was shortened is due at most its new interval from now: a user who changes a
    /// daily feed to `interval: 10m` and reloads should not wait out the rest of the day, but
    /// a wait the server or the backoff set still holds. A feed whose `headers:` changed is due
    /// now. (A longer interval keeps its due time.)
    public mutating func update(feeds: [FeedConfig], defaultInterval: Int, now: Timestamp) {
        let oldDefault = self.defaultInterval
        self.defaultInterval = defaultInterval
        var next: [String: (FeedConfig, Timestamp)] = [:]
        for feed in feeds {
            guard let old = entries[feed.url] else { next[feed.url] = (feed, now); continue }
            let interval = feed.interval ?? defaultInterval
            var due = old.next
            // A new interval is the user's choice: it replaces the one a gap shortened.
            if interval != old.feed.interval ?? oldDefault {
                shortened[feed.url] = nil
                calm[feed.url] = nil
            }
            if interval < old.feed.interval ?? oldDefault {
                due = min(due, Timestamp(secondsSince1970: now.secondsSince1970 + Int64(interval)))
                if let wait = waits[feed.url], wait.until > now { due = max(due, wait.until) }
            }
            // New headers are usually the fix for a feed failing with 401/403, which may be
            // backing off for hours: try them now.
            if feed.headers != old.feed.headers {
                due = min(due, now)
                waits[feed.url] = nil
            }
            next[feed.url] = (feed, due)
        }
        entries = next
        // A feed removed now and added back later starts afresh.
        waits = waits.filter { next[$0.key] != nil }
        shortened = shortened.filter { next[$0.key] != nil }
        calm = calm.filter { next[$0.key] != nil }
        learned = learned.filter { next[$0.key] != nil }
        // `newest` and `moved` stay: they mirror what the ledger stored (feeds.newest_entry,
        // moved_to), which a feed added back finds again, and the poller still fetches from there.
    }

    /// Every feed's next due time.
    public var dueTimes: [String: Timestamp] { entries.mapValues(\.next) }

    /// What to store, so a restart carries on where this run stopped.
    public var records: [String: ScheduleRecord] {
        var out: [String: ScheduleRecord] = [:]
        for (url, entry) in entries {
            let wait = waits[url]
            out[url] = ScheduleRecord(next: entry.next, waitUntil: wait?.until, hostRests: wait?.hostRests ?? false,
                                      learnedInterval: learned[url], shortenedInterval: shortened[url]?.interval,
                                      shortenedFrom: shortened[url]?.from,
                                      newestEntry: newest[url])
        }
        return out
    }

    public func due(now: Timestamp) -> [FeedConfig] {
        entries.values.filter { effectiveDue($0) <= now }.map(\.feed).sorted { $0.url < $1.url }
    }

    /// When a feed may be polled: its own due time, or the end of its host's rest if later.
    private func effectiveDue(_ entry: (feed: FeedConfig, next: Timestamp)) -> Timestamp {
        guard let rest = hostRestEnd(for: entry.feed.url) else { return entry.next }
        return max(entry.next, rest)
    }

    /// Until when the host a feed is fetched from rests (a 429/503 on any of its feeds); nil when
    /// it does not. `status` shows it as the feed's next poll when it is later than its own.
    public func hostRestEnd(for url: String) -> Timestamp? {
        guard !hostRestUntil.isEmpty else { return nil }
        return host(of: url).flatMap { hostRestUntil[$0] }
    }

    private func host(of url: String) -> String? { Self.host(url, movedTo: moved[url]) }

    /// The interval a feed is polled at now: its own or the default; with adaptive polling, the
    /// one learned from its entries (twice per typical gap between posts, within the bounds: a
    /// quiet feed is not forgotten, a busy one is not hammered), or half its current silence
    /// once that is longer than two typical gaps (a burst of posts does not keep a feed that has
    /// gone quiet polled at the minimum); never longer than a gap made it.
    func interval(for feed: FeedConfig, now: Timestamp) -> Int {
        explainedInterval(for: feed, now: now).seconds
    }

    /// Why a feed is polled as often as it is: `status` says so, since a feed polled every
    /// minute, or every six hours, otherwise looks like a bug.
    public enum IntervalReason: String, Sendable {
        /// Its `interval`, or the config's.
        case configured
        /// Adaptive polling: half the typical gap between its posts.
        case learned
        /// Adaptive polling: half its silence, which has lasted more than two typical gaps.
        case quiet
        /// Halved after a possible gap (every entry new), until calm fetches double it back.
        case shortened

        public var description: String {
            switch self {
            case .configured: return "as configured"
            case .learned: return "learned from its posts"
            case .quiet: return "quiet lately"
            case .shortened: return "shortened after a possible gap"
            }
        }
    }

    /// The interval a configured feed is polled at now, and why; nil for a feed not in the schedule.
    public func pollingInterval(for url: String, now: Timestamp) -> (seconds: Int, reason: IntervalReason)? {
        entries[url].map { explainedInterval(for: $0.feed, now: now) }
    }

    private func explainedInterval(for feed: FeedConfig, now: Timestamp) -> (seconds: Int, reason: IntervalReason) {
        let own = unshortenedInterval(for: feed, now: now)
        if let short = shortened[feed.url]?.interval, short < own.seconds { return (short, .shortened) }
        return own
    }

    private func unshortenedInterval(for feed: FeedConfig, now: Timestamp) -> (seconds: Int, reason: IntervalReason) {
        guard let bounds = adaptive, var rhythm = learned[feed.url] else { return (feed.interval ?? defaultInterval, .configured) }
        var reason = IntervalReason.learned
        if let date = newest[feed.url] {
            let silence = Int(clamping: max(0, now.secondsSince1970 - date.secondsSince1970))
            if silence > 2 * rhythm { rhythm = silence / 2; reason = .quiet }
        }
        return (min(bounds.maximum, max(bounds.minimum, rhythm)), reason)
    }

    /// After a possible gap the interval was halved; three calm fetches in a row (at most a
    /// quarter of the feed new, a 304, or old posts under new ids) show the feed turns over slowly enough to double it
    /// back, until it is the feed's own again. A quarter, so that doubling leaves room: the
    /// next fetch should find about half new, not all. One more gap halves it again.
    private mutating func relaxShortened(_ result: PollResult, feed: FeedConfig, now: Timestamp) {
        guard let short = shortened[result.feedURL] else { return }
        let isCalm: Bool
        switch result.status {
        case .notModified: isCalm = true
        // A feed that re-keys old posts shows every entry as new on every fetch: that is no
        // turnover, and must not pin it at the shortened interval for good.
        case let .updated(entries, newEntries): isCalm = result.rekeyed || (!result.possibleGap && newEntries * 4 <= entries)
        default: return
        }
        guard isCalm else { calm[result.feedURL] = nil; return }
        calm[result.feedURL, default: 0] += 1
        guard calm[result.feedURL]! >= 3 else { return }
        calm[result.feedURL] = nil
        let relaxed = short.interval * 2
        shortened[result.feedURL] = relaxed >= unshortenedInterval(for: feed, now: now).seconds ? nil : (relaxed, short.from)
    }

    /// Sets the next due time of each polled feed from how its poll went.
    public mutating func reschedule(_ results: [PollResult], now: Timestamp) {
        hostRestUntil = hostRestUntil.filter { $0.value > now } // rests that have ended
        for result in results {
            guard let entry = entries[result.feedURL] else { continue }
            if let gap = result.medianEntryGap { learned[result.feedURL] = max(1, gap / 2) }
            if let date = result.newestEntryDate { newest[result.feedURL] = date }
            if let address = result.movedTo { moved[result.feedURL] = address }
            relaxShortened(result, feed: entry.feed, now: now)
            let interval = interval(for: entry.feed, now: now)
            var delay: Int
            var wait: (until: Timestamp, hostRests: Bool)?
            switch result.status {
            case .updated, .notModified:
                if result.possibleGap {
                    let halved = max(Self.minimumInterval, interval / 2)
                    shortened[result.feedURL] = (halved, shortened[result.feedURL]?.from ?? entry.feed.interval ?? defaultInterval)
                    calm[result.feedURL] = nil
                    delay = Self.jittered(halved, by: 0.1)
                } else {
                    delay = Self.jittered(interval, by: 0.1)
                }
                if let fresh = result.freshSeconds, fresh > delay {
                    delay = fresh
                    wait = (Self.after(now, fresh), false)
                }
            case .failed:
                delay = Self.jittered(Self.backoff(errors: result.errorCount), by: 0.2)
                if let rest = result.retryAfterSeconds { delay = max(delay, rest) }
                // 429/503 rest the whole host for its Retry-After; without one, for a first backoff
                // only: one dead feed answering 503 must not hold back its host's other feeds for
                // hours (its own backoff keeps growing on the feed alone).
                let throttled = result.throttled || result.retryAfterSeconds != nil
                var hostRest = 0
                if throttled {
                    hostRest = min(delay, result.retryAfterSeconds.map { max($0, 1) } ?? Self.jittered(Self.backoffBase, by: 0.2))
                    rest(host: result.feedURL, answeredBy: result.throttledBy, until: Self.after(now, hostRest))
                }
                // Stored as a host rest only when the host waits as long as the feed does.
                wait = (Self.after(now, delay), throttled && hostRest >= delay)
            case .disabled:
                entries[result.feedURL] = nil
                waits[result.feedURL] = nil
                continue
            case .cancelled:
                continue // keeps its due time: polled first at the next start
            }
            waits[result.feedURL] = wait
            entries[result.feedURL]!.next = Self.after(now, delay)
        }
    }

    /// Rests the host that answered (after redirects), else the one the feed is fetched from.
    private mutating func rest(host url: String, answeredBy: String? = nil, until: Timestamp) {
        guard let host = answeredBy.flatMap({ Self.host($0) }) ?? host(of: url) else { return }
        hostRestUntil[host] = max(hostRestUntil[host] ?? until, until)
    }

    private static func after(_ now: Timestamp, _ seconds: Int) -> Timestamp {
        Timestamp(secondsSince1970: now.secondsSince1970 + Int64(seconds))
    }

    /// 1 minute after the first failure, doubling to 12 hours.
    static func backoff(errors: Int) -> Int {
        let exponent = min(max(errors, 1) - 1, 20)
        return min(backoffCap, backoffBase << exponent)
    }

    static func jittered(_ seconds: Int, by fraction: Double) -> Int {
        max(1, Int(Double(seconds) * Double.random(in: (1 - fraction)...(1 + fraction))))
    }

    /// The host a feed is fetched from (its new address after a permanent move), lowercased:
    /// what a 429/503 rests.
    static func host(_ url: String, movedTo: String? = nil) -> String? {
        URLComponents(string: movedTo ?? url)?.host?.lowercased()
    }

    /// Seconds the most overdue of `feeds` is past its due time (the poll lag metric).
    public func lateness(of feeds: [FeedConfig], now: Timestamp) -> Double {
        // From when the feed could be polled: a host's rest is not lag.
        let overdue = feeds.compactMap { entries[$0.url].map { now.secondsSince1970 - effectiveDue($0).secondsSince1970 } }.max() ?? 0
        return Double(max(0, overdue))
    }

    public func secondsUntilNext(now: Timestamp) -> Double {
        // A feed held back by its host's rest wakes the loop when the rest ends, not every second.
        guard let next = entries.values.map(effectiveDue).min() else { return 3600 }
        return Double(max(1, next.secondsSince1970 - now.secondsSince1970))
    }
}
