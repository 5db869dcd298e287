import Foundation
import Testing
@testable import Daemon
import Fetching

struct ConfigLoaderTests {
    func load(_ yaml: String) throws(ConfigErrors) -> Config {
        try ConfigLoader().parse(yaml, path: "/etc/feedwatch/feedwatch.yaml")
    }

    @Test func readsEveryKeyAndResolvesRelativePaths() throws {
        let config = try load("""
            state: state/s.sqlite
            alert_log: /var/log/a.jsonl
            interval: 1h30m
            backfill: 2d
            watchlists: lists
            max_feed_bytes: 1000
            feeds:
              - url: https://example.org/rss
                interval: 5m
                title: Example
              - file:samples/x.xml
            """)
        #expect(config.state == "/etc/feedwatch/state/s.sqlite")
        #expect(config.alertLog == "/var/log/a.jsonl")
        #expect(config.interval == 5400)
        #expect(config.backfill == 172_800)
        #expect(config.watchlists == "/etc/feedwatch/lists")
        #expect(config.maxFeedBytes == 1000)
        var expected = [FeedConfig(url: "https://example.org/rss", interval: 300, title: "Example", line: 8),
                        FeedConfig(url: "file:///etc/feedwatch/samples/x.xml", line: 11)]
        for i in expected.indices { expected[i].source = "/etc/feedwatch/feedwatch.yaml" }
        #expect(config.feeds == expected)
        #expect(config.feedsDirectory == "/etc/feedwatch/feeds.d")
    }

    @Test func metricsAreOffByDefaultAndReadFromTheConfig() throws {
        #expect(try load("interval: 5m").metrics == nil)
        let config = try load("metrics:\n  path: prom/feedwatch.prom\n  interval: 30s")
        #expect(config.metrics == MetricsConfig(path: "/etc/feedwatch/prom/feedwatch.prom", interval: 30))
        #expect(try load("metrics: {path: /x.prom}").metrics == MetricsConfig(path: "/x.prom", interval: 15))
        do {
            _ = try load("metrics:\n  interval: 30s")
            Issue.record("a metrics section without a path loaded")
        } catch {
            #expect(error.description.contains("metrics: 'path' is missing"), "\(error.description)")
        }
        #expect(throws: ConfigErrors.self) { _ = try load("metrics: {path: /x.prom, interval: 0s}") }
        #expect(throws: ConfigErrors.self) { _ = try load("metrics: {path: /x.prom, every: 1m}") }
    }

    @Test func connectionCaps() throws {
        let config = try load("max_connections: 16\nmax_connections_per_host: 4")
        #expect(config.maxConnections == 16)
        #expect(config.maxConnectionsPerHost == 4)
        #expect(try load("interval: 5m").maxConnections == 64)
        #expect(throws: ConfigErrors.self) { _ = try load("max_connections: 0") }
    }

    @Test func fetchTimeoutBoundsEveryTransfer() throws {
        let config = try load("fetch_timeout: 5m\nmax_feed_bytes: 1000")
        #expect(config.fetchTimeout == 300)
        #expect(config.fetchLimits.totalTimeoutSeconds == 300)
        #expect(config.fetchLimits.maxBodyBytes == 1000)
        #expect(try load("interval: 5m").fetchLimits == FetchLimits())
        #expect(throws: ConfigErrors.self) { _ = try load("fetch_timeout: 2d") }
        // Per feed, over the config's.
        let feeds = try load("fetch_timeout: 30s\nfeeds:\n  - url: https://a.example/rss\n    fetch_timeout: 10m\n  - https://b.example/rss")
        #expect(feeds.feeds.map(\.fetchTimeout) == [600, nil])
        #expect(throws: ConfigErrors.self) { _ = try load("feeds:\n  - url: https://a.example/rss\n    fetch_timeout: 0s") }
        #expect(throws: ConfigErrors.self) { _ = try load("fetch_timeout: soon") }
    }

    @Test func bufferedBytesCap() throws {
        #expect(try load("interval: 5m").maxBufferedBytes == 256 << 20)
        #expect(try load("max_buffered_bytes: 67108864").maxBufferedBytes == 64 << 20)
        #expect(throws: ConfigErrors.self) { _ = try load("max_buffered_bytes: 0") }
        #expect(throws: ConfigErrors.self) { _ = try load("max_buffered_bytes: lots") }
    }

    /// A reload cannot remake the multi handle: it names the fetch settings that wait for a restart.
    @Test func reloadNamesTheKeysThatNeedARestart() throws {
        let old = try load("max_connections: 16")
        #expect(try load("max_connections: 16\ninterval: 1m").keysNeedingRestart(comparedTo: old).isEmpty)
        let changed = try load("max_connections: 8\nmax_buffered_bytes: 1000\nuser_agent: x/1")
        #expect(changed.keysNeedingRestart(comparedTo: old) == ["user_agent", "max_connections", "max_buffered_bytes"])
    }

    @Test func adaptiveBounds() throws {
        #expect(try load("adaptive: true").adaptive == AdaptiveInterval())
        #expect(try load("adaptive: {min: 2m, max: 1h}").adaptive == AdaptiveInterval(minimum: 120, maximum: 3600))
        #expect(try load("interval: 5m").adaptive == nil)
        #expect(throws: ConfigErrors.self) { _ = try load("adaptive: {min: 2h, max: 1h}") }
    }

    @Test func backfillAllAndNone() throws {
        #expect(try load("backfill: all").backfill == nil)
        #expect(try load("backfill: 0").backfill == 0)
        #expect(try load("backfill: none").backfill == 0)
        let perFeed = try load("feeds:\n  - url: https://a/\n    backfill: all\n  - url: https://b/\n    backfill: 2h\n  - url: https://c/\n")
        #expect(perFeed.feeds.map(\.backfill) == [.some(nil), .some(7200), nil])
    }

    @Test func errorsCarryLineAndColumn() {
        #expect {
            _ = try load("interval: soon\nfeeds:\n  - url: ftp://x/\n  - url: https://a/\n  - url: https://a/\n")
        } throws: { error in
            let text = "\(error)"
            return text.contains("feedwatch.yaml:1:11: interval: 'soon' is not a duration")
                && text.contains("feedwatch.yaml:3:5: feed: 'ftp://x/' is not an http, https or file URL")
                && text.contains("feedwatch.yaml:5:5: feed: https://a/ is listed twice")
        }
    }

    @Test func aWebURLWithASpaceOrControlCharacterIsRefused() {
        // Foundation would percent-encode these and accept them; libcurl never fetches them.
        for url in ["https://a.example/a b", "https://a.example/x\\ny", "https://a.example/\\u001b[2J"] {
            #expect {
                _ = try load("feeds:\n  - url: \"\(url)\"\n")
            } throws: { error in
                "\(error)".contains("feedwatch.yaml:2:5: feed: '") && "\(error)".contains("is not a valid URL")
            }
        }
        #expect(ConfigLoader.checkURL("https://a.example/a%20b?q=1", directory: "/") == "https://a.example/a%20b?q=1")
    }

    @Test func anotherSpellingOfAListedURLIsListedTwice() {
        #expect {
            _ = try load("feeds:\n  - url: https://example.org/feed\n  - url: HTTPS://Example.org:443/feed/\n")
        } throws: { error in
            "\(error)".contains("feedwatch.yaml:3:5: feed: HTTPS://Example.org:443/feed/ is listed twice (first at line 2)")
        }
        #expect(throws: Never.self) { _ = try load("feeds:\n  - url: https://example.org/feed\n  - url: https://example.org/Feed\n") }
    }

    @Test func sameFeedUnderAnotherSpellingHasTheSameIdentity() {
        let key = FeedURLIdentity.key("https://example.org/feed")
        for spelling in ["HTTPS://Example.ORG/feed", "https://example.org:443/feed", "https://example.org/feed/",
                         "https://example.org/feed#top", " https://example.org/feed", "\thttps://example.org/feed \u{3000}",
                         "\u{A0}https://example.org/feed"] {
            #expect(FeedURLIdentity.key(spelling) == key, "\(spelling)")
        }
        #expect(FeedURLIdentity.key("https://example.org") == FeedURLIdentity.key("https://example.org/"))
        #expect(FeedURLIdentity.key("https://example.org?x=1") == FeedURLIdentity.key("https://example.org/?x=1"))
        // Only "://" separates the scheme; other schemes and line breaks are left as written.
        #expect(FeedURLIdentity.key("urn:x:HTTP://a") == "urn:x:HTTP://a")
        #expect(FeedURLIdentity.key("feed:https://example.org/feed") == "feed:https://example.org/feed")
        #expect(FeedURLIdentity.key("https://example.org/feed\n") != key)
        for other in ["https://example.org/Feed", "http://example.org/feed", "https://example.org:8443/feed",
                      "https://example.org/feed?page=2", "https://example.org/feeds"] {
            #expect(FeedURLIdentity.key(other) != key, "\(other)")
        }
    }

    @Test func fileErrorsAreWordedAsTheSystemWordsThem() {
        // Foundation's "The operation could not be completed. You don't have permission." for
        // a feeds.d that cannot be created (`feeds add` without sudo).
        #expect(ConfigLoader.reason(NSError(domain: NSCocoaErrorDomain, code: NSFileWriteNoPermissionError)) == "permission denied")
        #expect(ConfigLoader.reason(NSError(domain: NSCocoaErrorDomain, code: NSFileWriteVolumeReadOnlyError)) == "read-only file system")
        #expect(ConfigLoader.reason(NSError(domain: NSCocoaErrorDomain, code: NSFileReadNoPermissionError)) == "permission denied")
    }

    @Test func invalidYAMLIsLocated() {
        #expect {
            _ = try load("feeds: [\n")
        } throws: { error in
            "\(error)".contains("feedwatch.yaml:2:") && "\(error)".contains("invalid YAML")
        }
    }

    @Test func durations() {
        #expect(Duration.parseSeconds("90s") == 90)
        #expect(Duration.parseSeconds("15m") == 900)
        #expect(Duration.parseSeconds("1d2h") == 93_600)
        #expect(Duration.parseSeconds("42") == 42)
        #expect(Duration.parseSeconds("5x") == nil)
        #expect(Duration.parseSeconds("m") == nil)
        #expect(Duration.parseSeconds("99999999999999999999w") == nil)
        #expect(Duration.format(seconds: 5400) == "1h30m")
    }
}

struct WatchListLoaderTests {
    @Test func parsesWatchesAndRules() {
        let (watches, rules, errors) = WatchListLoader().parse("""
            watch:
              - name: Vladimir Putin
                type: person
                aliases: [Putin]
              - name: sanctions
                type: topic
                terms: [embargo]
                fields: [title]
                severity: high
            rules:
              - name: both
                when: '"Vladimir Putin" AND sanctions'
            """, file: "/x/russia.yaml")
        #expect(errors.isEmpty, "\(errors)")
        #expect(watches.map(\.name) == ["Vladimir Putin", "sanctions"])
        #expect(watches[1].fields == [.title])
        #expect(watches[1].severity == .high)
        #expect(watches[0].origin == "russia.yaml:2")
        #expect(rules.first?.expression.evaluate(["Vladimir Putin", "sanctions"]) == true)
        #expect(rules.first?.severity == .high)
    }

    @Test func reportsEachMistakeWithItsPosition() {
        let (_, _, errors) = WatchListLoader().parse("""
            watch:
              - name: A
                type: persn
              - type: topic
              - name: B
                type: topic
                aliasses: [b]
            rules:
              - name: r
                when: 'A AND (B'
            """, file: "/x/l.yaml")
        let text = errors.map(\.description)
        #expect(text.contains("/x/l.yaml:3:11: type: 'persn' is not one of person, organization, place, topic"))
        #expect(text.contains("/x/l.yaml:4:5: watch: 'name' is missing"))
        #expect(text.contains { $0.hasPrefix("/x/l.yaml:7:5: watch: unknown key 'aliasses' (did you mean 'aliases'?)") })
        #expect(text.contains { $0.hasPrefix("/x/l.yaml:10:11: when: column 7 of the rule") })
    }

    @Test func emptyAliasesAreReported() {
        let (_, _, errors) = WatchListLoader().parse("watch:\n  - name: A\n    type: person\n    aliases: [Putin, \"\"]\n", file: "/x/e.yaml")
        #expect(errors.map(\.description) == ["/x/e.yaml:4:22: aliases: an empty entry (\"\") matches nothing; remove it"])
    }

    @Test func rulesMustNameExistingWatches() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("wl-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        try "watch:\n  - name: A\n    type: topic\nrules:\n  - name: r\n    when: A AND Ghost\n".write(
            to: directory.appendingPathComponent("a.yaml"), atomically: true, encoding: .utf8)
        #expect {
            _ = try WatchListLoader().load(directory: directory.path)
        } throws: { error in
            "\(error)".contains("rule 'r' names 'Ghost', which no watch list defines")
        }
    }

    @Test func theShippedWatchListIsValid() throws {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { url.deleteLastPathComponent() }
        let loaded = try WatchListLoader().load(directory: url.appendingPathComponent("config/watchlists.d").path)
        #expect(loaded.watches.count == 8)
        #expect(loaded.rules.map(\.name) == ["putin-and-sanctions"])
    }
}
