import FeedModel
import Fetching
import Testing
import Store
@testable import Daemon

struct ScheduleTests {
    let t0 = Timestamp(secondsSince1970: 1_000_000)
    func at(_ s: Int64) -> Timestamp { Timestamp(secondsSince1970: 1_000_000 + s) }

    @Test func newFeedsAreDueAtOnceAndThenAfterTheirJitteredInterval() {
        var schedule = Schedule(feeds: [FeedConfig(url: "http://a/f", interval: 600)], defaultInterval: 900, now: t0)
        #expect(schedule.due(now: t0).map(\.url) == ["http://a/f"])
        schedule.reschedule([PollResult(feedURL: "http://a/f", status: .notModified)], now: t0)
        let next = schedule.dueTimes["http://a/f"]!.secondsSince1970 - t0.secondsSince1970
        #expect((540...660).contains(next))
    }

    @Test func latenessIsHowFarTheMostOverdueFeedIsPastItsDueTime() {
        let feeds = [FeedConfig(url: "http://a/1"), FeedConfig(url: "http://a/2")]
        let schedule = Schedule(feeds: feeds, defaultInterval: 900, now: t0)
        #expect(schedule.lateness(of: feeds, now: t0) == 0)
        #expect(schedule.lateness(of: feeds, now: at(42)) == 42)
        #expect(schedule.lateness(of: [], now: at(42)) == 0)
        #expect(schedule.lateness(of: feeds, now: at(-5)) == 0, "early is not late")
    }

    @Test func backoffDoublesFromAMinuteToTwelveHoursAndNeverDrops() {
        #expect(Schedule.backoff(errors: 1) == 60)
        #expect(Schedule.backoff(errors: 2) == 120)
        #expect(Schedule.backoff(errors: 5) == 960)
        #expect(Schedule.backoff(errors: 11) == 43_200)
        #expect(Schedule.backoff(errors: 500) == 43_200)
        var schedule = Schedule(feeds: [FeedConfig(url: "http://a/f")], defaultInterval: 900, now: t0)
        var failed = PollResult(feedURL: "http://a/f", status: .failed("HTTP 500"))
        failed.errorCount = 30
        schedule.reschedule([failed], now: t0)
        let next = schedule.dueTimes["http://a/f"]!.secondsSince1970 - t0.secondsSince1970
        #expect((34_560...51_840).contains(next), "capped at 12 h ± 20%, still scheduled")
    }

    @Test func retryAfterRestsEveryFeedOfThatHost() {
        let feeds = [FeedConfig(url: "http://busy.example/a"), FeedConfig(url: "http://busy.example/b"), FeedConfig(url: "http://calm.example/c")]
        var schedule = Schedule(feeds: feeds, defaultInterval: 900, now: t0)
        var throttled = PollResult(feedURL: "http://busy.example/a", status: .failed("HTTP 429"))
        throttled.errorCount = 1
        throttled.retryAfterSeconds = 3600
        schedule.reschedule([throttled], now: t0)
        #expect(schedule.due(now: at(10)).map(\.url) == ["http://calm.example/c"], "b waits with a, c does not")
        #expect(schedule.due(now: at(3601)).map(\.url).contains("http://busy.example/b"))
    }

    @Test func aPossibleGapHalvesTheInterval() {
        var schedule = Schedule(feeds: [FeedConfig(url: "http://a/f", interval: 1200)], defaultInterval: 900, now: t0)
        var result = PollResult(feedURL: "http://a/f", status: .updated(entries: 20, newEntries: 20))
        result.possibleGap = true
        schedule.reschedule([result], now: t0)
        let next = schedule.dueTimes["http://a/f"]!.secondsSince1970 - t0.secondsSince1970
        #expect((540...660).contains(next))
    }

    @Test func goneFeedsLeaveTheRotation() {
        var schedule = Schedule(feeds: [FeedConfig(url: "http://a/f")], defaultInterval: 900, now: t0)
        schedule.reschedule([PollResult(feedURL: "http://a/f", status: .disabled("410"))], now: t0)
        #expect(schedule.due(now: at(100_000)).isEmpty)
    }

    @Test func aReloadThatShortensTheIntervalBringsTheNextPollForward() {
        // b's first poll is due at 3240...3960 (jittered), so a default of 60 s at 3800 moves it to 3860 at the latest.
        var schedule = Schedule(feeds: [FeedConfig(url: "http://a/f", interval: 86_400), FeedConfig(url: "http://b/f")],
                                defaultInterval: 3_600, now: t0)
        schedule.reschedule([PollResult(feedURL: "http://a/f", status: .notModified), PollResult(feedURL: "http://b/f", status: .notModified)], now: t0)
        let before = schedule.dueTimes
        // The user edits `interval: 10m` and reloads an hour later.
        schedule.update(feeds: [FeedConfig(url: "http://a/f", interval: 600), FeedConfig(url: "http://b/f")], defaultInterval: 3_600, now: at(3_600))
        #expect(schedule.dueTimes["http://a/f"] == at(4_200))
        #expect(schedule.dueTimes["http://b/f"] == before["http://b/f"], "an unchanged interval keeps its due time")
        // A longer interval keeps the due time it had.
        schedule.update(feeds: [FeedConfig(url: "http://a/f", interval: 7_200), FeedConfig(url: "http://b/f")], defaultInterval: 3_600, now: at(3_700))
        #expect(schedule.dueTimes["http://a/f"] == at(4_200))
        // So does a shorter default for a feed that has its own interval; one without follows it.
        schedule.update(feeds: [FeedConfig(url: "http://a/f", interval: 7_200), FeedConfig(url: "http://b/f")], defaultInterval: 60, now: at(3_800))
        #expect(schedule.dueTimes["http://a/f"] == at(4_200))
        #expect(schedule.dueTimes["http://b/f"] == min(before["http://b/f"]!, at(3_860)))
    }

    @Test func aFailingFeedWhoseHeadersChangeIsRetriedAtOnce() {
        var schedule = Schedule(feeds: [FeedConfig(url: "http://a/f")], defaultInterval: 900, now: t0)
        var failing = PollResult(feedURL: "http://a/f", status: .failed("HTTP 401"))
        failing.errorCount = 9 // backing off for hours
        schedule.reschedule([failing], now: t0)
        #expect(schedule.due(now: at(3_600)).isEmpty)
        var fixed = FeedConfig(url: "http://a/f")
        fixed.headers = [HTTPHeader(name: "Authorization", value: "Bearer new")]
        schedule.update(feeds: [fixed], defaultInterval: 900, now: at(3_600))
        #expect(schedule.due(now: at(3_600)).map(\.headers) == [fixed.headers])
    }

    @Test func storedDueTimesSurviveARestart() {
        let schedule = Schedule(feeds: [FeedConfig(url: "http://a/f", interval: 900)], defaultInterval: 900, now: t0,
                                stored: ["http://a/f": ScheduleRecord(next: at(300))])
        #expect(schedule.due(now: at(10)).isEmpty)
        #expect(schedule.due(now: at(300)).count == 1)
    }

    @Test func retryAfterAcceptsSecondsAndDatesWithinAWeek() {
        let now = Timestamp(year: 2015, month: 10, day: 21, hour: 7)!
        #expect(RetryAfter.seconds("120", now: now) == 120)
        #expect(RetryAfter.seconds("Wed, 21 Oct 2015 07:28:00 GMT", now: now) == 1680)
        #expect(RetryAfter.seconds("99999999", now: now) == 604_800)
        #expect(RetryAfter.seconds("soon", now: now) == nil)
    }
}

extension ScheduleTests {
    @Test func cachingHeadersDelayTheNextPollUpToACap() {
        var schedule = Schedule(feeds: [FeedConfig(url: "http://a/f", interval: 300)], defaultInterval: 900, now: t0)
        var result = PollResult(feedURL: "http://a/f", status: .notModified)
        result.freshSeconds = 3600
        schedule.reschedule([result], now: t0)
        #expect(schedule.dueTimes["http://a/f"]!.secondsSince1970 - t0.secondsSince1970 == 3600)
    }

    @Test func freshnessFromMaxAgeOrExpires() {
        let now = Timestamp(year: 2015, month: 10, day: 21, hour: 7)!
        func response(_ control: String?, _ expires: String? = nil, _ date: String? = nil) -> FetchResponse {
            var r = FetchResponse(status: 200, body: [], effectiveURL: "http://a/")
            r.cacheControl = control; r.expires = expires; r.date = date
            return r
        }
        #expect(Freshness.seconds(response("public, max-age=1800"), now: now) == 1800)
        #expect(Freshness.seconds(response("max-age=999999"), now: now) == Freshness.cap)
        #expect(Freshness.seconds(response("no-cache, max-age=600"), now: now) == nil)
        #expect(Freshness.seconds(response(nil, "Wed, 21 Oct 2015 08:00:00 GMT", "Wed, 21 Oct 2015 07:30:00 GMT"), now: now) == 1800)
        #expect(Freshness.seconds(response(nil, "0"), now: now) == nil)
    }
}

extension ScheduleTests {
    @Test func adaptivePollingFollowsTheMedianGapWithinBounds() {
        var schedule = Schedule(feeds: [FeedConfig(url: "http://a/f", interval: 900)], defaultInterval: 900, now: t0)
        schedule.adaptive = AdaptiveInterval(minimum: 300, maximum: 7200)
        func next(afterGap gap: Int) -> Int64 {
            var result = PollResult(feedURL: "http://a/f", status: .updated(entries: 10, newEntries: 1))
            result.medianEntryGap = gap
            schedule.reschedule([result], now: t0)
            return schedule.dueTimes["http://a/f"]!.secondsSince1970 - t0.secondsSince1970
        }
        #expect((1620...1980).contains(next(afterGap: 3600)), "half of an hourly cadence, ±10%")
        #expect((270...330).contains(next(afterGap: 60)), "never below the minimum")
        #expect((6480...7920).contains(next(afterGap: 86_400)), "never above the maximum")
    }

    @Test func theMedianGapIgnoresBurstsAndStragglers() {
        let base: Int64 = 1_700_000_000
        let dates = [0, 3600, 7200, 7210, 7220, 10_800, 14_400, -900_000].map { Timestamp(secondsSince1970: base + Int64($0)) }
        #expect(FeedPoller.medianGap(dates) == 3600, "gaps 10, 10, 3580, 3600, 3600, 3600, 900000")
        #expect(FeedPoller.medianGap(Array(dates.prefix(2))) == nil)
    }
}

/// What a restart must not undo, and what a 304 must not forget.
extension ScheduleTests {
    @Test func aThrottledHostRestsEvenWithoutRetryAfter() {
        let feeds = [FeedConfig(url: "http://busy.example/a"), FeedConfig(url: "http://busy.example/b"), FeedConfig(url: "http://calm.example/c")]
        var schedule = Schedule(feeds: feeds, defaultInterval: 900, now: t0)
        var throttled = PollResult(feedURL: "http://busy.example/a", status: .failed("HTTP 503"))
        throttled.errorCount = 1
        throttled.throttled = true
        schedule.reschedule([throttled], now: t0)
        #expect(schedule.due(now: at(10)).map(\.url) == ["http://calm.example/c"], "b rests with a for a's backoff")
        #expect(schedule.due(now: at(73)).map(\.url).contains("http://busy.example/b"), "a minute's backoff, +20% at most")
        // A plain failure (500) backs off its feed only.
        var failed = PollResult(feedURL: "http://calm.example/c", status: .failed("HTTP 500"))
        failed.errorCount = 1
        schedule.reschedule([failed], now: at(100))
        #expect(schedule.due(now: at(110)).map(\.url) == ["http://busy.example/a", "http://busy.example/b"])
    }

    @Test func aRestartKeepsBackoffRetryAfterAndFreshnessWaits() {
        let feeds = [FeedConfig(url: "http://a.example/backoff"), FeedConfig(url: "http://b.example/throttled"),
                     FeedConfig(url: "http://b.example/sibling"), FeedConfig(url: "http://c.example/fresh"),
                     FeedConfig(url: "http://d.example/plain")]
        var schedule = Schedule(feeds: feeds, defaultInterval: 900, now: t0)
        var failing = PollResult(feedURL: "http://a.example/backoff", status: .failed("HTTP 500"))
        failing.errorCount = 9 // 256 minutes ± 20%
        var throttled = PollResult(feedURL: "http://b.example/throttled", status: .failed("HTTP 429"))
        throttled.errorCount = 1
        throttled.throttled = true
        throttled.retryAfterSeconds = 7_200
        var fresh = PollResult(feedURL: "http://c.example/fresh", status: .notModified)
        fresh.freshSeconds = 6 * 3600
        schedule.reschedule([failing, throttled, fresh, PollResult(feedURL: "http://b.example/sibling", status: .notModified),
                             PollResult(feedURL: "http://d.example/plain", status: .notModified)], now: t0)
        let stored = schedule.records
        #expect(stored["http://b.example/throttled"]?.hostRests == true)
        #expect(stored["http://d.example/plain"]?.waitUntil == nil)

        // Restarted ten minutes later with the same config.
        let restarted = Schedule(feeds: feeds, defaultInterval: 900, now: at(600), stored: stored)
        #expect(restarted.due(now: at(1_200)).map(\.url) == ["http://d.example/plain"],
                "the plain feed is due after its interval; every wait still holds")
        #expect(restarted.due(now: at(7_201)).map(\.url).contains("http://b.example/sibling"), "the host's rest ends with Retry-After")
        #expect(!restarted.due(now: at(7_000)).map(\.url).contains("http://b.example/sibling"), "the sibling rests with its host")
        #expect(restarted.dueTimes["http://c.example/fresh"] == at(6 * 3600), "fresh for six hours")
        #expect(restarted.dueTimes["http://a.example/backoff"]!.secondsSince1970 - t0.secondsSince1970 >= 12_288, "256 min - 20%")
        // The old cap (one interval from the restart) made every feed due by 1,500; now only those without a wait are.
        #expect(restarted.dueTimes.filter { $0.value <= at(1_500) }.keys.sorted() == ["http://b.example/sibling", "http://d.example/plain"])
    }

    @Test func aShorterIntervalStillBringsAPlainFeedForwardOnRestart() {
        let stored = ["http://a/f": ScheduleRecord(next: at(86_400))]
        let schedule = Schedule(feeds: [FeedConfig(url: "http://a/f", interval: 600)], defaultInterval: 900, now: t0, stored: stored)
        #expect(schedule.dueTimes["http://a/f"] == at(600))
    }

    @Test func theLearnedIntervalOutlivesA304AndARestart() {
        let adaptive = AdaptiveInterval(minimum: 300, maximum: 7200)
        var schedule = Schedule(feeds: [FeedConfig(url: "http://a/f", interval: 900)], defaultInterval: 900, now: t0, adaptive: adaptive)
        var updated = PollResult(feedURL: "http://a/f", status: .updated(entries: 10, newEntries: 1))
        updated.medianEntryGap = 7200 // posts every two hours: poll hourly
        schedule.reschedule([updated], now: t0)
        schedule.reschedule([PollResult(feedURL: "http://a/f", status: .notModified)], now: t0)
        #expect((3240...3960).contains(schedule.dueTimes["http://a/f"]!.secondsSince1970 - t0.secondsSince1970),
                "a 304 keeps the hourly rhythm, not the configured 15 minutes")
        var gap = PollResult(feedURL: "http://a/f", status: .updated(entries: 10, newEntries: 10))
        gap.possibleGap = true
        schedule.reschedule([gap], now: t0) // halves the learned hour
        let stored = schedule.records
        #expect(stored["http://a/f"]?.learnedInterval == 3600)
        #expect(stored["http://a/f"]?.shortenedInterval == 1800)
        var restarted = Schedule(feeds: [FeedConfig(url: "http://a/f", interval: 900)], defaultInterval: 900, now: t0,
                                 stored: stored, adaptive: adaptive)
        restarted.reschedule([PollResult(feedURL: "http://a/f", status: .notModified)], now: t0)
        #expect((1620...1980).contains(restarted.dueTimes["http://a/f"]!.secondsSince1970 - t0.secondsSince1970))
        // Without adaptive polling the configured 15 minutes apply again (shorter than the stored half hour).
        var plain = Schedule(feeds: [FeedConfig(url: "http://a/f", interval: 900)], defaultInterval: 900, now: t0, stored: stored)
        plain.reschedule([PollResult(feedURL: "http://a/f", status: .notModified)], now: t0)
        #expect((810...990).contains(plain.dueTimes["http://a/f"]!.secondsSince1970 - t0.secondsSince1970))
    }
}

extension ScheduleTests {
    @Test func aFeedThatFallsSilentAfterABurstIsPolledLessAndLess() {
        let adaptive = AdaptiveInterval(minimum: 300, maximum: 21_600)
        var schedule = Schedule(feeds: [FeedConfig(url: "http://a/f")], defaultInterval: 900, now: t0, adaptive: adaptive)
        func delay(after result: PollResult, at s: Int64) -> Int64 {
            schedule.reschedule([result], now: at(s))
            return schedule.dueTimes["http://a/f"]!.secondsSince1970 - at(s).secondsSince1970
        }
        var burst = PollResult(feedURL: "http://a/f", status: .updated(entries: 20, newEntries: 20))
        burst.medianEntryGap = 120 // twenty posts two minutes apart, the newest just now
        burst.newestEntryDate = t0
        #expect((270...330).contains(delay(after: burst, at: 0)), "the minimum while the burst lasts")
        let unchanged = PollResult(feedURL: "http://a/f", status: .notModified)
        #expect((3240...3960).contains(delay(after: unchanged, at: 7_200)), "silent two hours: hourly")
        #expect((12_960...15_840).contains(delay(after: unchanged, at: 28_800)), "silent eight hours: every four")
        #expect((19_440...23_760).contains(delay(after: unchanged, at: 172_800)), "silent two days: the maximum")
        var post = PollResult(feedURL: "http://a/f", status: .updated(entries: 20, newEntries: 1))
        post.medianEntryGap = 120
        post.newestEntryDate = at(172_800)
        #expect((270...330).contains(delay(after: post, at: 172_800)), "a new post brings the rhythm back")
        #expect(schedule.records["http://a/f"]?.newestEntry == at(172_800))
    }
}

extension ScheduleTests {
    @Test func jitterSpreadsFeedsPolledTogether() {
        let feeds = (0..<50).map { FeedConfig(url: "http://h\($0).example/f") }
        var schedule = Schedule(feeds: feeds, defaultInterval: 900, now: t0)
        schedule.reschedule(feeds.map { PollResult(feedURL: $0.url, status: .notModified) }, now: t0)
        let delays = schedule.dueTimes.values.map { $0.secondsSince1970 - t0.secondsSince1970 }
        #expect(delays.allSatisfy { (810...990).contains($0) }, "±10% of 15 minutes")
        // Without jitter all fifty would be due at the same second, cycle after cycle.
        #expect(Set(delays).count >= 25)
        #expect(delays.max()! - delays.min()! >= 90)
    }
}

extension ScheduleTests {
    @Test func oneDeadFeedDoesNotHoldBackItsHostForHours() {
        let feeds = [FeedConfig(url: "http://shared.example/dead"), FeedConfig(url: "http://shared.example/alive")]
        var schedule = Schedule(feeds: feeds, defaultInterval: 900, now: t0)
        var dead = PollResult(feedURL: "http://shared.example/dead", status: .failed("HTTP 503"))
        dead.errorCount = 9 // its own backoff: about four hours
        dead.throttled = true
        schedule.reschedule([dead], now: t0)
        #expect(schedule.due(now: at(10)).isEmpty, "the host rests a little")
        #expect(schedule.due(now: at(73)).map(\.url) == ["http://shared.example/alive"], "a first backoff, not the dead feed's four hours")
        #expect(schedule.records["http://shared.example/dead"]?.hostRests == false, "so a restart does not rest the host either")
    }

    @Test func aRestoredWaitIsAtMostAWeek() {
        let stored = ["http://a/f": ScheduleRecord(next: at(10 * 86_400 * 365), waitUntil: at(10 * 86_400 * 365), hostRests: true)]
        let schedule = Schedule(feeds: [FeedConfig(url: "http://a/f")], defaultInterval: 900, now: t0, stored: stored)
        #expect(schedule.dueTimes["http://a/f"] == at(7 * 86_400))
    }
}
