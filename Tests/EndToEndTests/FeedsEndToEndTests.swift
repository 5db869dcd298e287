import Foundation
import Testing
import TestSupport

/// `feedwatch feeds …` as a user runs it: edits, discovery, OPML, per-feed options, reload.
struct FeedsEndToEndTests {
    let server: TestHTTPServer
    let directory: URL
    let config: URL
    let world: [UInt8]

    init() throws {
        server = try TestHTTPServer()
        world = try TestPaths.sampleBytes("world-news.rss.xml")
        let europe = try TestPaths.sampleBytes("europe-desk.atom.xml")
        let body = world
        server.route("/world", { _ in .init(status: 200, body: body) })
        server.route("/europe", { _ in .init(status: 200, body: europe) })
        directory = try TestPaths.temporaryDirectory("feedwatch-feeds")
        config = directory.appendingPathComponent("feedwatch.yaml")
        let lists = TestPaths.packageRoot.appendingPathComponent("config/watchlists.d").path
        try """
            # Hand-written; feedwatch must not rewrite it.
            state: state.sqlite
            alert_log: alerts.jsonl
            backfill: all
            watchlists: \(lists)
            feeds:
              # the world desk
              - url: \(server.baseURL)/world   # keep this comment
            # the end

            """.write(to: config, atomically: true, encoding: .utf8)
    }

    func feedwatch(_ arguments: String..., stdin: String? = nil) throws -> ProcessResult {
        try ProcessRunner.run(TestPaths.feedwatchBinary, arguments + ["--config", config.path], stdin: stdin)
    }

    func listedURLs() throws -> [String] {
        try feedwatch("feeds", "list", "--json").stdout.split(separator: "\n").compactMap {
            (try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])?["url"] as? String
        }
    }

    @Test func addListRemoveKeepTheHandWrittenConfig() throws {
        let original = try String(contentsOf: config, encoding: .utf8)
        let add = try feedwatch("feeds", "add", server.baseURL + "/europe", "--interval", "10m", "--tag", "europe", "--no-reload")
        #expect(add.status == 0, "\(add.stderr)")
        #expect(add.stdout.contains("added \(server.baseURL)/europe to \(directory.path)/feeds.d/added.yaml:5"), "\(add.stdout)")
        #expect(add.stdout.contains("not reloading (--no-reload)"))
        #expect(try String(contentsOf: config, encoding: .utf8) == original)

        let list = try feedwatch("feeds", "list", "--json")
        let objects = try list.stdout.split(separator: "\n").map { try #require(try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any]) }
        #expect(objects.count == 2)
        #expect(objects[1]["id"] as? Int == 2)
        #expect(objects[1]["interval"] as? Int == 600)
        #expect(objects[1]["tags"] as? [String] == ["europe"])
        #expect(objects[1]["enabled"] as? Bool == true)
        #expect(objects[1]["source"] as? String == "\(directory.path)/feeds.d/added.yaml")
        #expect(objects[1]["line"] as? Int == 5)
        #expect(objects[0]["source"] as? String == config.path)

        let unknownList = try feedwatch("feeds", "add", server.baseURL + "/other", "--watchlist", "sports", "--no-discover")
        #expect(unknownList.status == 2)
        #expect(unknownList.stderr.contains("--watchlist: no watch-list file is named 'sports' (known: russia)"), "\(unknownList.stderr)")

        let again = try feedwatch("feeds", "add", server.baseURL + "/europe", "--no-reload")
        #expect(again.stdout.contains("already configured"), "\(again.stdout)")

        let remove = try feedwatch("feeds", "remove", "1", "--no-reload")
        #expect(remove.status == 0, "\(remove.stderr)")
        #expect(try String(contentsOf: config, encoding: .utf8) == original.replacingOccurrences(of: "  - url: \(server.baseURL)/world   # keep this comment\n", with: ""))
        #expect(try listedURLs() == [server.baseURL + "/europe"])
        #expect(try feedwatch("feeds", "remove", "7").status == 2)
        #expect(try feedwatch("check").status == 0)
    }

    @Test func aSitePageOffersItsFeedsAndAsksWhichWithoutATerminal() throws {
        let body = world
        server.route("/", { _ in .init(status: 200, contentType: "text/html; charset=utf-8", """
            <!doctype html><html><head><title>Example</title>
            <link rel="alternate" type="application/rss+xml" title="World" href="/feeds/world.rss">
            <link rel="alternate" type="application/atom+xml" title="Europe" href="feeds/europe.atom">
            </head><body>hello</body></html>
            """) })
        server.route("/feeds/world.rss", { _ in .init(status: 200, body: body) })
        let europe = try TestPaths.sampleBytes("europe-desk.atom.xml")
        server.route("/feeds/europe.atom", { _ in .init(status: 200, body: europe) })
        let ask = try feedwatch("feeds", "add", server.baseURL + "/", "--no-reload", stdin: "")
        #expect(ask.status == 2)
        #expect(ask.stdout.contains("1. \(server.baseURL)/feeds/world.rss  (World)"), "\(ask.stdout)")
        #expect(ask.stdout.contains("2. \(server.baseURL)/feeds/europe.atom  (Europe)"))
        #expect(ask.stderr.contains("pass --first or --all"), "\(ask.stderr)")
        #expect(try listedURLs() == [server.baseURL + "/world"])

        let first = try feedwatch("feeds", "add", server.baseURL + "/", "--first", "--no-reload")
        #expect(first.status == 0, "\(first.stderr)")
        #expect(try listedURLs() == [server.baseURL + "/world", server.baseURL + "/feeds/world.rss"])
        let all = try feedwatch("feeds", "add", server.baseURL + "/", "--all", "--no-reload")
        #expect(all.stdout.contains("already configured: \(server.baseURL)/feeds/world.rss"), "\(all.stdout)")
        #expect(try listedURLs().last == server.baseURL + "/feeds/europe.atom")
    }

    @Test func aPageWithoutLinksHasTheCommonPathsTried() throws {
        let body = world
        server.route("/blog", { _ in .init(status: 200, contentType: "text/html", "<html><body>No links here</body></html>") })
        server.route("/index.xml", { _ in .init(status: 200, body: body) })
        server.route("/feed", { _ in .init(status: 200, contentType: "text/html", "<html>not a feed</html>") })
        let add = try feedwatch("feeds", "add", server.baseURL + "/blog", "--no-reload")
        #expect(add.status == 0, "\(add.stderr)")
        #expect(add.stdout.contains("found at common paths"), "\(add.stdout)")
        #expect(try listedURLs().last == server.baseURL + "/index.xml")

        server.route("/index.xml", { _ in .init(status: 404, contentType: "text/plain", "gone") })
        server.route("/other", { _ in .init(status: 200, contentType: "text/html", "<html><body>nothing</body></html>") })
        let none = try feedwatch("feeds", "add", server.baseURL + "/other", "--no-reload")
        #expect(none.status == 1)
        #expect(none.stderr.contains("no feed found"), "\(none.stderr)")
    }

    @Test func opmlImportSkipsDuplicatesAndExportRoundTrips() throws {
        let opml = directory.appendingPathComponent("My Reader.opml")
        try """
            <?xml version="1.0"?>
            <opml version="2.0"><head><title>Reader</title></head><body>
              <outline text="News">
                <outline text="World" xmlUrl="\(server.baseURL)/world"/>
                <outline text="Europe &amp; more" xmlUrl="\(server.baseURL)/europe" category="/Regions/EU"/>
              </outline>
              <outline text="Europe again" xmlUrl="\(server.baseURL)/europe"/>
              <outline text="Mail" xmlUrl="mailto:someone@example.org"/>
            </body></opml>
            """.write(to: opml, atomically: true, encoding: .utf8)
        let result = try feedwatch("feeds", "import-opml", opml.path, "--no-reload")
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("imported 1 feed into \(directory.path)/feeds.d/opml-my-reader.yaml; skipped 2 duplicates and 1 invalid of 4"), "\(result.stdout)")
        #expect(result.stdout.contains("skipped duplicate \(server.baseURL)/world (\(opml.path):4): already at \(config.path):8"))

        let export = try feedwatch("feeds", "export-opml")
        #expect(export.status == 0, "\(export.stderr)")
        #expect(export.stdout.contains("<outline text=\"News\" title=\"News\">"))
        #expect(export.stdout.contains("title=\"Europe &amp; more\""))
        let exported = directory.appendingPathComponent("export.opml")
        try export.stdout.write(to: exported, atomically: true, encoding: .utf8)
        let reimport = try feedwatch("feeds", "import-opml", exported.path, "--no-reload")
        #expect(reimport.stdout.contains("imported 0 feeds; skipped 2 duplicates of 2"), "\(reimport.stdout)")
        let list = try feedwatch("feeds", "list")
        #expect(list.stdout.contains("tags: News, Regions, EU"), "\(list.stdout)")
    }

    @Test func aRequiredHeaderIsSentAndNeverLogged() throws {
        let body = world
        server.route("/private", { request in
            request.headers["x-api-key"] == "k-123-secret" ? .init(status: 200, body: body) : .init(status: 403, contentType: "text/plain", "no key")
        })
        try """
            state: state.sqlite
            alert_log: alerts.jsonl
            backfill: all
            watchlists: \(TestPaths.packageRoot.appendingPathComponent("config/watchlists.d").path)
            feeds:
              - url: \(server.baseURL)/private
                headers: {X-Api-Key: k-123-secret}
              - url: \(server.baseURL)/private?nokey
              - url: \(server.baseURL)/europe
                enabled: false

            """.write(to: config, atomically: true, encoding: .utf8)
        let run = try feedwatch("run", "--once", "-v")
        #expect(run.status == 0 || run.status == 1, "\(run.stderr)")
        #expect(run.stderr.contains("/private: 4 entries"), "\(run.stderr)")
        #expect(run.stderr.contains("/private?nokey: HTTP 403"), "\(run.stderr)")
        #expect(!(run.stderr + run.stdout).contains("k-123-secret"))
        #expect(!server.requests.contains { $0.path.hasPrefix("/europe") }, "a disabled feed is not fetched")
        let list = try feedwatch("feeds", "list", "--json")
        #expect(!list.stdout.contains("k-123-secret"))
        #expect(list.stdout.contains("\"headers\":[\"X-Api-Key\"]"))
        let status = try feedwatch("status")
        #expect(status.stdout.contains("DISABLED in config"), "\(status.stdout)")
    }

    @Test func theRunningDaemonReloadsAfterAnEdit() async throws {
        let errors = directory.appendingPathComponent("daemon.log")
        _ = FileManager.default.createFile(atPath: errors.path, contents: nil)
        let handle = try FileHandle(forWritingTo: errors)
        let daemon = try DaemonProcess(config: config.path, log: handle)
        defer { daemon.stop() }
        let alerts = directory.appendingPathComponent("alerts.jsonl")
        // The first cycle has run (alerts written) once the daemon advertises itself.
        #expect(await eventually { !((try? String(contentsOf: alerts, encoding: .utf8)) ?? "").isEmpty })
        let add = try feedwatch("feeds", "add", server.baseURL + "/europe")
        #expect(add.status == 0, "\(add.stderr)")
        #expect(add.stdout.contains("told the running daemon (pid \(daemon.processIdentifier)) to reload"), "\(add.stdout)")
        var log = ""
        _ = await eventually {
            log = (try? String(contentsOf: errors, encoding: .utf8)) ?? ""
            return log.contains("reloaded: 2 feeds")
        }
        #expect(log.contains("reloaded: 2 feeds"), "\(log)")
        // The new feed is polled right after the reload.
        #expect(await eventually { server.requests.contains { $0.path == "/europe" } })
    }
}

extension FeedsEndToEndTests {
    /// On a terminal the user is asked which feed to add (a pseudo-terminal from util-linux `script`).
    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/script")))
    func onATerminalTheUserPicksAFeed() throws {
        server.route("/", { _ in .init(status: 200, contentType: "text/html", """
            <link rel="alternate" type="application/rss+xml" href="/one.rss">
            <link rel="alternate" type="application/rss+xml" href="/two.rss">
            """) })
        let body = world
        server.route("/one.rss", { _ in .init(status: 200, body: body) })
        server.route("/two.rss", { _ in .init(status: 200, body: body) })
        let command = [TestPaths.feedwatchBinary.path, "feeds", "add", server.baseURL + "/", "--no-reload", "--config", config.path]
            .map { "'" + $0 + "'" }.joined(separator: " ")
        let result = try ProcessRunner.run(URL(fileURLWithPath: "/usr/bin/script"), ["-qec", command, "/dev/null"], stdin: "9\n2\n")
        #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
        #expect(result.stdout.contains("Add which? [1-2, a = all, q = none]"), "\(result.stdout)")
        #expect(try listedURLs() == [server.baseURL + "/world", server.baseURL + "/two.rss"])
    }
}

extension FeedsEndToEndTests {
    @Test func checkReadsFeedsDirAndNamesTheFileOfAProblem() throws {
        let feedsDir = directory.appendingPathComponent("feeds.d")
        try FileManager.default.createDirectory(at: feedsDir, withIntermediateDirectories: true)
        try "feeds:\n  - url: \(server.baseURL)/europe\n    watchlists: [sports]\n"
            .write(to: feedsDir.appendingPathComponent("team.yaml"), atomically: true, encoding: .utf8)
        let bad = try feedwatch("check")
        #expect(bad.status == 2)
        #expect(bad.stderr.contains("team.yaml:2: feed \(server.baseURL)/europe: watchlists: no watch-list file is named 'sports' (known: russia)"), "\(bad.stderr)")
        try "feeds:\n  - url: \(server.baseURL)/world\n"
            .write(to: feedsDir.appendingPathComponent("team.yaml"), atomically: true, encoding: .utf8)
        let twice = try feedwatch("check")
        #expect(twice.status == 2)
        #expect(twice.stderr.contains("team.yaml:2: feed: \(server.baseURL)/world is listed twice (also at \(config.path):8); remove one"), "\(twice.stderr)")
        try "feeds:\n  - url: \(server.baseURL)/europe\n    watchlists: [russia]\n"
            .write(to: feedsDir.appendingPathComponent("team.yaml"), atomically: true, encoding: .utf8)
        let good = try feedwatch("check")
        #expect(good.status == 0, "\(good.stderr)")
        #expect(good.stdout.contains("ok: 2 feeds"), "\(good.stdout)")
    }
}
