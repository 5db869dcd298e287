import Foundation
import Testing
import TestSupport

/// `feedwatch watch …`, shell completions and help, run as a user runs them.
struct WatchCommandEndToEndTests {
    func feedwatch(_ arguments: [String], stdin: String? = nil) throws -> ProcessResult {
        try ProcessRunner.run(TestPaths.feedwatchBinary, arguments, stdin: stdin)
    }

    /// A config in a fresh directory with a copy of the shipped watch list, feeding on the sample feed.
    func setUp() throws -> (config: String, list: URL, original: String) {
        let directory = try TestPaths.temporaryDirectory("feedwatch-watch")
        let lists = directory.appendingPathComponent("watchlists.d")
        try FileManager.default.createDirectory(at: lists, withIntermediateDirectories: true)
        let original = try String(contentsOf: TestPaths.packageRoot.appendingPathComponent("config/watchlists.d/russia.yaml"), encoding: .utf8)
        let list = lists.appendingPathComponent("russia.yaml")
        try original.write(to: list, atomically: true, encoding: .utf8)
        let config = directory.appendingPathComponent("feedwatch.yaml")
        try """
            state: state.sqlite
            alert_log: alerts.jsonl
            backfill: all
            watchlists: watchlists.d
            feeds:
              - url: file://\(TestPaths.sample("world-news.rss.xml").path)
            """.write(to: config, atomically: true, encoding: .utf8)
        return (config.path, list, original)
    }

    @Test func listAddAndRemoveKeepTheHandWrittenFile() throws {
        let (config, list, original) = try setUp()
        let listed = try feedwatch(["watch", "list", "--json", "-c", config])
        #expect(listed.status == 0, "\(listed.stderr)")
        let rows = listed.stdout.split(separator: "\n").compactMap { try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] }
        #expect(rows.count == 8)
        #expect(rows.first?["name"] as? String == "Vladimir Putin")
        #expect(rows.first?["aliases"] as? [String] == ["Putin", "President Putin"])
        #expect(rows.first?["file"] as? String == list.path)
        #expect(rows.first?["line"] as? Int == 5)

        let added = try feedwatch(["watch", "add", "Kim Jong Un", "--type", "person", "--alias", "Kim Jong-un", "--alias", "Kim",
                                   "--context", "North Korea", "--no-reload", "-c", config])
        #expect(added.status == 0, "\(added.stderr)")
        #expect(added.stdout.contains("added watch 'Kim Jong Un' (person) to \(list.deletingLastPathComponent().appendingPathComponent("local.yaml").path), lines 4-7"), "\(added.stdout)")
        #expect(added.stdout.contains("not reloading (--no-reload)"))
        // "Kim" is weak (the watch has context): the user hears so.
        #expect(added.stdout.contains("note: 'Kim' alone counts only with a title before it, the full name, or a --context word"))
        #expect(!added.stdout.contains("'Kim Jong-un' alone"))
        let checked = try feedwatch(["check", "-c", config])
        #expect(checked.stdout.contains("9 watches and 1 rules in 2 watch-list files"), "\(checked.stdout)\(checked.stderr)")
        let text = try feedwatch(["watch", "list", "-c", config]).stdout
        #expect(text.contains("Kim Jong Un\tperson\tKim Jong-un, Kim\tlocal.yaml:4\n"), "\(text)")

        let again = try feedwatch(["watch", "add", "kim jong un", "--type", "person", "--no-reload", "-c", config])
        #expect(again.status == 2)
        #expect(again.stderr.contains("a watch named 'Kim Jong Un' already exists (local.yaml:4)"), "\(again.stderr)")
        let badType = try feedwatch(["watch", "add", "X", "--type", "animal", "-c", config])
        #expect(badType.status == 64)   // swift-argument-parser's usage error (EX_USAGE)
        #expect(badType.stderr.contains("'person', 'org', 'place' or 'topic'"))

        let refused = try feedwatch(["watch", "remove", "Vladimir Putin", "--no-reload", "-c", config])
        #expect(refused.status == 2)
        #expect(refused.stderr.contains("used by rule 'putin-and-sanctions' (russia.yaml:"), "\(refused.stderr)")

        let removed = try feedwatch(["watch", "remove", "Dmitry Peskov", "--no-reload", "-c", config])
        #expect(removed.status == 0, "\(removed.stderr)")
        #expect(removed.stdout.contains("removed watch 'Dmitry Peskov' from \(list.path) (was lines 8-10)"), "\(removed.stdout)")
        let edited = try String(contentsOf: list, encoding: .utf8)
        #expect(edited == original.replacingOccurrences(of: "  - name: Dmitry Peskov\n    type: person\n    aliases: [Peskov]\n", with: ""))
        #expect(edited.contains("# a weak alias needs one of these"))
    }

    @Test func watchTestSaysWhyAndExitsOneWhenItDoesNotFire() throws {
        let demo = TestPaths.packageRoot.appendingPathComponent("config/demo.yaml").path
        let fires = try feedwatch(["watch", "test", "Robert Mueller", TestPaths.sample("world-news.rss.xml").path, "-c", demo])
        #expect(fires.status == 0, "\(fires.stderr)")
        #expect(fires.stdout.contains("fires: matched \"Robert Mueller\" (1 time)"), "\(fires.stdout)")
        #expect(fires.stdout.contains("content: \"Robert Mueller\" in \"…"))
        #expect(fires.stdout.contains("silent: excluded: the entry mentions \"Bayern\""))
        #expect(fires.stdout.contains("'Robert Mueller' fires on 1 of 4 entries"))

        let byAlias = try feedwatch(["watch", "test", "putin", TestPaths.sample("putin-letter.txt").path, "-c", demo, "--json"])
        #expect(byAlias.status == 0)
        let row = try #require(try JSONSerialization.jsonObject(with: Data(byAlias.stdout.utf8)) as? [String: Any])
        #expect(row["fires"] as? Bool == true)
        #expect(row["rules"] as? [String] == ["putin-and-sanctions"])
        #expect((row["matches"] as? [[String: Any]])?.first?["field"] as? String == "title")

        let silent = try feedwatch(["watch", "test", "sanctions", "-", "-c", demo], stdin: "Weather\nSunny all week in Lisbon.\n")
        #expect(silent.status == 1)
        #expect(silent.stdout.contains("silent: not mentioned"))
        #expect(silent.stdout.contains("'sanctions' fires on 0 of 1 entry"))

        let unknown = try feedwatch(["watch", "test", "Nobody", "-", "-c", demo], stdin: "x")
        #expect(unknown.status == 2)
        #expect(unknown.stderr.contains("no watch named 'Nobody'"))

        // 1 means "does not fire": an input that cannot be read must not look like that.
        let missing = try feedwatch(["watch", "test", "sanctions", "/nonexistent/article.txt", "-c", demo])
        #expect(missing.status == 2, "\(missing.stderr)")
        #expect(missing.stderr.contains("/nonexistent/article.txt: no such file"), "\(missing.stderr)")
        let unreachable = try feedwatch(["watch", "test", "sanctions", "http://127.0.0.1:9/feed.xml", "-c", demo])
        #expect(unreachable.status == 2, "\(unreachable.stderr)")
    }

    @Test(.timeLimit(.minutes(10)))
    func aRunningDaemonReloadsAfterAnEdit() async throws {
        let (config, _, _) = try setUp()
        let logFile = URL(fileURLWithPath: config).deletingLastPathComponent().appendingPathComponent("daemon.log")
        #expect(FileManager.default.createFile(atPath: logFile.path, contents: nil))
        let log = try FileHandle(forWritingTo: logFile)
        let daemon = try DaemonProcess(config: config, log: log)
        defer { daemon.stop() }

        func logged(_ text: String) async -> Bool {
            await eventually { (try? String(contentsOf: logFile, encoding: .utf8))?.contains(text) == true }
        }
        #expect(await logged("started: 1 feeds, 8 watches, 1 rules"))
        // The PID is advertised in the state lock just after start; wait for it, or the edit
        // below would rightly say that no daemon runs.
        let lock = URL(fileURLWithPath: config).deletingLastPathComponent().appendingPathComponent("state.sqlite.lock")
        #expect(await eventually { (try? String(contentsOf: lock, encoding: .utf8))?.contains("\(daemon.processIdentifier)") == true })

        let added = try feedwatch(["watch", "add", "Kremlin", "--type", "org", "-c", config])
        #expect(added.status == 0, "\(added.stderr)")
        #expect(added.stdout.contains("told the running daemon (pid \(daemon.processIdentifier)) to reload"), "\(added.stdout)")
        #expect(await logged("reloaded: 1 feeds, 9 watches, 1 rules"), "\((try? String(contentsOf: logFile, encoding: .utf8)) ?? "")")

        let removed = try feedwatch(["watch", "remove", "Kremlin", "-c", config])
        #expect(removed.status == 0, "\(removed.stderr)")
        #expect(await logged("reloaded: 1 feeds, 8 watches, 1 rules"))
        #expect(daemon.isRunning)
        #expect(daemon.stop())
        #expect(daemon.terminationStatus == 0)
    }

    @Test(arguments: ["bash", "zsh", "fish"])
    func completionScriptsAreGenerated(shell: String) throws {
        let result = try feedwatch(["--generate-completion-script", shell])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.utf8.count > 1000)
        for word in ["watch", "remove", "no-reload", "tail"] { #expect(result.stdout.contains(word), "\(shell): \(word)") }
    }

    @Test(arguments: [("bash", "/bin/bash"), ("zsh", "/usr/bin/zsh"), ("fish", "/usr/bin/fish")])
    func completionScriptsParseInTheirShells(shell: String, path: String) throws {
        try #require(FileManager.default.isExecutableFile(atPath: path), "\(path) is missing: make test installs it")
        let file = try TestPaths.temporaryDirectory("completion").appendingPathComponent("feedwatch.\(shell)")
        try feedwatch(["--generate-completion-script", shell]).stdout.write(to: file, atomically: true, encoding: .utf8)
        let result = try ProcessRunner.run(URL(fileURLWithPath: path), ["-n", file.path])
        #expect(result.status == 0, "\(shell): \(result.stderr)")
    }

    @Test func bashCompletesWatchNamesFromTheConfigOnTheCommandLine() throws {
        let bash = URL(fileURLWithPath: "/bin/bash")
        try #require(FileManager.default.isExecutableFile(atPath: bash.path))
        let script = try feedwatch(["--generate-completion-script", "bash"]).stdout
        let file = try TestPaths.temporaryDirectory("completion").appendingPathComponent("feedwatch.bash")
        try script.write(to: file, atomically: true, encoding: .utf8)
        let demo = TestPaths.packageRoot.appendingPathComponent("config/demo.yaml").path
        let result = try ProcessRunner.run(bash, ["-c", """
            source '\(file.path)'
            COMP_WORDS=('\(TestPaths.feedwatchBinary.path)' watch remove -c '\(demo)' R)
            COMP_CWORD=5; COMP_LINE="${COMP_WORDS[*]}"; COMP_POINT=${#COMP_LINE}
            _feedwatch
            printf '%s\\n' "${COMPREPLY[@]}"
            """])
        #expect(result.stdout.split(separator: "\n").map(String.init) == ["Rand Paul", "Robert Mueller"], "\(result.stdout)\(result.stderr)")
    }

    /// Every command's --help shows an example.
    @Test(arguments: [[], ["run"], ["check"], ["parse"], ["entities"], ["scan"], ["tail"], ["status"],
                      ["feeds", "list"], ["feeds", "add"], ["feeds", "remove"], ["feeds", "import-opml"], ["feeds", "export-opml"],
                      ["watch"], ["watch", "list"], ["watch", "add"], ["watch", "remove"], ["watch", "test"]])
    func helpShowsAnExample(command: [String]) throws {
        let result = try feedwatch(command + ["--help"])
        #expect(result.status == 0)
        let lines = result.stdout.split(separator: "\n", omittingEmptySubsequences: false)
        let start = try #require(lines.firstIndex { $0 == "Example:" || $0 == "Examples:" }, "\(command): \(result.stdout)")
        let examples = lines[(start + 1)...].prefix { !$0.isEmpty }
        #expect(!examples.isEmpty)
        // One command per line, none wrapped by the help formatter (so they can be copied).
        for example in examples {
            #expect(example.hasPrefix("  ") && example.contains("feedwatch \(command.first ?? "")"), "\(command): \(example)")
        }
    }
}

/// `watch test` on a configured feed's URL matches as the daemon matches that feed: only its
/// `watchlists:`, only its `fields:`.
extension WatchCommandEndToEndTests {
    @Test func watchTestAppliesTheFeedsWatchListsAndFields() throws {
        let (config, list, _) = try setUp()
        let server = try TestHTTPServer()
        let rss = Array("""
            <rss version="2.0"><channel><title>T</title>
            <item><title>Talks resume in Geneva</title><description>Vladimir Putin said talks would go on.</description></item>
            </channel></rss>
            """.utf8)
        for path in ["/all", "/titles", "/scoped"] { server.route(path, { _ in .init(status: 200, body: rss) }) }
        try "watch:\n  - name: Geneva\n    type: place\n".write(
            to: list.deletingLastPathComponent().appendingPathComponent("places.yaml"), atomically: true, encoding: .utf8)
        try """
            state: state.sqlite
            alert_log: alerts.jsonl
            watchlists: watchlists.d
            feeds:
              - url: \(server.baseURL)/all
              - url: \(server.baseURL)/titles
                fields: [title]
              - url: \(server.baseURL)/scoped
                watchlists: [places]
            """.write(toFile: config, atomically: true, encoding: .utf8)

        let all = try feedwatch(["watch", "test", "Vladimir Putin", server.baseURL + "/all", "-c", config])
        #expect(all.status == 0, "\(all.stdout)\(all.stderr)")

        let titles = try feedwatch(["watch", "test", "Vladimir Putin", server.baseURL + "/titles", "-c", config])
        #expect(titles.status == 1, "\(titles.stdout)")
        #expect(titles.stdout.contains("note: this feed is matched on its title only (its fields: key)"), "\(titles.stdout)")
        #expect(titles.stdout.contains("silent: not mentioned"), "\(titles.stdout)")

        let scoped = try feedwatch(["watch", "test", "Vladimir Putin", server.baseURL + "/scoped", "-c", config])
        #expect(scoped.status == 1, "\(scoped.stdout)")
        #expect(scoped.stdout.contains("applies only the watch lists places"), "\(scoped.stdout)")
        #expect(scoped.stdout.contains("silent: not in this feed's watch lists (watchlists: places)"), "\(scoped.stdout)")
        // A watch of the feed's own list still fires there.
        let place = try feedwatch(["watch", "test", "Geneva", server.baseURL + "/scoped", "-c", config])
        #expect(place.status == 0, "\(place.stdout)\(place.stderr)")
    }
}
