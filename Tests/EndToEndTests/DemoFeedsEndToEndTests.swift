import Foundation
import Testing
import TestSupport

/// Runs the real `feedwatch` binary against a real HTTP server on 127.0.0.1 serving the
/// sample feeds, and checks the alert log line by line.
@Suite(.serialized)
struct DemoFeedsEndToEndTests {
    let server: TestHTTPServer
    let directory: URL
    let config: URL

    init() throws {
        server = try TestHTTPServer()
        directory = try TestPaths.temporaryDirectory("feedwatch-e2e")
        let world = try TestPaths.sampleBytes("world-news.rss.xml")
        let europe = try TestPaths.sampleBytes("europe-desk.atom.xml")
        server.route("/world.rss", Self.conditional(body: world, etag: "\"w1\"", type: "application/rss+xml"))
        server.route("/europe.atom", Self.conditional(body: europe, etag: "\"e1\"", type: "application/atom+xml"))
        config = directory.appendingPathComponent("feedwatch.yaml")
        try writeConfig(feeds: ["\(server.baseURL)/world.rss", "\(server.baseURL)/europe.atom"])
    }

    /// A handler that answers 304 when the client sends back the current ETag.
    static func conditional(body: [UInt8], etag: String, type: String) -> TestHTTPServer.Handler {
        { request in
            if request.headers["if-none-match"] == etag { return .init(status: 304, headers: [("ETag", etag)]) }
            return .init(status: 200, headers: [("Content-Type", type), ("ETag", etag)], body: body)
        }
    }

    func writeConfig(feeds: [String], backfill: String = "all") throws {
        let watchlists = TestPaths.packageRoot.appendingPathComponent("config/watchlists.d").path
        var yaml = """
            state: state.sqlite
            alert_log: alerts.jsonl
            backfill: \(backfill)
            watchlists: \(watchlists)
            feeds:

            """
        for feed in feeds { yaml += "  - url: \(feed)\n" }
        try yaml.write(to: config, atomically: true, encoding: .utf8)
    }

    func feedwatch(_ arguments: String...) throws -> ProcessResult {
        try ProcessRunner.run(TestPaths.feedwatchBinary, arguments)
    }

    func alertLines() throws -> [[String: Any]] {
        let text = try String(contentsOf: directory.appendingPathComponent("alerts.jsonl"), encoding: .utf8)
        return try text.split(separator: "\n").map { line in
            try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any], "not a JSON object: \(line)")
        }
    }

    static let letterTitle = "Republican U.S. Senator delivers letter from Trump to Putin"
    static let euTitle = "EU extends economic sanctions on Russia over Ukraine conflict"

    @Test func firstRunAlertsOnTheArticlesAndNeverOnTheDecoys() throws {
        let run = try feedwatch("run", "--once", "--config", config.path)
        #expect(run.status == 0, "stderr: \(run.stderr)")
        #expect(run.stdout.contains("polled 2 feeds: 2 fetched"))

        let alerts = try alertLines()
        var fired: [String: Set<String>] = [:]
        for alert in alerts {
            let entry = try #require(alert["entry"] as? [String: Any])
            let title = try #require(entry["title"] as? String)
            let name = (alert["watch"] as? String) ?? "rule:" + ((alert["rule"] as? String) ?? "?")
            fired[title, default: []].insert(name)
        }
        #expect(fired[Self.letterTitle] == ["Vladimir Putin", "Dmitry Peskov", "Rand Paul", "Robert Mueller", "sanctions",
                                            "Syria", "Ukraine", "nuclear weapons", "rule:putin-and-sanctions"])
        #expect(fired[Self.euTitle] == ["sanctions", "Ukraine"])
        #expect(Set(fired.keys) == [Self.letterTitle, Self.euTitle], "a decoy raised an alert: \(fired.keys.sorted())")
        #expect(alerts.count == 11)
        let ids = alerts.compactMap { $0["id"] as? String }
        #expect(Set(ids).count == ids.count, "duplicate alert ids")
    }

    @Test func alertLinesFollowTheDesignFormat() throws {
        _ = try feedwatch("run", "--once", "--config", config.path)
        let alerts = try alertLines()
        let putin = try #require(alerts.first { ($0["watch"] as? String) == "Vladimir Putin" })
        #expect(putin["type"] as? String == "person")
        #expect(putin["severity"] as? String == "normal")
        let feed = try #require(putin["feed"] as? [String: Any])
        #expect(feed["url"] as? String == "\(server.baseURL)/world.rss")
        #expect(feed["title"] as? String == "World News & Politics (sample)")
        let entry = try #require(putin["entry"] as? [String: Any])
        #expect(entry["link"] as? String == "https://news.example.org/world/2018/08/08/senator-delivers-letter-to-putin")
        #expect(entry["published"] as? String == "2018-08-08T10:00:00Z")
        let matches = try #require(putin["matches"] as? [[String: Any]])
        let titleMatch = try #require(matches.first)
        #expect(titleMatch["field"] as? String == "title")
        #expect(titleMatch["text"] as? String == "Putin")
        #expect(titleMatch["start"] as? Int == 54)
        #expect(titleMatch["end"] as? Int == 59)
        #expect((titleMatch["snippet"] as? String)?.contains("letter from Trump to Putin") == true)
        let entities = try #require(putin["entities"] as? [[String: Any]])
        #expect(entities.contains { $0["text"] as? String == "Dmitry Peskov" && $0["type"] as? String == "PER" })

        let rule = try #require(alerts.first { $0["rule"] as? String == "putin-and-sanctions" })
        #expect(rule["watch"] == nil)
        #expect(rule["severity"] as? String == "high")

        // Key order of DESIGN.md: id, time, watch, type, severity, feed, entry, matches, entities.
        let raw = try String(contentsOf: directory.appendingPathComponent("alerts.jsonl"), encoding: .utf8)
        let line = try #require(raw.split(separator: "\n").first { $0.contains("\"watch\":\"Vladimir Putin\"") })
        let keys = ["\"id\":", "\"time\":", "\"watch\":", "\"type\":", "\"severity\":", "\"feed\":", "\"entry\":", "\"matches\":", "\"entities\":"]
        let positions = keys.map { line.range(of: $0)?.lowerBound }
        #expect(positions.allSatisfy { $0 != nil })
        #expect(positions.compactMap { $0 } == positions.compactMap { $0 }.sorted())
    }

    @Test func secondRunAddsNothingAndUsesConditionalGet() throws {
        _ = try feedwatch("run", "--once", "--config", config.path)
        let before = try alertLines().count
        let again = try feedwatch("run", "--once", "--config", config.path)
        #expect(again.status == 0, "stderr: \(again.stderr)")
        #expect(again.stdout.contains("0 new alerts"))
        #expect(try alertLines().count == before)
        let conditional = server.requests.filter { $0.path == "/world.rss" }.map { $0.headers["if-none-match"] }
        #expect(conditional == [nil, "\"w1\""])
        let version = try feedwatch("--version").stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(server.requests.first?.headers["user-agent"] == "feedwatch/\(version) (+https://github.com/feedwatch/feedwatch)",
                "names feedwatch and the release that sent it")
    }

    @Test func aNewEntryInAChangedFeedRaisesOnlyItsOwnAlerts() throws {
        _ = try feedwatch("run", "--once", "--config", config.path)
        let before = try alertLines().count
        var world = try String(contentsOf: TestPaths.sample("world-news.rss.xml"), encoding: .utf8)
        world = world.replacingOccurrences(of: "<item>", with: """
            <item><title>Kremlin spokesman Peskov dismisses new report</title>
            <link>https://news.example.org/world/2018/08/09/peskov</link>
            <pubDate>Thu, 09 Aug 2018 08:00:00 GMT</pubDate>
            <description>Peskov told reporters the claims were baseless.</description></item>
            <item>
            """, options: [], range: world.range(of: "<item>"))
        server.route("/world.rss", Self.conditional(body: Array(world.utf8), etag: "\"w2\"", type: "application/rss+xml"))
        let run = try feedwatch("run", "--once", "--config", config.path)
        #expect(run.status == 0)
        let alerts = try alertLines()
        #expect(alerts.count == before + 1)
        #expect(alerts.last?["watch"] as? String == "Dmitry Peskov")
    }

    @Test func tailPrintsReadableAlertsAndRawJSON() throws {
        _ = try feedwatch("run", "--once", "--config", config.path)
        let readable = try feedwatch("tail", "-n", "3", "--config", config.path)
        #expect(readable.status == 0)
        #expect(readable.stdout.contains("http"))
        #expect(!readable.stdout.contains("{\"id\""))
        let raw = try feedwatch("tail", "-n", "2", "--json", "--config", config.path)
        let lines = raw.stdout.split(separator: "\n")
        #expect(lines.count == 2)
        #expect(lines.allSatisfy { $0.hasPrefix("{\"id\":") })
        let filtered = try feedwatch("tail", "--watch", "syria", "--json", "--config", config.path)
        #expect(filtered.stdout.split(separator: "\n").count == 1)
        let places = try feedwatch("tail", "--type", "place", "--json", "--config", config.path)
        #expect(places.stdout.split(separator: "\n").count == 3)
        let europe = try feedwatch("tail", "--feed", "europe desk", "--json", "--config", config.path)
        #expect(europe.stdout.split(separator: "\n").count == 2)
        let high = try feedwatch("tail", "--severity", "high", "--json", "--config", config.path)
        #expect(high.stdout.split(separator: "\n").map { $0.contains("\"rule\":\"putin-and-sanctions\"") } == [true])
        let recent = try feedwatch("tail", "--since", "1h", "--json", "-n", "100", "--config", config.path)
        #expect(recent.stdout.split(separator: "\n").count == 11)
        let bad = try feedwatch("tail", "--severity", "urgent", "--config", config.path)
        #expect(bad.status == 64 || bad.status == 2)
    }

    @Test func aRedirectToAFileURLIsRefused() throws {
        server.route("/evil", { _ in .init(status: 302, headers: [("Location", "file:///etc/passwd")]) })
        try writeConfig(feeds: ["\(server.baseURL)/evil", "\(server.baseURL)/europe.atom"])
        let run = try feedwatch("run", "--once", "--config", config.path)
        #expect(run.status == 0, "one bad feed must not fail the run")
        #expect(run.stdout.contains("1 failed"))
        #expect(run.stdout.contains("/evil"))
        let log = try String(contentsOf: directory.appendingPathComponent("alerts.jsonl"), encoding: .utf8)
        #expect(!log.contains("root:"))
        #expect(try alertLines().count == 2)
    }

    @Test func backfillKeepsOldEntriesOfAFirstFetchQuiet() throws {
        try writeConfig(feeds: ["\(server.baseURL)/world.rss"], backfill: "24h")
        let run = try feedwatch("run", "--once", "--config", config.path)
        #expect(run.status == 0)
        #expect(run.stdout.contains("4 new entries; 0 new alerts"))
    }

    @Test func aStoryInTwoFeedsIsOneAlertPerWatchListingBothSources() throws {
        let world = try TestPaths.sampleBytes("world-news.rss.xml")
        let mirror = String(decoding: world, as: UTF8.self).replacingOccurrences(of: "World News &amp; Politics (sample)", with: "Mirror Wire")
        server.route("/mirror.rss", { _ in .init(status: 200, contentType: "application/rss+xml", mirror) })
        try writeConfig(feeds: ["\(server.baseURL)/world.rss", "\(server.baseURL)/mirror.rss"])
        let run = try feedwatch("run", "--once", "--config", config.path)
        #expect(run.status == 0)
        let alerts = try alertLines()
        #expect(alerts.count == 9, "one alert per watch and rule for the letter, not two")
        for alert in alerts {
            let sources = try #require(alert["sources"] as? [[String: Any]], "no sources in \(alert)")
            let urls = Set(sources.compactMap { ($0["feed"] as? [String: Any])?["url"] as? String })
            #expect(urls == ["\(server.baseURL)/world.rss", "\(server.baseURL)/mirror.rss"])
        }
    }

    @Test func colourOnlyOnATerminalAndNeverWithNoColor() throws {
        _ = try feedwatch("run", "--once", "--config", config.path)
        let script = URL(fileURLWithPath: "/usr/bin/script")
        let command = "\(TestPaths.feedwatchBinary.path) tail -n 1 --config \(config.path)"
        let tty = try ProcessRunner.run(script, ["-qec", command, "/dev/null"], environment: ["NO_COLOR": "", "TERM": "xterm"])
        #expect(tty.stdout.contains("\u{1B}[1m"), "bold watch name on a terminal")
        let noColor = try ProcessRunner.run(script, ["-qec", command, "/dev/null"], environment: ["NO_COLOR": "1", "TERM": "xterm"])
        #expect(!noColor.stdout.contains("\u{1B}["))
        #expect(noColor.stdout.contains("https://"), "the alert is still printed: \(noColor.stdout)")
        let piped = try ProcessRunner.run(TestPaths.feedwatchBinary, ["tail", "-n", "1", "--config", config.path], environment: ["NO_COLOR": ""])
        #expect(!piped.stdout.contains("\u{1B}["))
    }

    @Test func statusReportsEachFeedsHealth() throws {
        server.route("/broken.rss", { _ in .init(status: 500) })
        try writeConfig(feeds: ["\(server.baseURL)/world.rss", "\(server.baseURL)/broken.rss", "\(server.baseURL)/never.rss"])
        _ = try feedwatch("run", "--once", "--config", config.path)
        try writeConfig(feeds: ["\(server.baseURL)/world.rss", "\(server.baseURL)/broken.rss", "\(server.baseURL)/unpolled.rss"])
        let status = try feedwatch("status", "--json", "--config", config.path)
        #expect(status.status == 0, "\(status.stderr)")
        let rows = try status.stdout.split(separator: "\n").map {
            try #require(try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])
        }
        #expect(rows.count == 3)
        #expect(rows[0]["ok"] as? Bool == true)
        #expect(rows[0]["http_status"] as? Int == 200)
        #expect(rows[0]["entries_seen"] as? Int == 4)
        #expect(rows[1]["ok"] as? Bool == false)
        #expect(rows[1]["consecutive_errors"] as? Int == 1)
        #expect(rows[1]["last_error"] as? String == "HTTP 500")
        #expect(rows[1]["backing_off"] as? Bool == true, "its next poll follows the backoff, not its interval")
        #expect(rows[0]["backing_off"] == nil)
        #expect(rows[2]["polled"] as? Bool == false)
        let text = try feedwatch("status", "--config", config.path)
        #expect(text.stdout.contains("FAILING (1 in a row): HTTP 500"))
        #expect(text.stdout.contains("\tbacking off after 1 failure\tevery 15m\n"), "\(text.stdout)")
        #expect(text.stdout.components(separatedBy: "backing off").count == 2, "only the failing feed")
    }
}
