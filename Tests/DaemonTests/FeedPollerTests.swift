import FeedModel
import Fetching
import Foundation
import Store
import Testing
import TestSupport
@testable import Daemon

/// The poller in-process, against a local server: one bad feed never costs the others.
struct FeedPollerTests {
    let server: TestHTTPServer
    let directory: URL
    let fetcher = Fetcher()

    init() throws {
        server = try TestHTTPServer()
        directory = try TestPaths.temporaryDirectory("feedwatch-poller")
    }

    func runtime(_ feeds: [String]) async throws -> Runtime {
        try await runtime(feeds: feeds.map { FeedConfig(url: server.baseURL + $0) })
    }

    func runtime(feeds: [FeedConfig]) async throws -> Runtime {
        let config = Config(path: directory.appendingPathComponent("f.yaml").path,
                            state: directory.appendingPathComponent("s.sqlite").path,
                            alertLog: directory.appendingPathComponent("a.jsonl").path,
                            backfill: nil,
                            watchlists: TestPaths.packageRoot.appendingPathComponent("config/watchlists.d").path,
                            feeds: feeds)
        return try await Runtime(config: config, fetcher: fetcher)
    }

    @Test func backfillNoneKeepsEveryEntryOfAFirstFetchQuietAWindowLetsRecentOnesThrough() async throws {
        // One entry dated an hour ahead (a fast clock: not far enough to be flagged), one a minute
        // ago, one two days ago. `none` lets none of them alert, not even the one "from the future";
        // a day's window lets the first two through.
        let now = Timestamp.now.secondsSince1970
        func atom(_ id: String) -> String {
            """
            <feed xmlns="http://www.w3.org/2005/Atom"><title>\(id)</title><id>urn:\(id)</id>
            <entry><id>urn:\(id):1</id><title>Putin speaks</title><updated>\(Timestamp(secondsSince1970: now + 3_600).rfc3339)</updated></entry>
            <entry><id>urn:\(id):2</id><title>Putin replies</title><updated>\(Timestamp(secondsSince1970: now - 60).rfc3339)</updated></entry>
            <entry><id>urn:\(id):3</id><title>Putin, two days ago</title><updated>\(Timestamp(secondsSince1970: now - 172_800).rfc3339)</updated></entry>
            </feed>
            """
        }
        let (noneFeed, dayFeed) = (atom("none"), atom("day"))
        server.route("/none", { _ in .init(status: 200, contentType: "application/atom+xml", noneFeed) })
        server.route("/day", { _ in .init(status: 200, contentType: "application/atom+xml", dayFeed) })
        var none = FeedConfig(url: server.baseURL + "/none")
        none.backfill = .some(0)
        var day = FeedConfig(url: server.baseURL + "/day")
        day.backfill = .some(86_400)
        let rt = try await runtime(feeds: [none, day])
        let (results, _, logError) = await rt.pollAll(rt.config.feeds, log: Log(minimum: .error))
        #expect(logError == nil)
        #expect(results.map(\.status) == [.updated(entries: 3, newEntries: 3), .updated(entries: 3, newEntries: 3)])
        #expect(results.map(\.alerts) == [0, 2])
    }

    @Test func alertsWrittenWhileTheCycleRunsAreCounted() async throws {
        // A slow feed keeps the cycle open for seconds; the alerts of a fast one are written
        // meanwhile (CycleFlusher), and the cycle's count (systemd STATUS "alerts today") must
        // include them.
        let world = try TestPaths.sampleBytes("world-news.rss.xml")
        server.route("/good", { _ in .init(status: 200, body: world) })
        // The slow feed keeps its transfer open (16 bytes every 100 ms, above the low-speed
        // limit) until the fast one's alerts are in the log, so "meanwhile" does not depend on
        // how fast this machine parses or schedules: the server waits as long as it must (four
        // minutes at most, under the feed's own fetch_timeout), not a fixed time.
        let log = directory.appendingPathComponent("a.jsonl")
        let writtenMeanwhile = FeedBox(body: "no")
        server.route("/slow", { _ in
            let deadline = Date().addingTimeInterval(240)
            let pieces = FeedBox(body: "head")
            return .producing { () -> [UInt8]? in
                switch pieces.body {
                case "head":
                    pieces.body = "padding"
                    return Array("<rss version=\"2.0\"><channel><title>Quiet</title>".utf8)
                case "padding":
                    usleep(100_000)
                    if ((try? String(contentsOf: log, encoding: .utf8)) ?? "").split(separator: "\n").count == 9 {
                        writtenMeanwhile.body = "yes"
                        pieces.body = "tail"
                    } else if Date() >= deadline {
                        pieces.body = "tail"
                    }
                    return Array("<!-- padding -->".utf8)
                case "tail":
                    pieces.body = "done"
                    return Array("</channel></rss>".utf8)
                default:
                    return nil
                }
            }
        })
        var slow = FeedConfig(url: server.baseURL + "/slow")
        slow.fetchTimeout = 300
        let rt = try await runtime(feeds: [FeedConfig(url: server.baseURL + "/good"), slow])
        let (results, written, logError) = await rt.pollAll(rt.config.feeds, log: Log(minimum: .error))
        #expect(writtenMeanwhile.body == "yes", "the fast feed's alerts waited for the slow feed")
        #expect(logError == nil)
        #expect(results.map(\.alerts) == [9, 0])
        #expect(written == 9)
        let lines = try String(contentsOf: directory.appendingPathComponent("a.jsonl"), encoding: .utf8).split(separator: "\n")
        #expect(lines.count == 9)
    }

    @Test func badFeedsFailAloneWithTheirReasonRecorded() async throws {
        let world = try TestPaths.sampleBytes("world-news.rss.xml")
        server.route("/good", { _ in .init(status: 200, body: world) })
        server.route("/html", { _ in .init(status: 200, contentType: "text/html", "<html><body>Sorry</body></html>") })
        server.route("/broken", { _ in .init(status: 500, contentType: "text/plain", "oops") })
        let rt = try await runtime(["/good", "/html", "/broken"])
        let (results, written, logError) = await rt.pollAll(rt.config.feeds, log: Log(minimum: .error))
        #expect(logError == nil)
        #expect(written == 9)
        #expect(results.map(\.status) == [
            .updated(entries: 4, newEntries: 4),
            .failed("not a feed: this is an HTML page, not a feed"),
            .failed("HTTP 500"),
        ])
        let states = try await rt.ledger.feeds()
        let broken = try #require(states.first { $0.url.hasSuffix("/broken") })
        #expect(broken.errorCount == 1)
        #expect(broken.lastError == "HTTP 500")
    }

    @Test func aBozoFeedStillAlertsOnItsReadableEntries() async throws {
        server.route("/bozo", { _ in .init(status: 200, """
            <rss version="2.0"><channel><title>Broken & proud</title>
            <item><title>Peskov speaks</title><guid>1</guid></item>
            <item><title>Putin repl
            """) })
        let rt = try await runtime(["/bozo"])
        let (results, written, _) = await rt.pollAll(rt.config.feeds, log: Log(minimum: .error))
        #expect(results.first?.warning != nil)
        #expect(written >= 1)
        let log = try String(contentsOf: directory.appendingPathComponent("a.jsonl"), encoding: .utf8)
        #expect(log.contains("\"watch\":\"Dmitry Peskov\""))
    }

    @Test func goneFeedsStopBeingPolledAndSayWhy() async throws {
        server.route("/gone", { _ in .init(status: 410) })
        let rt = try await runtime(["/gone"])
        let first = await rt.pollAll(rt.config.feeds, log: Log(minimum: .error)).results
        guard case .disabled = first[0].status else { Issue.record("\(first)"); return }
        let second = await rt.pollAll(rt.config.feeds, log: Log(minimum: .error)).results
        guard case let .disabled(reason) = second[0].status else { Issue.record("\(second)"); return }
        #expect(reason.contains("410 Gone"))
        #expect(server.requests.count == 1, "no fetch after 410")
        let state = try #require(try await rt.ledger.feeds().first)
        #expect(state.disabled?.contains("410") == true)
    }

    @Test func aPermanentRedirectIsFollowedFromThenOn() async throws {
        let world = try TestPaths.sampleBytes("world-news.rss.xml")
        server.route("/old", { _ in .init(status: 301, headers: [("Location", "/new")]) })
        server.route("/new", { _ in .init(status: 200, body: world) })
        let rt = try await runtime(["/old"])
        let first = await rt.pollAll(rt.config.feeds, log: Log(minimum: .error)).results
        #expect(first[0].warning?.contains("moved permanently to \(server.baseURL)/new") == true)
        _ = await rt.pollAll(rt.config.feeds, log: Log(minimum: .error))
        #expect(server.requests.map(\.path) == ["/old", "/new", "/new"])
        let state = try #require(try await rt.ledger.feeds().first)
        #expect(state.movedTo == "\(server.baseURL)/new")
        #expect(state.url == "\(server.baseURL)/old", "the feed keeps its identity: no duplicate alerts")
    }

    @Test func aFeedThatSaysItMovedIsReportedNotFollowed() async throws {
        let podcast = { (announcement: String) in """
            <rss version="2.0" xmlns:itunes="http://www.itunes.com/dtds/podcast-1.0.dtd"><channel><title>Pod</title>
            \(announcement)<item><title>Episode</title><guid>1</guid></item></channel></rss>
            """ }
        let pod = FeedBox(body: podcast("<itunes:new-feed-url>https://pod.example/new.rss</itunes:new-feed-url>"))
        server.route("/pod", { _ in .init(status: 200, pod.body) })
        server.route("/self", { _ in .init(status: 200, """
            <rss version="2.0"><redirect><newLocation>\(self.server.baseURL)/self</newLocation></redirect>
            <channel><title>Here</title><item><title>x</title><guid>1</guid></item></channel></rss>
            """) })
        server.route("/script", { _ in .init(status: 200, """
            <rss version="2.0"><redirect><newLocation>javascript:alert(1)</newLocation></redirect>
            <channel><title>No</title><item><title>x</title><guid>1</guid></item></channel></rss>
            """) })
        let rt = try await runtime(["/pod", "/self", "/script"])
        let results = await rt.pollAll(rt.config.feeds, log: Log(minimum: .error)).results
        let result = try #require(results.first { $0.feedURL.hasSuffix("/pod") })
        #expect(result.warning?.contains("the feed says it has moved to https://pod.example/new.rss; not followed") == true,
                "\(result.warning ?? "")")
        #expect(result.movedTo == nil, "only a server's 301/308 moves a feed")
        #expect(results.first { $0.feedURL.hasSuffix("/self") }?.warning == nil, "pointing at itself is no move")
        #expect(results.first { $0.feedURL.hasSuffix("/script") }?.warning == nil)
        #expect(server.requests.map(\.path).sorted() == ["/pod", "/script", "/self"], "nothing fetched from the announced address")
        // Stored for `status` until a fetch no longer says it.
        func announced() async throws -> [String: String?] {
            let states = try await rt.ledger.feeds()
            return Dictionary(uniqueKeysWithValues: states.map { (String($0.url.split(separator: "/").last ?? ""), $0.announcedMove) })
        }
        #expect(try await announced() == ["pod": "https://pod.example/new.rss", "self": nil, "script": nil])
        pod.body = podcast("")
        _ = await rt.pollAll(rt.config.feeds, log: Log(minimum: .error))
        #expect(try await announced()["pod"] == .some(nil), "the announcement is gone from the feed, and from the state")
    }

    @Test func throttledFeedsReportRetryAfterAndCountErrors() async throws {
        server.route("/busy", { _ in .init(status: 503, headers: [("Retry-After", "90")]) })
        let rt = try await runtime(["/busy"])
        let first = await rt.pollAll(rt.config.feeds, log: Log(minimum: .error)).results[0]
        #expect(first.retryAfterSeconds == 90)
        #expect(first.errorCount == 1)
        #expect(first.throttledBy == server.baseURL + "/busy", "the URL that answered, whose host rests")
        let second = await rt.pollAll(rt.config.feeds, log: Log(minimum: .error)).results[0]
        #expect(second.errorCount == 2)
        let state = try #require(try await rt.ledger.feeds().first)
        #expect(state.httpStatus == 503)
    }

    @Test func everyEntryNewAfterASuccessIsAPossibleGap() async throws {
        let feed = FeedBox(body: "<rss version=\"2.0\"><channel><item><guid>1</guid><title>a</title></item><item><guid>2</guid><title>b</title></item></channel></rss>")
        server.route("/turnover", { _ in .init(status: 200, contentType: "application/rss+xml", feed.body) })
        let rt = try await runtime(["/turnover"])
        _ = await rt.pollAll(rt.config.feeds, log: Log(minimum: .error))
        feed.body = "<rss version=\"2.0\"><channel><item><guid>3</guid><title>c</title></item><item><guid>4</guid><title>d</title></item></channel></rss>"
        let second = await rt.pollAll(rt.config.feeds, log: Log(minimum: .error)).results[0]
        #expect(second.possibleGap)
        #expect(second.warning?.contains("possible gap") == true)
    }

    @Test func undatedPostsUnderNewIdsAreKnownByTheirLinks() async throws {
        func rss(_ items: [(id: String, link: String)]) -> String {
            "<rss version=\"2.0\"><channel>" + items.map {
                "<item><guid isPermaLink=\"false\">\($0.id)</guid>" + ($0.link.isEmpty ? "" : "<link>http://x.example/\($0.link)</link>") + "</item>"
            }.joined() + "</channel></rss>"
        }
        let feed = FeedBox(body: rss([("s1-a", "a"), ("s1-b", "b"), ("s1-c", "c")]))
        server.route("/sessions", { _ in .init(status: 200, contentType: "application/rss+xml", feed.body) })
        let rt = try await runtime(["/sessions"])
        _ = await rt.pollAll(rt.config.feeds, log: Log(minimum: .error))
        #expect(try await rt.ledger.recentLinks(server.baseURL + "/sessions").count == 3)
        feed.body = rss([("s2-a", "a"), ("s2-b", "b"), ("s2-d", "d")]) // two old posts re-keyed, one new
        let rekeyed = await rt.pollAll(rt.config.feeds, log: Log(minimum: .error)).results[0]
        #expect(!rekeyed.possibleGap)
        #expect(rekeyed.rekeyed)
        #expect(rekeyed.warning?.contains("2 of their links were in the last fetch") == true, "\(rekeyed.warning ?? "")")
        feed.body = rss([("s3-e", "e"), ("s3-f", "f"), ("s3-a", "a")]) // one of three known: a real turnover
        let turnover = await rt.pollAll(rt.config.feeds, log: Log(minimum: .error)).results[0]
        #expect(turnover.possibleGap)
        #expect(!turnover.rekeyed)
        // Items that all link to one page (a live page): new items are a turnover, whatever that link did before.
        feed.body = rss([("s4-g", "live"), ("s4-h", "live")])
        _ = await rt.pollAll(rt.config.feeds, log: Log(minimum: .error))
        feed.body = rss([("s5-i", "live"), ("s5-j", "live"), ("s5-k", "live")])
        let live = await rt.pollAll(rt.config.feeds, log: Log(minimum: .error)).results[0]
        #expect(live.possibleGap, "\(live.warning ?? "")")
        // One known link and an item without one: one link says nothing.
        feed.body = rss([("s6-l", "live"), ("s6-m", "")])
        #expect(await rt.pollAll(rt.config.feeds, log: Log(minimum: .error)).results[0].possibleGap)
        // Two known links among six items, four without links: most entries are not known ones.
        feed.body = rss([("s7-a", "a"), ("s7-b", "b")])
        _ = await rt.pollAll(rt.config.feeds, log: Log(minimum: .error))
        feed.body = rss([("s8-a", "a"), ("s8-b", "b"), ("s8-1", ""), ("s8-2", ""), ("s8-3", ""), ("s8-4", "")])
        #expect(await rt.pollAll(rt.config.feeds, log: Log(minimum: .error)).results[0].possibleGap)
    }

    @Test func oldPostsUnderNewIdsAreNotAGap() async throws {
        // A feed whose ids change on every fetch (a session or a timestamp in the guid) shows
        // "all new" every time; halving its interval each time would poll it every minute.
        func rss(_ ids: [String], dated days: [Int]) -> String {
            let items = zip(ids, days).map { id, day in
                "<item><guid>\(id)</guid><title>t\(day)</title><pubDate>\(day) Nov 2026 10:00:00 GMT</pubDate></item>"
            }.joined()
            return "<rss version=\"2.0\"><channel>\(items)</channel></rss>"
        }
        let feed = FeedBox(body: rss(["a1", "a2"], dated: [20, 21]))
        server.route("/rekeyed", { _ in .init(status: 200, contentType: "application/rss+xml", feed.body) })
        let rt = try await runtime(["/rekeyed"])
        _ = await rt.pollAll(rt.config.feeds, log: Log(minimum: .error))
        #expect(try await rt.ledger.feeds().first?.newestEntry == Timestamp(year: 2026, month: 11, day: 21, hour: 10))
        feed.body = rss(["b1", "b2"], dated: [20, 21]) // the same two posts, new ids
        let rekeyed = await rt.pollAll(rt.config.feeds, log: Log(minimum: .error)).results[0]
        #expect(!rekeyed.possibleGap)
        #expect(rekeyed.warning?.contains("the feed changes its entry ids") == true, "\(rekeyed.warning ?? "")")
        feed.body = rss(["c1", "c2"], dated: [24, 25]) // two posts newer than anything seen: a real turnover
        let turnover = await rt.pollAll(rt.config.feeds, log: Log(minimum: .error)).results[0]
        #expect(turnover.possibleGap)
    }
}

/// A response body the test changes between polls (locked: the server reads it on its own thread).
final class FeedBox: @unchecked Sendable {
    private let lock = NSLock()
    private var value: String
    init(body: String) { value = body }
    var body: String {
        get { lock.lock(); defer { lock.unlock() }; return value }
        set { lock.lock(); value = newValue; lock.unlock() }
    }
}
