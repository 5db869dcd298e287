import Foundation
import Testing
import TestSupport

/// `feedwatch feeds …` against input written to trip it: other spellings of a configured
/// URL, files that are not subscription lists, headers that are not headers.
extension FeedsEndToEndTests {
    @Test func anotherSpellingOfAConfiguredURLIsADuplicate() throws {
        let opml = directory.appendingPathComponent("reader.opml")
        let upper = server.baseURL.replacingOccurrences(of: "http://", with: "HTTP://")
        try """
            <opml version="2.0"><body>
              <outline text="World, shouted" xmlUrl="\(upper)/world/"/>
              <outline text="Europe" xmlUrl="\(server.baseURL)/europe"/>
              <outline text="Europe, slashed" xmlUrl="\(server.baseURL)/europe/"/>
              <outline text="Spaced" xmlUrl="\(server.baseURL)/a b"/>
            </body></opml>
            """.write(to: opml, atomically: true, encoding: .utf8)
        let result = try feedwatch("feeds", "import-opml", opml.path, "--no-reload")
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("skipped duplicate \(upper)/world/ (\(opml.path):2): already at \(config.path):8"), "\(result.stdout)")
        #expect(result.stdout.contains("skipped duplicate \(server.baseURL)/europe/ (\(opml.path):4): already at \(opml.path):3"), "\(result.stdout)")
        #expect(result.stdout.contains("skipped \(server.baseURL)/a b (\(opml.path):5): not a valid http or https URL"), "\(result.stdout)")
        #expect(result.stdout.contains("imported 1 feed into"), "\(result.stdout)")
        #expect(try listedURLs() == [server.baseURL + "/world", server.baseURL + "/europe"])

        let add = try feedwatch("feeds", "add", upper + "/europe/", "--no-discover", "--no-reload")
        #expect(add.status == 0, "\(add.stderr)")
        #expect(add.stdout.contains("already configured: \(upper)/europe/ (at \(directory.path)/feeds.d/opml-reader.yaml:5)"), "\(add.stdout)")
        #expect(add.stdout.contains("nothing added"))
        #expect(try listedURLs().count == 2)
    }

    @Test func anAddressThatCannotBeAFeedIsNamedAsTheArgument() throws {
        for (address, message) in [("gopher://x.example/", "'gopher://x.example/': a feed's address is an http, https or file URL"),
                                   ("javascript:alert(1)", "'https://javascript:alert(1)' is not a valid URL"),
                                   ("https://x.example/a b", "'https://x.example/a b' is not a valid URL")] {
            let result = try feedwatch("feeds", "add", address, "--no-reload")
            #expect(result.status == 2)
            #expect(result.stderr.hasPrefix("feedwatch: " + message), "\(result.stderr)")
        }
        #expect(try listedURLs() == [server.baseURL + "/world"])
    }

    @Test func importMessagesNeverPrintAnEscapeFromTheFilesName() throws {
        // A downloaded file's name is chosen by whoever served it.
        let opml = directory.appendingPathComponent("subs\u{1B}]0;pwned\u{07}.opml")
        try """
            <opml version="2.0"><body>
              <outline text="World" xmlUrl="\(server.baseURL)/world"/>
              <outline text="Mail" xmlUrl="mailto:someone@example.org"/>
            </body></opml>
            """.write(to: opml, atomically: true, encoding: .utf8)
        let result = try feedwatch("feeds", "import-opml", opml.path, "--no-reload")
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("skipped duplicate"), "\(result.stdout)")
        #expect(result.stdout.contains("subs\\x1b]0;pwned\\x07.opml:3): not a valid"), "\(result.stdout)")
        #expect(!result.stdout.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x07 }, "\(result.stdout)")
    }

    @Test func anOversizedOPMLFileIsRefusedWithoutReadingItAll() throws {
        // Sparse: 40 MiB on paper, nothing on disk.
        let huge = directory.appendingPathComponent("disk.img")
        #expect(FileManager.default.createFile(atPath: huge.path, contents: Data("<opml><body>".utf8)))
        let handle = try FileHandle(forWritingTo: huge)
        try handle.truncate(atOffset: 40 << 20)
        try handle.close()
        let result = try feedwatch("feeds", "import-opml", huge.path, "--no-reload")
        #expect(result.status == 2)
        #expect(result.stderr.contains("\(huge.path): larger than 32 MiB"), "\(result.stderr)")
        #expect(!FileManager.default.fileExists(atPath: directory.appendingPathComponent("feeds.d").path))
    }

    @Test func aBadHeaderIsNamedAsTheOptionAndNothingIsWritten() throws {
        let reserved = try feedwatch("feeds", "add", server.baseURL + "/europe", "--no-discover", "--header", "Host: elsewhere", "--no-reload")
        #expect(reserved.status == 2)
        #expect(reserved.stderr == "feedwatch: --header: header 'Host' is set by feedwatch itself and cannot be configured\n", "\(reserved.stderr)")
        let escape = try feedwatch("feeds", "add", server.baseURL + "/europe", "--header", "X-Key: se\u{1B}[2Jcret", "--no-reload")
        #expect(escape.status == 2)
        #expect(escape.stderr == "feedwatch: --header: the value of header 'X-Key' contains a control character\n", "\(escape.stderr)")
        let twice = try feedwatch("feeds", "add", server.baseURL + "/europe", "--no-discover", "--header", "X-Key: 1", "--header", "x-key: 2", "--no-reload")
        #expect(twice.status == 2)
        #expect(twice.stderr == "feedwatch: --header: 'x-key' is given twice\n", "\(twice.stderr)")
        #expect(!FileManager.default.fileExists(atPath: directory.appendingPathComponent("feeds.d/added.yaml").path))
        #expect(server.requests.isEmpty, "nothing is fetched with a header that cannot be sent")
    }

    @Test func aDisabledFeedShowsNoNextPoll() async throws {
        // The daemon (not `run --once`) stores when each feed is next due.
        let daemon = try DaemonProcess(config: config.path)
        var enabled = try feedwatch("status")
        _ = try await eventually {
            enabled = try feedwatch("status")
            return enabled.stdout.contains("next poll")
        }
        #expect(daemon.stop())
        #expect(enabled.stdout.contains("next poll"), "\(enabled.stdout)")
        var text = try String(contentsOf: config, encoding: .utf8)
        text = text.replacingOccurrences(of: "   # keep this comment", with: "\n    enabled: false")
        try text.write(to: config, atomically: true, encoding: .utf8)
        let status = try feedwatch("status")
        #expect(status.status == 0, "\(status.stderr)")
        #expect(status.stdout.contains("DISABLED in config"), "\(status.stdout)")
        #expect(!status.stdout.contains("next poll"), "\(status.stdout)")
        let json = try feedwatch("status", "--json")
        #expect(json.stdout.contains("\"enabled\":false"), "\(json.stdout)")
        #expect(!json.stdout.contains("next_poll\":\"2"), "\(json.stdout)")
    }

    @Test func watchTestAndScanSendAConfiguredFeedsHeaders() throws {
        let body = world
        server.route("/private", { request in
            request.headers["x-api-key"] == "k-123-secret" ? .init(status: 200, body: body) : .init(status: 403, contentType: "text/plain", "no key")
        })
        var text = try String(contentsOf: config, encoding: .utf8)
        text += "  - url: \(server.baseURL)/private\n    headers: {X-Api-Key: k-123-secret}\n"
        try text.write(to: config, atomically: true, encoding: .utf8)
        let test = try feedwatch("watch", "test", "Vladimir Putin", server.baseURL + "/private")
        #expect(test.status == 0 || test.status == 1, "\(test.stderr)")
        #expect(test.stdout.contains("of 4 entries"), "\(test.stdout)")
        let scan = try feedwatch("scan", server.baseURL + "/private")
        #expect(scan.status == 0, "\(scan.stderr)")
        #expect(!(test.stdout + test.stderr + scan.stdout + scan.stderr).contains("k-123-secret"))
        // The export has the feed, never its header values; a disabled feed is commented out.
        text += "  - url: \(server.baseURL)/europe\n    enabled: false\n"
        try text.write(to: config, atomically: true, encoding: .utf8)
        let export = try feedwatch("feeds", "export-opml")
        #expect(export.status == 0, "\(export.stderr)")
        #expect(export.stdout.contains("xmlUrl=\"\(server.baseURL)/private\""))
        #expect(!export.stdout.contains("k-123-secret") && !export.stdout.contains("X-Api-Key"))
        #expect(export.stdout.contains("xmlUrl=\"\(server.baseURL)/europe\" isComment=\"true\"/>"), "\(export.stdout)")
        // Another URL is not sent the feed's key.
        _ = try feedwatch("watch", "test", "Vladimir Putin", server.baseURL + "/private?other")
        #expect(server.requests.filter { $0.headers["x-api-key"] != nil }.count == 2)
    }

    @Test func aRunningDaemonUsesAFeedsNewHeadersRightAfterAReload() async throws {
        let body = world
        server.route("/private", { request in
            request.headers["x-api-key"] == "right" ? .init(status: 200, body: body) : .init(status: 403, contentType: "text/plain", "no key")
        })
        let original = try String(contentsOf: config, encoding: .utf8)
        try (original + "  - url: \(server.baseURL)/private\n    headers: {X-Api-Key: wrong}\n").write(to: config, atomically: true, encoding: .utf8)
        let daemon = try DaemonProcess(config: config.path)
        defer { daemon.stop() }
        #expect(await eventually { server.requests.contains(where: { $0.path == "/private" }) })
        // Failing with 403, the feed now backs off for a minute or more. The user fixes the key.
        try (original + "  - url: \(server.baseURL)/private\n    headers: {X-Api-Key: right}\n").write(to: config, atomically: true, encoding: .utf8)
        let remove = try feedwatch("feeds", "remove", server.baseURL + "/world") // an edit that tells the daemon to reload
        #expect(remove.stdout.contains("told the running daemon"), "\(remove.stdout)")
        _ = await eventually { server.requests.contains(where: { $0.headers["x-api-key"] == "right" }) }
        #expect(server.requests.contains { $0.headers["x-api-key"] == "right" }, "the new header is tried within seconds of the reload")
    }
}

/// A password written in a feed's URL is sent to the server and shown nowhere.
extension FeedsEndToEndTests {
    @Test func aPasswordInAFeedURLIsNeverPrinted() throws {
        let secret = "s3cret-Pa55"
        let withCredentials = server.baseURL.replacingOccurrences(of: "://", with: "://alice:\(secret)@") + "/europe"
        let add = try feedwatch("feeds", "add", withCredentials, "--no-discover", "--no-reload")
        #expect(add.status == 0, "\(add.stderr)")
        #expect(add.stdout.contains("added \(withCredentials.replacingOccurrences(of: secret, with: "****"))"), "\(add.stdout)")
        #expect(!add.stdout.contains(secret), "feeds add printed the password")
        let run = try feedwatch("run", "--once", "-v")
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stderr.contains("alice:****@"), "the poll log names the feed: \(run.stderr)")
        #expect(!run.stderr.contains(secret) && !run.stdout.contains(secret), "run printed the password")
        #expect(server.requests.contains { $0.path == "/europe" && $0.headers["authorization"] != nil },
                "the credentials must still reach the server")
        let outputs = [("feeds list", try feedwatch("feeds", "list")), ("feeds list --json", try feedwatch("feeds", "list", "--json")),
                       ("status", try feedwatch("status")), ("status --json", try feedwatch("status", "--json"))]
        for (arguments, result) in outputs {
            #expect(result.status == 0, "\(arguments): \(result.stderr)")
            #expect(result.stdout.contains("alice:****@"), "\(arguments): \(result.stdout)")
            #expect(!result.stdout.contains(secret) && !result.stderr.contains(secret), "\(arguments) printed the password")
        }
    }
}

/// `feed:` subscribe links (browsers, some OPML exports) are the http(s) URL they stand for.
extension FeedsEndToEndTests {
    @Test func feedSchemeLinksAreAddedAsTheirHTTPURL() throws {
        let http = server.baseURL  // http://127.0.0.1:PORT
        let opml = directory.appendingPathComponent("feedscheme.opml")
        try """
            <opml version="2.0"><body>
              <outline text="Europe" xmlUrl="\(http.replacingOccurrences(of: "http://", with: "feed://"))/europe"/>
              <outline text="Other" xmlUrl="feed:\(http)/other"/>
            </body></opml>
            """.write(to: opml, atomically: true, encoding: .utf8)
        let result = try feedwatch("feeds", "import-opml", opml.path, "--no-reload")
        #expect(result.stdout.contains("imported 2 feeds"), "\(result.stdout)")
        let add = try feedwatch("feeds", "add", "FEED:" + http + "/third", "--no-discover", "--no-reload")
        #expect(add.status == 0, "\(add.stderr)")
        let listed = try listedURLs()
        for path in ["/europe", "/other", "/third"] {
            #expect(listed.contains(http + path), "\(path): \(listed)")
        }
        #expect(!listed.contains { $0.lowercased().hasPrefix("feed:") }, "\(listed)")
    }
}
