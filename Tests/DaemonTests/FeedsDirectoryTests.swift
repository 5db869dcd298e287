import Foundation
import Testing
import TestSupport
@testable import Daemon

/// `feeds_dir` files merged into the config, and the per-feed options.
struct FeedsDirectoryTests {
    let directory: URL
    var configPath: String { directory.appendingPathComponent("feedwatch.yaml").path }
    var feedsDir: URL { directory.appendingPathComponent("feeds.d") }

    init() throws {
        directory = try TestPaths.temporaryDirectory("feeds-dir")
        try FileManager.default.createDirectory(at: feedsDir, withIntermediateDirectories: true)
    }

    func write(_ text: String, _ name: String) throws {
        try text.write(to: name == "feedwatch.yaml" ? directory.appendingPathComponent(name) : feedsDir.appendingPathComponent(name),
                       atomically: true, encoding: .utf8)
    }

    @Test func filesAreMergedAfterTheConfigInNameOrder() throws {
        try write("feeds:\n  - url: https://main.example/\n", "feedwatch.yaml")
        try write("feeds:\n  - url: https://z.example/\n", "z.yaml")
        try write("feeds:\n  - url: https://a.example/\n    tags: [x]\n", "a.yml")
        try write("feeds:\n  - url: https://ignored.example/\n", ".a.yaml.tmp-123")
        try write("not yaml at all: [", "notes.txt")
        let config = try ConfigLoader().load(path: configPath)
        #expect(config.feeds.map(\.url) == ["https://main.example/", "https://a.example/", "https://z.example/"])
        #expect(config.feeds[1].source == feedsDir.appendingPathComponent("a.yml").path)
        #expect(config.feeds[1].line == 2)
        #expect(config.feeds[1].tags == ["x"])
        #expect(config.feedsDirectory == feedsDir.path)
    }

    @Test func aURLListedInTwoFilesNamesBothPlaces() throws {
        try write("feeds:\n  - url: https://a.example/\n", "feedwatch.yaml")
        try write("# mine\nfeeds:\n  - https://b.example/\n  - url: https://a.example/\n", "mine.yaml")
        #expect {
            _ = try ConfigLoader().load(path: configPath)
        } throws: { error in
            let text = "\(error)"
            return text.contains("mine.yaml:4: feed: https://a.example/ is listed twice (also at \(configPath):2)")
        }
        // The same feed spelled differently (an OPML export's capitals, a trailing slash).
        try write("feeds:\n  - HTTPS://A.EXAMPLE\n", "mine.yaml")
        #expect {
            _ = try ConfigLoader().load(path: configPath)
        } throws: { error in
            "\(error)".contains("mine.yaml:2: feed: HTTPS://A.EXAMPLE is listed twice (also at \(configPath):2)")
        }
    }

    @Test func feedsDirCanBeMovedAndAMissingDirectoryHasNoFeeds() throws {
        try write("feeds_dir: elsewhere\nfeeds:\n  - https://a.example/\n", "feedwatch.yaml")
        try write("feeds:\n  - https://b.example/\n", "b.yaml") // in feeds.d, which is no longer read
        let config = try ConfigLoader().load(path: configPath)
        #expect(config.feedsDirectory == directory.appendingPathComponent("elsewhere").path)
        #expect(config.feeds.map(\.url) == ["https://a.example/"])
    }

    @Test func errorsInAFeedsFileNameThatFile() throws {
        try write("feeds: []\n", "feedwatch.yaml")
        try write("feeds:\n  - url: https://a.example/\n    intervall: 5m\n", "bad.yaml")
        #expect {
            _ = try ConfigLoader().load(path: configPath)
        } throws: { error in
            "\(error)".contains("bad.yaml:3:5: feed: unknown key 'intervall' (did you mean 'interval'?)")
        }
    }

    @Test func aBrokenFeedsFileCanBeSkippedByCommandsThatNeedOnlyPaths() throws {
        try write("alert_log: log.jsonl\nfeeds: []\n", "feedwatch.yaml")
        try write("feeds: [", "broken.yaml")
        #expect(throws: ConfigErrors.self) { _ = try ConfigLoader().load(path: configPath) }
        let paths = try ConfigLoader().load(path: configPath, feedsDirectory: false)
        #expect(paths.alertLog == directory.appendingPathComponent("log.jsonl").path)
    }

    @Test func replacingReadsAnEditBeforeItIsWritten() throws {
        try write("feeds:\n  - https://a.example/\n", "feedwatch.yaml")
        let new = feedsDir.appendingPathComponent("added.yaml").path
        let config = try ConfigLoader().load(path: configPath, replacing: [new: "feeds:\n  - https://b.example/\n"])
        #expect(config.feeds.map(\.url) == ["https://a.example/", "https://b.example/"])
        #expect(!FileManager.default.fileExists(atPath: new))
    }

    @Test func perFeedOptionsAreRead() throws {
        let config = try ConfigLoader().parse("""
            feeds:
              - url: https://a.example/
                tags: [world, europe]
                enabled: false
                watchlists: [russia]
                headers: {Authorization: "Bearer abc", X-Api-Key: k}
                fields: [title, summary]
              - https://b.example/
            """, path: "/x/f.yaml")
        let a = config.feeds[0]
        #expect(a.tags == ["world", "europe"])
        #expect(!a.enabled)
        #expect(a.watchlists == ["russia"])
        #expect(a.headers.map(\.name) == ["Authorization", "X-Api-Key"])
        #expect(a.headers.first?.value == "Bearer abc")
        #expect(a.fields == [.title, .summary])
        let b = config.feeds[1]
        #expect(b.enabled && b.tags.isEmpty && b.watchlists == nil && b.fields == nil && b.headers.isEmpty)
        #expect(config.activeFeeds.map(\.url) == ["https://b.example/"])
    }

    @Test func badHeadersAreRefusedWithoutShowingTheirValues() {
        #expect {
            _ = try ConfigLoader().parse("""
                feeds:
                  - url: https://a.example/
                    headers:
                      Host: evil.example
                      "Bad Name": secret-one
                      X-Token: "secret-two\\r\\nX-Injected: 1"
                """, path: "/x/f.yaml")
        } throws: { error in
            let text = "\(error)"
            return text.contains("f.yaml:4:7: headers: header 'Host' is set by feedwatch itself")
                && text.contains("f.yaml:5:7: headers: header name 'Bad…' has a space a header name cannot have")
                && text.contains("f.yaml:6:7: headers: the value of header 'X-Token' contains a line break")
                && !text.contains("secret") && !text.contains("evil")
        }
    }

    @Test func badOptionValuesAreReportedWithTheirPlace() {
        #expect {
            _ = try ConfigLoader().parse("feeds:\n  - url: https://a.example/\n    enabled: maybe\n    fields: [title, body]\n    watchlists: []\n", path: "/x/f.yaml")
        } throws: { error in
            let text = "\(error)"
            return text.contains("f.yaml:3:14: enabled: expected true or false")
                && text.contains("f.yaml:4:21: fields: 'body' is not one of title, summary, content")
                && text.contains("f.yaml:2:5: watchlists: an empty list would apply no watch list")
        }
    }

    @Test func anEmptyFeedsKeyIsAnEmptyList() throws {
        #expect(try ConfigLoader().parse("feeds:\n# all removed\ninterval: 5m\n", path: "/x/f.yaml").feeds.isEmpty)
        #expect(ConfigLoader().parseFeedsFile("# header only\nfeeds:\n", path: "/x/feeds.d/a.yaml").1.isEmpty)
    }

    @Test func unknownWatchListNamesAreConfigErrors() throws {
        let lists = directory.appendingPathComponent("lists")
        try FileManager.default.createDirectory(at: lists, withIntermediateDirectories: true)
        try "watch:\n  - name: Putin\n    type: person\n".write(to: lists.appendingPathComponent("russia.yaml"), atomically: true, encoding: .utf8)
        let loaded = try WatchListLoader().load(directory: lists.path)
        #expect(WatchListScope.names(loaded) == ["russia"])
        var feed = FeedConfig(url: "https://a.example/", line: 7)
        feed.source = "/x/f.yaml"
        feed.watchlists = ["russia", "tech"]
        let errors = WatchListScope.problems([feed], available: WatchListScope.names(loaded))
        #expect(errors.map(\.description) == ["/x/f.yaml:7: feed https://a.example/: watchlists: no watch-list file is named 'tech' (known: russia)"])
        #expect(WatchListScope.restrict(loaded, to: ["russia"]).watches.map(\.name) == ["Putin"])
        #expect(WatchListScope.restrict(loaded, to: ["tech"]).watches.isEmpty)
    }
}
