import Foundation
import Testing
import TestSupport

/// `status` names both kinds of move: a server's 301 (followed, so the config can be updated)
/// and a feed whose own document says it moved (not followed: content is not the server).
struct StatusMovesEndToEndTests {
    @Test func statusShowsAPermanentRedirectAndAnAnnouncedMove() throws {
        let server = try TestHTTPServer()
        let rss = { (extra: String) in
            Array("""
                <rss version="2.0" xmlns:itunes="http://www.itunes.com/dtds/podcast-1.0.dtd"><channel><title>T</title>\(extra)
                <item><title>Episode</title><guid>1</guid></item></channel></rss>
                """.utf8)
        }
        server.route("/old", { _ in .init(status: 301, headers: [("Location", "/new")]) })
        let plain = rss("")
        server.route("/new", { _ in .init(status: 200, headers: [("Content-Type", "application/rss+xml")], body: plain) })
        let announcing = rss("<itunes:new-feed-url>https://pod.example/new.rss</itunes:new-feed-url>")
        server.route("/pod", { _ in .init(status: 200, headers: [("Content-Type", "application/rss+xml")], body: announcing) })
        let directory = try TestPaths.temporaryDirectory("feedwatch-status-moves")
        let config = directory.appendingPathComponent("feedwatch.yaml")
        try """
            state: \(directory.path)/state.sqlite
            alert_log: \(directory.path)/alerts.jsonl
            watchlists: \(TestPaths.packageRoot.appendingPathComponent("config/watchlists.d").path)
            feeds:
              - url: \(server.baseURL)/old
              - url: \(server.baseURL)/pod
            """.write(to: config, atomically: true, encoding: .utf8)

        let run = try ProcessRunner.run(TestPaths.feedwatchBinary, ["run", "--once", "--config", config.path, "--log-level", "notice"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stderr.contains("the feed says it has moved to https://pod.example/new.rss"), "\(run.stderr)")

        let text = try ProcessRunner.run(TestPaths.feedwatchBinary, ["status", "--config", config.path]).stdout
        let lines = text.split(separator: "\n")
        let old = try #require(lines.first { $0.contains("/old") })
        #expect(old.contains("moved to \(server.baseURL)/new"), "\(old)")
        #expect(!old.contains("says it moved"))
        let pod = try #require(lines.first { $0.contains("/pod") })
        #expect(pod.contains("says it moved to https://pod.example/new.rss (not followed"), "\(pod)")

        let json = try ProcessRunner.run(TestPaths.feedwatchBinary, ["status", "--json", "--config", config.path]).stdout
        let objects = json.split(separator: "\n").compactMap { try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] }
        #expect(objects.count == 2)
        #expect(objects.first?["moved_to"] as? String == server.baseURL + "/new")
        #expect(objects.first?["announced_move"] == nil)
        #expect(objects.last?["announced_move"] as? String == "https://pod.example/new.rss")
        #expect(server.requests.allSatisfy { $0.path != "/new.rss" }, "nothing fetched from the announced address")
    }
}
