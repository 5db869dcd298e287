import FeedModel
import Fetching
import Foundation
import Testing
import TestSupport
@testable import Daemon

/// Per-feed options take effect in polling: headers, watch lists, fields, enabled.
struct FeedOptionsPollingTests {
    let server: TestHTTPServer
    let directory: URL
    let fetcher = Fetcher()

    init() throws {
        server = try TestHTTPServer()
        directory = try TestPaths.temporaryDirectory("feed-options")
        let lists = directory.appendingPathComponent("lists")
        try FileManager.default.createDirectory(at: lists, withIntermediateDirectories: true)
        try "watch:\n  - name: Vladimir Putin\n    type: person\n    aliases: [Putin]\n".write(to: lists.appendingPathComponent("russia.yaml"), atomically: true, encoding: .utf8)
        try "watch:\n  - name: Bayern Munich\n    type: organization\n    aliases: [Bayern]\n".write(to: lists.appendingPathComponent("football.yaml"), atomically: true, encoding: .utf8)
    }

    func runtime(_ feeds: [FeedConfig]) async throws -> Runtime {
        let config = Config(path: directory.appendingPathComponent("f.yaml").path,
                            state: directory.appendingPathComponent("s.sqlite").path,
                            alertLog: directory.appendingPathComponent("a.jsonl").path,
                            backfill: nil, watchlists: directory.appendingPathComponent("lists").path, feeds: feeds)
        return try await Runtime(config: config, fetcher: fetcher)
    }

    func alertedWatches() throws -> Set<String> {
        let text = (try? String(contentsOf: directory.appendingPathComponent("a.jsonl"), encoding: .utf8)) ?? ""
        return Set(text.split(separator: "\n").compactMap {
            (try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])?["watch"] as? String
        })
    }

    func feed(_ path: String, _ configure: (inout FeedConfig) -> Void = { _ in }) -> FeedConfig {
        var feed = FeedConfig(url: server.baseURL + path)
        configure(&feed)
        return feed
    }

    let rss = """
        <rss version="2.0"><channel><title>T</title>
        <item><guid>1</guid><title>Putin meets envoys</title><description>Bayern fans travel to Moscow.</description></item>
        </channel></rss>
        """

    @Test func aFeedMovedToAnotherHostNeverGetsItsCredentials() async throws {
        // A 301 to another origin: libcurl keeps Authorization from it while following the
        // redirect, and the polls after it, which go straight to the new address, must too.
        let elsewhere = try TestHTTPServer()
        let body = rss
        elsewhere.route("/feed", { _ in .init(status: 200, body) })
        let target = elsewhere.baseURL + "/feed"
        server.route("/moving", { _ in .init(status: 301, headers: [("Location", target)]) })
        let rt = try await runtime([feed("/moving") { $0.headers = [HTTPHeader(name: "Authorization", value: "Bearer s3cret"),
                                                                    HTTPHeader(name: "X-Client", value: "feedwatch-test")] }])
        for _ in 0..<2 { _ = await rt.pollAll(rt.config.feeds, log: Log(minimum: .error)) }
        #expect(try await rt.ledger.feedState(server.baseURL + "/moving")?.movedTo == target)
        #expect(server.requests.count == 1, "the second poll goes to the new address")
        #expect(elsewhere.requests.count == 2)
        #expect(elsewhere.requests.allSatisfy { $0.headers["authorization"] == nil })
        #expect(elsewhere.requests.last?.headers["x-client"] == "feedwatch-test", "other headers follow, as with libcurl")
        #expect(HTTPHeader.sendable([HTTPHeader(name: "Cookie", value: "a=b")], configured: "https://a.example/f",
                                    address: "HTTPS://A.example:443/g") == [HTTPHeader(name: "Cookie", value: "a=b")])
        #expect(HTTPHeader.sendable([HTTPHeader(name: "Cookie", value: "a=b")], configured: "https://a.example/f",
                                    address: "http://a.example/f").isEmpty, "not over plain http either")
    }

    @Test func configuredHeadersAreSent() async throws {
        let body = rss
        server.route("/private", { request in
            request.headers["authorization"] == "Bearer s3cret" ? .init(status: 200, body) : .init(status: 401, contentType: "text/plain", "no")
        })
        let rt = try await runtime([feed("/private") { $0.headers = [HTTPHeader(name: "Authorization", value: "Bearer s3cret")] },
                                    feed("/private?without")])
        let (results, _, _) = await rt.pollAll(rt.config.feeds, log: Log(minimum: .error))
        #expect(results[0].status == .updated(entries: 1, newEntries: 1))
        #expect(results[1].status == .failed("HTTP 401"))
    }

    @Test func aFeedLimitedToOneWatchListDoesNotAlertForAnother() async throws {
        let body = rss
        server.route("/world", { _ in .init(status: 200, body) })
        let rt = try await runtime([feed("/world") { $0.watchlists = ["football"] }])
        _ = await rt.pollAll(rt.config.feeds, log: Log(minimum: .error))
        #expect(try alertedWatches() == ["Bayern Munich"])
    }

    @Test func withoutWatchListsEveryListApplies() async throws {
        let body = rss
        server.route("/world", { _ in .init(status: 200, body) })
        let rt = try await runtime([feed("/world")])
        _ = await rt.pollAll(rt.config.feeds, log: Log(minimum: .error))
        #expect(try alertedWatches() == ["Bayern Munich", "Vladimir Putin"])
    }

    @Test func fieldsLimitWhatMatches() async throws {
        let body = rss
        server.route("/world", { _ in .init(status: 200, body) })
        let rt = try await runtime([feed("/world") { $0.fields = [.title] }])
        _ = await rt.pollAll(rt.config.feeds, log: Log(minimum: .error))
        #expect(try alertedWatches() == ["Vladimir Putin"], "Bayern is only in the summary")
    }

    @Test func anUnknownWatchListNameStopsTheRuntime() async throws {
        await #expect(throws: ConfigErrors.self) {
            _ = try await runtime([feed("/world") { $0.watchlists = ["tech"] }])
        }
    }

    @Test func disabledFeedsAreNotActive() throws {
        var off = FeedConfig(url: "https://off.example/")
        off.enabled = false
        let config = Config(path: "/x/f.yaml", state: "/x/s", alertLog: "/x/a", watchlists: "/x/l",
                            feeds: [FeedConfig(url: "https://on.example/"), off])
        #expect(config.activeFeeds.map(\.url) == ["https://on.example/"])
        #expect(FeedwatchDaemon.disabledNote(config) == " (1 disabled)")
    }
}
