import Fetching
import Foundation
import Testing
import TestSupport
@testable import Daemon

/// The body the test server hands out, changed between polls.
private final class Body: @unchecked Sendable {
    private let lock = NSLock()
    private var text: String
    init(_ text: String) { self.text = text }
    var value: String {
        get { lock.lock(); defer { lock.unlock() }; return text }
        set { lock.lock(); text = newValue; lock.unlock() }
    }
}

/// A feed that stays broken the same way is said to be so once, not at every poll.
struct RepeatedWarningsTests {
    @Test func aWarningIsNewsOnceUntilItChangesOrClears() {
        let warnings = RepeatedWarnings()
        let url = "http://news.example/feed"
        #expect(warnings.isNew("feed is not well-formed, entries kept: line 12: &nbsp; is HTML's", for: url))
        #expect(!warnings.isNew("feed is not well-formed, entries kept: line 12: &nbsp; is HTML's", for: url))
        #expect(!warnings.isNew("feed is not well-formed, entries kept: line 153: &nbsp; is HTML's", for: url),
                "the same problem in content that moved")
        #expect(warnings.isNew("feed is not well-formed, entries kept: line 12: &hellip; is HTML's", for: url), "another problem")
        #expect(warnings.isNew("moved permanently to https://new.example/feed", for: "http://other.example/feed"), "per feed")
        warnings.clear(url)
        #expect(warnings.isNew("feed is not well-formed, entries kept: line 12: &hellip; is HTML's", for: url), "back after a clean fetch")
    }

    @Test func numbersAreOneShape() {
        #expect(RepeatedWarnings.shape("line 12, column 7: x2") == "line #, column #: x#")
        #expect(RepeatedWarnings.shape("") == "")
    }

    @Test func pollingRemembersWhatWasSaidAndACleanFetchForgetsIt() async throws {
        let server = try TestHTTPServer()
        let directory = try TestPaths.temporaryDirectory("repeated-warnings")
        let lists = directory.appendingPathComponent("lists")
        try FileManager.default.createDirectory(at: lists, withIntermediateDirectories: true)
        try "watch:\n  - name: sanctions\n    type: topic\n".write(to: lists.appendingPathComponent("t.yaml"), atomically: true, encoding: .utf8)
        let body = Body("<rss version=\"2.0\"><channel><title>T</title><item><guid>1</guid><title>a&nbsp;b</title></item></channel></rss>")
        server.route("/feed", { _ in .init(status: 200, body.value) })
        let config = Config(path: directory.appendingPathComponent("f.yaml").path,
                            state: directory.appendingPathComponent("s.sqlite").path,
                            alertLog: directory.appendingPathComponent("a.jsonl").path,
                            backfill: nil, watchlists: lists.path, feeds: [FeedConfig(url: server.baseURL + "/feed")])
        let rt = try await Runtime(config: config, fetcher: Fetcher())
        let url = server.baseURL + "/feed"
        let (first, _, _) = await rt.pollAll(config.feeds, log: Log(minimum: .error))
        let warning = try #require(first.first?.warning)
        #expect(warning.contains("&nbsp;"))
        #expect(!rt.warnings.isNew(warning, for: url), "said at the first poll: a repeat is not news")
        body.value = "<rss version=\"2.0\"><channel><title>T</title><item><guid>2</guid><title>clean</title></item></channel></rss>"
        let (second, _, _) = await rt.pollAll(config.feeds, log: Log(minimum: .error))
        #expect(second.first?.warning == nil)
        #expect(rt.warnings.isNew(warning, for: url), "a clean fetch cleared it")
    }
}
