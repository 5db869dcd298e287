import Foundation
import Testing
import TestSupport

/// The other commands, run as a user runs them.
struct CommandLineEndToEndTests {
    func feedwatch(_ arguments: [String], stdin: String? = nil) throws -> ProcessResult {
        try ProcessRunner.run(TestPaths.feedwatchBinary, arguments, stdin: stdin)
    }

    @Test func parseJSONFollowsFeedparserNames() throws {
        let result = try feedwatch(["parse", "--json", TestPaths.sample("world-news.rss.xml").path])
        #expect(result.status == 0)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect(object["version"] as? String == "rss20")
        #expect(object["bozo"] as? Bool == false)
        let entries = try #require(object["entries"] as? [[String: Any]])
        #expect(entries.count == 4)
        #expect(entries[0]["title"] as? String == "Republican U.S. Senator delivers letter from Trump to Putin")
        #expect(entries[0]["published"] as? String == "Wed, 08 Aug 2018 10:00:00 GMT")
        #expect(entries[0]["published_parsed"] as? String == "2018-08-08T10:00:00Z")
        #expect(entries[0]["author"] as? String == "Vanessa Coleman")
        let feed = try #require(object["feed"] as? [String: Any])
        #expect(feed["title"] as? String == "World News & Politics (sample)")
    }

    @Test func checkAcceptsTheDemoConfig() throws {
        let result = try feedwatch(["check", "--config", TestPaths.packageRoot.appendingPathComponent("config/demo.yaml").path])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("2 feeds, 8 watches and 1 rules"))
    }

    @Test func checkWarnsAboutPollingSomeoneElsesServerEverySecondsButAcceptsIt() throws {
        let directory = try TestPaths.temporaryDirectory()
        let lists = TestPaths.packageRoot.appendingPathComponent("config/watchlists.d").path
        try """
            watchlists: \(lists)
            feeds:
              - url: https://news.example/rss
                interval: 15s
              - url: http://127.0.0.1:8080/rss
                interval: 1s
            """.write(to: directory.appendingPathComponent("f.yaml"), atomically: true, encoding: .utf8)
        let result = try feedwatch(["check", "--config", directory.appendingPathComponent("f.yaml").path])
        #expect(result.status == 0, "a warning, not an error: \(result.stderr)")
        #expect(result.stderr.contains("warning: https://news.example/rss: interval: 15s is more than once a minute"), "\(result.stderr)")
        #expect(!result.stderr.contains("127.0.0.1"), "one's own server is nobody's business")
        #expect(result.stdout.contains("f.yaml: ok: 2 feeds"), "\(result.stdout)")
        #expect(!(try feedwatch(["check", "--config", TestPaths.packageRoot.appendingPathComponent("config/demo.yaml").path]).stderr.contains("warning")))
    }

    @Test func checkNamesFileLineAndColumnOfABadWatchList() throws {
        let directory = try TestPaths.temporaryDirectory()
        let lists = directory.appendingPathComponent("lists")
        try FileManager.default.createDirectory(at: lists, withIntermediateDirectories: true)
        try "watchlists: lists\nfeeds: []\n".write(to: directory.appendingPathComponent("f.yaml"), atomically: true, encoding: .utf8)
        try """
            watch:
              - name: Vladimir Putin
                type: person
                aliases: {a: b}
            """.write(to: lists.appendingPathComponent("russia.yaml"), atomically: true, encoding: .utf8)
        let result = try feedwatch(["check", "--config", directory.appendingPathComponent("f.yaml").path])
        #expect(result.status == 2)
        #expect(result.stderr.contains("russia.yaml:4:14: aliases: expected a list of strings"), "\(result.stderr)")
    }

    @Test func unknownConfigKeysAreReportedWithASuggestion() throws {
        let directory = try TestPaths.temporaryDirectory()
        try "intervall: 5m\n".write(to: directory.appendingPathComponent("f.yaml"), atomically: true, encoding: .utf8)
        let result = try feedwatch(["check", "--config", directory.appendingPathComponent("f.yaml").path])
        #expect(result.status == 2)
        #expect(result.stderr.contains("f.yaml:1:1: config: unknown key 'intervall' (did you mean 'interval'?)"), "\(result.stderr)")
    }

    @Test func aMissingConfigIsAConfigurationError() throws {
        let result = try feedwatch(["run", "--once", "--config", "/nonexistent/feedwatch.yaml"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("/nonexistent/feedwatch.yaml"))
    }

    @Test func entitiesReadsStandardInput() throws {
        let result = try feedwatch(["entities", "--json"], stdin: "Senator Rand Paul met Dmitry Peskov in Moscow on Monday.")
        #expect(result.status == 0)
        let list = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]])
        #expect(list.contains { $0["text"] as? String == "Rand Paul" && $0["type"] as? String == "PER" })
        #expect(list.contains { $0["text"] as? String == "Moscow" && $0["type"] as? String == "LOC" })
    }

    @Test func scanShowsWhichWatchesWouldFire() throws {
        let result = try feedwatch(["scan", TestPaths.sample("putin-letter.txt").path, "--json",
                                    "--config", TestPaths.packageRoot.appendingPathComponent("config/demo.yaml").path])
        #expect(result.status == 0, "\(result.stderr)")
        let names = result.stdout.split(separator: "\n").compactMap { line -> String? in
            guard let o = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any] else { return nil }
            return (o["watch"] as? String) ?? (o["rule"] as? String)
        }
        #expect(Set(names).isSuperset(of: ["Vladimir Putin", "Dmitry Peskov", "Robert Mueller", "sanctions", "Syria"]))
    }

    @Test func tailNeutralisesTerminalEscapesFromFeeds() throws {
        let directory = try TestPaths.temporaryDirectory()
        let log = directory.appendingPathComponent("alerts.jsonl")
        let line = #"{"id":"x","time":"2026-01-01T00:00:00Z","watch":"Putin\u001b]0;pwned\u0007","type":"person","severity":"normal","feed":{"url":"http://a/"},"entry":{"id":"1","title":"\u001b[31mred\u009b2J","link":"http://a/1"},"matches":[],"entities":[]}"#
        try (line + "\n").write(to: log, atomically: true, encoding: .utf8)
        let result = try feedwatch(["tail", "--log", log.path])
        #expect(result.status == 0)
        #expect(!result.stdout.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x07 || $0.value == 0x9B })
        // Shown escaped, so the reader sees the feed tried something.
        #expect(result.stdout.contains("\\x1b[31mred\\x9b2J"), "\(result.stdout)")
        #expect(result.stdout.contains("Putin\\x1b]0;pwned\\x07"))
    }

    @Test func scanExplainsWhyEachWatchFiredOrNot() throws {
        let directory = try TestPaths.temporaryDirectory()
        let article = directory.appendingPathComponent("decoy.html")
        try "<h1>Müller scores twice as Bayern win</h1><p>Thomas Müller struck twice for Bayern. Paul said it was great.</p>"
            .write(to: article, atomically: true, encoding: .utf8)
        let result = try feedwatch(["scan", article.path, "--config", TestPaths.packageRoot.appendingPathComponent("config/demo.yaml").path])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("why, for Müller scores twice as Bayern win:"), "the HTML's first line is the title")
        #expect(result.stdout.contains("silent  Robert Mueller: excluded: the entry mentions \"Bayern\""))
        #expect(result.stdout.contains("silent  Rand Paul: only the weak alias \"Paul\" matched"))
        #expect(result.stdout.contains("silent  Vladimir Putin: not mentioned"))
        #expect(result.stdout.contains("0 alerts would be raised"))
        let letter = try feedwatch(["scan", TestPaths.sample("putin-letter.txt").path,
                                    "--config", TestPaths.packageRoot.appendingPathComponent("config/demo.yaml").path])
        #expect(letter.stdout.contains("fires   Rand Paul: matched"))
    }
}
