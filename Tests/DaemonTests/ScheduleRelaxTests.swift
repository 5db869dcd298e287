import FeedModel
import Store
import Testing
@testable import Daemon

/// What lets go again: a gap's shortened interval, a host's rest, a cut cycle.
extension ScheduleTests {
    func delay(_ schedule: Schedule, _ url: String, from s: Int64) -> Int64 {
        schedule.dueTimes[url]!.secondsSince1970 - at(s).secondsSince1970
    }

    /// A fetch whose every entry was new: a possible gap.
    func gap(_ url: String) -> PollResult {
        var result = PollResult(feedURL: url, status: .updated(entries: 20, newEntries: 20))
        result.possibleGap = true
        return result
    }

    @Test func aShortenedIntervalDoublesBackAfterThreeCalmFetchesUntilItIsTheFeedsOwn() {
        let url = "http://a/f"
        var schedule = Schedule(feeds: [FeedConfig(url: url, interval: 4800)], defaultInterval: 900, now: t0)
        let gap = gap(url)
        schedule.reschedule([gap], now: t0)
        schedule.reschedule([gap], now: t0)
        #expect((1080...1320).contains(delay(schedule, url, from: 0)), "two gaps: a quarter of 4800")
        let calm = PollResult(feedURL: url, status: .updated(entries: 20, newEntries: 5))
        let busy = PollResult(feedURL: url, status: .updated(entries: 20, newEntries: 6))
        schedule.reschedule([calm], now: t0)
        schedule.reschedule([calm], now: t0)
        schedule.reschedule([busy], now: t0) // more than a quarter new: the count starts again
        schedule.reschedule([calm], now: t0)
        schedule.reschedule([PollResult(feedURL: url, status: .notModified)], now: t0)
        #expect((1080...1320).contains(delay(schedule, url, from: 0)), "two calm fetches since the busy one: still 1200")
        schedule.reschedule([calm], now: t0)
        #expect((2160...2640).contains(delay(schedule, url, from: 0)), "three in a row: doubled to 2400")
        #expect(schedule.records[url]?.shortenedInterval == 2400)
        for _ in 0..<3 { schedule.reschedule([calm], now: t0) }
        #expect((4320...5280).contains(delay(schedule, url, from: 0)), "back to the feed's own 4800")
        #expect(schedule.records[url]?.shortenedInterval == nil, "nothing left to store")
        // A failure neither counts as calm nor breaks the count.
        schedule.reschedule([gap], now: t0)
        schedule.reschedule([calm], now: t0)
        var failed = PollResult(feedURL: url, status: .failed("HTTP 500"))
        failed.errorCount = 1
        schedule.reschedule([failed], now: t0)
        #expect(schedule.records[url]?.shortenedInterval == 2400, "a failure is not calm")
        schedule.reschedule([calm], now: t0)
        schedule.reschedule([calm], now: t0)
        #expect(schedule.records[url]?.shortenedInterval == nil)
    }

    @Test func aNewIntervalInTheConfigReplacesAShortenedOne() {
        let url = "http://a/f"
        var schedule = Schedule(feeds: [FeedConfig(url: url, interval: 1200)], defaultInterval: 900, now: t0)
        let gap = gap(url)
        schedule.reschedule([gap], now: t0)
        schedule.update(feeds: [FeedConfig(url: url, interval: 3600)], defaultInterval: 900, now: t0)
        schedule.reschedule([PollResult(feedURL: url, status: .notModified)], now: t0)
        #expect((3240...3960).contains(delay(schedule, url, from: 0)), "the user's hour, not the gap's 10 minutes")
        // An unchanged interval keeps the shortened one.
        schedule.reschedule([gap], now: t0)
        schedule.update(feeds: [FeedConfig(url: url, interval: 3600)], defaultInterval: 900, now: t0)
        schedule.reschedule([PollResult(feedURL: url, status: .notModified)], now: t0)
        #expect((1620...1980).contains(delay(schedule, url, from: 0)))
    }

    @Test func aCancelledPollKeepsItsDueTime() {
        let url = "http://a/f"
        var schedule = Schedule(feeds: [FeedConfig(url: url)], defaultInterval: 900, now: t0)
        schedule.reschedule([PollResult(feedURL: url, status: .cancelled)], now: at(5))
        #expect(schedule.dueTimes[url] == t0)
        #expect(schedule.records[url]?.waitUntil == nil)
    }

    @Test func feedsHeldBackByTheirHostWakeTheLoopWhenTheRestEndsAndAreNotLate() {
        let feeds = [FeedConfig(url: "http://busy.example/a"), FeedConfig(url: "http://busy.example/b")]
        var schedule = Schedule(feeds: feeds, defaultInterval: 900, now: t0)
        var throttled = PollResult(feedURL: "http://busy.example/a", status: .failed("HTTP 429"))
        throttled.errorCount = 1
        throttled.retryAfterSeconds = 3600
        schedule.reschedule([throttled], now: t0) // b is still due at t0, but its host rests
        #expect(schedule.secondsUntilNext(now: at(10)) == 3590, "not every second for an hour")
        #expect(schedule.lateness(of: [feeds[1]], now: at(3700)) == 100, "late from the end of the rest")
    }

    @Test func aFeedThatMovedRestsTheHostItIsFetchedFrom() {
        let feeds = [FeedConfig(url: "http://old.example/f"), FeedConfig(url: "http://new.example/g"),
                     FeedConfig(url: "http://old.example/h")]
        var schedule = Schedule(feeds: feeds, defaultInterval: 900, now: t0)
        var moved = PollResult(feedURL: "http://old.example/f", status: .updated(entries: 3, newEntries: 3))
        moved.movedTo = "https://new.example/f"
        schedule.reschedule([moved], now: t0)
        var throttled = PollResult(feedURL: "http://old.example/f", status: .failed("HTTP 429"))
        throttled.errorCount = 1
        throttled.retryAfterSeconds = 3600
        schedule.reschedule([throttled], now: at(1000))
        #expect(schedule.due(now: at(1010)).map(\.url) == ["http://old.example/h"], "g shares f's new host; h its old one")

        // The same after a restart, where the move comes from the store.
        var stored = schedule.records
        stored["http://old.example/f"]?.movedTo = "https://new.example/f"
        #expect(Schedule.restingHosts(feeds, stored: stored, now: at(1010)) == ["new.example": at(4600)])
        let restarted = Schedule(feeds: feeds, defaultInterval: 900, now: at(1010), stored: stored)
        #expect(restarted.due(now: at(1010)).map(\.url) == ["http://old.example/h"])
        // A feed no longer configured rests nobody.
        #expect(Schedule.restingHosts([feeds[2]], stored: stored, now: at(1010)).isEmpty)
    }

    @Test func statusCanSayWhyAFeedIsPolledAsOftenAsItIs() {
        let adaptive = AdaptiveInterval(minimum: 300, maximum: 21_600)
        let feeds = [FeedConfig(url: "http://a/plain", interval: 1200), FeedConfig(url: "http://a/busy")]
        var schedule = Schedule(feeds: feeds, defaultInterval: 900, now: t0)
        #expect(schedule.pollingInterval(for: "http://a/plain", now: t0)! == (1200, .configured))
        #expect(schedule.pollingInterval(for: "http://a/unknown", now: t0) == nil)
        let gap = gap("http://a/plain")
        schedule.reschedule([gap], now: t0)
        #expect(schedule.pollingInterval(for: "http://a/plain", now: t0)! == (600, .shortened))
        schedule.adaptive = adaptive
        var posts = PollResult(feedURL: "http://a/busy", status: .updated(entries: 20, newEntries: 1))
        posts.medianEntryGap = 3600
        posts.newestEntryDate = t0
        schedule.reschedule([posts], now: t0)
        #expect(schedule.pollingInterval(for: "http://a/busy", now: at(60))! == (1800, .learned))
        #expect(schedule.pollingInterval(for: "http://a/busy", now: at(7200))! == (3600, .quiet), "silent two hours")
        #expect(Schedule.IntervalReason.shortened.description == "shortened after a possible gap")
    }

    @Test func aFeedThatReKeysOldPostsIsCalmNotBusy() {
        let url = "http://a/f"
        let stored = [url: ScheduleRecord(next: t0, shortenedInterval: 60)]
        var schedule = Schedule(feeds: [FeedConfig(url: url, interval: 3600)], defaultInterval: 900, now: t0, stored: stored)
        var rekeyed = PollResult(feedURL: url, status: .updated(entries: 20, newEntries: 20))
        rekeyed.rekeyed = true
        for _ in 0..<3 { schedule.reschedule([rekeyed], now: t0) }
        #expect(schedule.records[url]?.shortenedInterval == 120, "every entry 'new' every time, yet it relaxes")
    }

    @Test func aShortenedIntervalDoesNotOutliveAConfigChangeMadeWhileStopped() {
        let url = "http://a/f"
        var schedule = Schedule(feeds: [FeedConfig(url: url, interval: 1200)], defaultInterval: 900, now: t0)
        let gap = gap(url)
        schedule.reschedule([gap], now: t0)
        let stored = schedule.records
        #expect(stored[url]?.shortenedFrom == 1200)
        let same = Schedule(feeds: [FeedConfig(url: url, interval: 1200)], defaultInterval: 900, now: t0, stored: stored)
        #expect(same.pollingInterval(for: url, now: t0)! == (600, .shortened))
        let changed = Schedule(feeds: [FeedConfig(url: url, interval: 86_400)], defaultInterval: 900, now: t0, stored: stored)
        #expect(changed.pollingInterval(for: url, now: t0)! == (86_400, .configured))
        #expect(changed.records[url]?.shortenedInterval == nil)
        // A record from before schema 5 does not say: kept.
        var old = stored
        old[url]?.shortenedFrom = nil
        #expect(Schedule(feeds: [FeedConfig(url: url, interval: 86_400)], defaultInterval: 900, now: t0, stored: old)
                    .pollingInterval(for: url, now: t0)! == (600, .shortened))
    }

    @Test func aFeedRemovedAndAddedBackStartsAfresh() {
        let url = "http://a/f"
        var schedule = Schedule(feeds: [FeedConfig(url: url, interval: 3600)], defaultInterval: 900, now: t0)
        let gap = gap(url)
        schedule.reschedule([gap], now: t0)
        schedule.update(feeds: [], defaultInterval: 900, now: t0)
        schedule.update(feeds: [FeedConfig(url: url, interval: 3600)], defaultInterval: 900, now: t0)
        #expect(schedule.pollingInterval(for: url, now: t0)! == (3600, .configured))
    }

    @Test func theHostThatAnsweredRestsNotTheOneConfigured() {
        // feeds.example redirects to cdn.example, which answers 429: cdn.example's other feed
        // waits, feeds.example's other feed does not.
        let feeds = [FeedConfig(url: "http://feeds.example/a"), FeedConfig(url: "http://feeds.example/b"),
                     FeedConfig(url: "http://cdn.example/c")]
        var schedule = Schedule(feeds: feeds, defaultInterval: 900, now: t0)
        var throttled = PollResult(feedURL: "http://feeds.example/a", status: .failed("HTTP 429"))
        throttled.errorCount = 1
        throttled.retryAfterSeconds = 3600
        throttled.throttledBy = "http://CDN.example/a.xml"
        schedule.reschedule([throttled], now: t0)
        #expect(schedule.due(now: at(10)).map(\.url) == ["http://feeds.example/b"])
    }
}
