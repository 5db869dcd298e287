import Foundation
import Testing
import TestSupport

/// A Google News-style feed names the outlet of each story in `<source>`: the alert carries it
/// (`entry.source`), and `tail` shows it, but it is never matched as a mention.
struct EntrySourceEndToEndTests {
    @Test func anAlertNamesTheOutletAnAggregatorTookTheStoryFrom() throws {
        let server = try TestHTTPServer()
        let feed = """
            <?xml version="1.0" encoding="UTF-8"?>
            <rss version="2.0"><channel><title>Top stories - Google News</title><link>https://news.example/</link>
            <item><title>Putin signs decree on grain exports - Reuters</title><link>https://news.example/articles/1</link>
            <guid isPermaLink="false">CBMiW2h0dHBz</guid><pubDate>Fri, 27 Nov 2026 08:00:00 GMT</pubDate>
            <source url="https://www.reuters.com">Reuters</source></item>
            <item><title>Weather: rain in Kentucky</title><link>https://news.example/articles/2</link>
            <guid isPermaLink="false">CBMiW2h0dHBy</guid><source url="https://www.rand-paul.example">Rand Paul Weekly</source></item>
            </channel></rss>
            """
        server.route("/news.rss", { _ in .init(status: 200, contentType: "application/rss+xml", feed) })
        let directory = try TestPaths.temporaryDirectory("feedwatch-source")
        let config = directory.appendingPathComponent("feedwatch.yaml")
        try """
            state: \(directory.path)/state.sqlite
            alert_log: \(directory.path)/alerts.jsonl
            backfill: all
            watchlists: \(TestPaths.packageRoot.appendingPathComponent("config/watchlists.d").path)
            feeds:
              - url: \(server.baseURL)/news.rss
            """.write(to: config, atomically: true, encoding: .utf8)
        let run = try ProcessRunner.run(TestPaths.feedwatchBinary, ["run", "--once", "--config", config.path])
        #expect(run.status == 0, "\(run.stderr)")

        let lines = try String(contentsOf: directory.appendingPathComponent("alerts.jsonl"), encoding: .utf8)
            .split(separator: "\n").compactMap { try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] }
        #expect(lines.map { $0["watch"] as? String } == ["Vladimir Putin"], "the source's name is not a mention of Rand Paul")
        let entry = try #require(lines.first?["entry"] as? [String: Any])
        let source = try #require(entry["source"] as? [String: Any], "\(entry)")
        #expect(source["title"] as? String == "Reuters")
        #expect(source["url"] as? String == "https://www.reuters.com")

        let tail = try ProcessRunner.run(TestPaths.feedwatchBinary, ["tail", "--config", config.path])
        #expect(tail.stdout.contains("Top stories - Google News via Reuters: Putin signs decree"), "\(tail.stdout)")
    }
}
