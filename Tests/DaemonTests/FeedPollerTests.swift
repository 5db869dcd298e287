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
        let config = Config(path: directory.appendingPathComponent("f.yaml").path,
                            state: directory.appendingPathComponent("s.sqlite").path,
                            alertLog: directory.appendingPathComponent("a.jsonl").path,
                            backfill: nil,
                            watchlists: TestPaths.packageRoot.appendingPathComponent("config/watchlists.d").path,
                            feeds: feeds.map { FeedConfig(url: server.baseURL + $0) })
        return try await Runtime(config: config, fetcher: fetcher)
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
}
