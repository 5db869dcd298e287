import Foundation
import Testing
import TestSupport

/// Kills `feedwatch run` with SIGKILL at random moments, over and over, while its feeds keep
/// changing, and checks that every alert ends up in the log exactly once.
@Suite(.serialized)
struct CrashSafetyEndToEndTests {
    /// A feed that grows by a few entries on every fetch, each entry naming Putin once.
    final class GrowingFeed: @unchecked Sendable {
        let name: String
        private let lock = NSLock()
        private var count = 0

        init(name: String) { self.name = name }

        var served: Int {
            lock.lock()
            defer { lock.unlock() }
            return count
        }

        func respond(_ request: TestHTTPServer.Request) -> TestHTTPServer.Response {
            lock.lock()
            count = min(count + 3, 400)
            let n = count
            lock.unlock()
            var xml = "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Feed \(name)</title>"
            for k in stride(from: n, through: 1, by: -1) {
                xml += "<item><title>Putin statement \(name) number \(k)</title><guid>\(name)-\(k)</guid>"
                xml += "<link>https://\(name).example/\(k)</link><description>Text \(k) from feed \(name).</description></item>"
            }
            xml += "</channel></rss>"
            return .init(status: 200, headers: [("Content-Type", "application/rss+xml")], body: Array(xml.utf8))
        }
    }

    @Test(.timeLimit(.minutes(15)))
    func sigkillAtRandomMomentsNeitherLosesNorRepeatsAnAlert() async throws {
        let server = try TestHTTPServer()
        let feeds = [GrowingFeed(name: "a"), GrowingFeed(name: "b")]
        for feed in feeds { server.route("/\(feed.name)", { feed.respond($0) }) }

        let directory = try TestPaths.temporaryDirectory("feedwatch-kill")
        let lists = directory.appendingPathComponent("lists")
        try FileManager.default.createDirectory(at: lists, withIntermediateDirectories: true)
        try "watch:\n  - name: Vladimir Putin\n    type: person\n    aliases: [Putin]\n"
            .write(to: lists.appendingPathComponent("w.yaml"), atomically: true, encoding: .utf8)
        let config = directory.appendingPathComponent("feedwatch.yaml")
        try """
            state: state.sqlite
            alert_log: alerts.jsonl
            interval: 1s
            backfill: all
            watchlists: lists
            feeds:
              - url: \(server.baseURL)/a
              - url: \(server.baseURL)/b
            """.write(to: config, atomically: true, encoding: .utf8)

        var generator = SystemRandomNumberGenerator()
        var kills = 0
        for _ in 0..<55 {
            let daemon = try DaemonProcess(config: config.path)
            try await Task.sleep(nanoseconds: UInt64.random(in: 20_000_000...700_000_000, using: &generator))
            daemon.kill()
            if daemon.terminationReason == .uncaughtSignal { kills += 1 }
        }
        #expect(kills >= 50, "only \(kills) runs were killed by SIGKILL")

        // One clean run picks up what the killed ones left in the outbox and the feeds' latest entries.
        let final = try ProcessRunner.run(TestPaths.feedwatchBinary, ["run", "--once", "--config", config.path])
        #expect(final.status == 0, "\(final.stderr)")

        let text = try String(contentsOf: directory.appendingPathComponent("alerts.jsonl"), encoding: .utf8)
        var perEntry: [String: Int] = [:]
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) where !line.isEmpty {
            let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any], "broken line: \(line)")
            let entry = try #require(object["entry"] as? [String: Any])
            perEntry[try #require(entry["id"] as? String), default: 0] += 1
        }
        #expect(text.hasSuffix("\n"))
        var expected = Set<String>()
        for feed in feeds { for k in 1...feed.served { expected.insert("\(feed.name)-\(k)") } }
        #expect(Set(perEntry.keys) == expected, "missing: \(expected.subtracting(perEntry.keys).sorted().prefix(10))")
        let repeated = perEntry.filter { $0.value > 1 }
        #expect(repeated.isEmpty, "written more than once: \(repeated.keys.sorted().prefix(10))")
        #expect(expected.count > 100)
    }
}

extension CrashSafetyEndToEndTests {
    /// The same check with crashes forced into the narrowest windows: after the fsync and
    /// before the outbox is marked, half-way through a line, and right after a poll commits.
    @Test(.timeLimit(.minutes(15)))
    func crashesInsideTheWriteWindowsNeitherLoseNorRepeat() async throws {
        let server = try TestHTTPServer()
        let feed = GrowingFeed(name: "c")
        server.route("/c", { feed.respond($0) })
        let directory = try TestPaths.temporaryDirectory("feedwatch-fault")
        let lists = directory.appendingPathComponent("lists")
        try FileManager.default.createDirectory(at: lists, withIntermediateDirectories: true)
        try "watch:\n  - name: Vladimir Putin\n    type: person\n    aliases: [Putin]\n"
            .write(to: lists.appendingPathComponent("w.yaml"), atomically: true, encoding: .utf8)
        let config = directory.appendingPathComponent("feedwatch.yaml")
        try "state: s.sqlite\nalert_log: alerts.jsonl\nbackfill: all\nwatchlists: lists\nfeeds:\n  - url: \(server.baseURL)/c\n"
            .write(to: config, atomically: true, encoding: .utf8)

        var crashes = 0
        for _ in 0..<60 {
            let run = try ProcessRunner.run(TestPaths.feedwatchBinary, ["run", "--once", "--config", config.path],
                                            environment: ["FEEDWATCH_FAULT": "log-written:0.4,log-partial:0.3,recorded:0.2"])
            if run.status != 0 { crashes += 1 }
        }
        #expect(crashes >= 20, "the fault switch crashed only \(crashes) runs")
        let final = try ProcessRunner.run(TestPaths.feedwatchBinary, ["run", "--once", "--config", config.path])
        #expect(final.status == 0, "\(final.stderr)")

        let text = try String(contentsOf: directory.appendingPathComponent("alerts.jsonl"), encoding: .utf8)
        var perEntry: [String: Int] = [:]
        for line in text.split(separator: "\n") {
            let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any], "broken line: \(line)")
            let entry = try #require(object["entry"] as? [String: Any])
            perEntry[try #require(entry["id"] as? String), default: 0] += 1
        }
        let expected = Set((1...feed.served).map { "c-\($0)" })
        #expect(Set(perEntry.keys) == expected, "missing: \(expected.subtracting(perEntry.keys).sorted().prefix(10))")
        #expect(perEntry.values.allSatisfy { $0 == 1 }, "repeated: \(perEntry.filter { $0.value > 1 }.keys.sorted().prefix(10))")
    }
}
