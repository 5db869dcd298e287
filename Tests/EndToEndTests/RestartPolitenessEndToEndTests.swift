import Foundation
import Testing
import TestSupport

/// A daemon restarted while a server has asked it to wait keeps waiting: the schedule's waits
/// are stored (ScheduleRecord), not recomputed from the feed's interval.
struct RestartPolitenessEndToEndTests {
    /// A config polling `feeds` every two seconds: a restart that forgot a wait would fetch again at once.
    /// The fetch timeout is ten minutes: a test starved of CPU by its neighbours (two cores, the
    /// whole suite in parallel) must still find the slow transfer running when it stops the daemon.
    func writeConfig(_ feeds: [String], named name: String) throws -> URL {
        let directory = try TestPaths.temporaryDirectory(name)
        let config = directory.appendingPathComponent("feedwatch.yaml")
        try """
            state: \(directory.path)/state.sqlite
            alert_log: \(directory.path)/alerts.jsonl
            interval: 2s
            fetch_timeout: 10m
            watchlists: \(TestPaths.packageRoot.appendingPathComponent("config/watchlists.d").path)
            feeds:
            \(feeds.map { "  - url: \($0)" }.joined(separator: "\n"))
            """.write(to: config, atomically: true, encoding: .utf8)
        return config
    }

    /// `status --json`, one object per configured feed, in config order.
    func statuses(_ config: URL) throws -> [[String: Any]] {
        let result = try ProcessRunner.run(TestPaths.feedwatchBinary, ["status", "--json", "--config", config.path])
        return result.stdout.split(separator: "\n").map {
            (try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any]) ?? [:]
        }
    }

    @Test func aRestartDoesNotCutARetryAfterShort() async throws {
        let server = try TestHTTPServer()
        server.route("/busy.rss", { _ in .init(status: 429, headers: [("Retry-After", "3600")]) })
        let world = try TestPaths.sampleBytes("world-news.rss.xml")
        server.route("/sibling.rss", { _ in .init(status: 200, headers: [("Content-Type", "application/rss+xml")], body: world) })
        let config = try writeConfig([server.baseURL + "/busy.rss", server.baseURL + "/sibling.rss"], named: "feedwatch-restart")

        func daemon() throws -> DaemonProcess { try DaemonProcess(config: config.path) }
        /// The busy feed's status object, and its sibling's on the same host.
        func statuses() throws -> [[String: Any]] { try self.statuses(config) }
        func status() throws -> [String: Any] { try statuses().first ?? [:] }

        let first = try daemon()
        // Until the 429 is answered and its schedule stored.
        let deadline = Date().addingTimeInterval(60)
        while try status()["next_poll"] == nil, Date() < deadline {
            try await Task.sleep(nanoseconds: 50_000_000)
        }
        #expect(first.stop())
        let requests = { (path: String) in server.requests.filter { $0.path == path }.count }
        #expect(requests("/busy.rss") == 1)
        let stored = try status()
        #expect(stored["http_status"] as? Int == 429)
        let nextPoll = try #require(stored["next_poll"] as? String)

        let second = try daemon()
        // Two intervals counted from the moment the second daemon runs (it advertises its PID in
        // the state lock), not from its start: a slow start must not pass for a kept wait.
        let lock = config.deletingLastPathComponent().appendingPathComponent("state.sqlite.lock")
        #expect(await eventually { (try? String(contentsOf: lock, encoding: .utf8))?.contains("\(second.processIdentifier)") == true })
        try await Task.sleep(nanoseconds: 4_000_000_000)
        #expect(second.stop())
        #expect(requests("/busy.rss") == 1, "the restarted daemon waited out Retry-After")
        #expect(requests("/sibling.rss") == 1, "and so did the other feed on that host, both daemons")
        let after = try statuses()
        #expect(after.first?["next_poll"] as? String == nextPoll, "the stored wait is kept as it was")
        #expect(after.last?["next_poll"] as? String == nextPoll, "the sibling is polled when its host's rest ends")
        #expect(after.last?["host_rests"] as? Bool == true)
        #expect(after.last?["interval_seconds"] as? Int == 2)
        #expect(after.last?["interval_reason"] as? String == "configured")
        let text = try ProcessRunner.run(TestPaths.feedwatchBinary, ["status", "--config", config.path]).stdout
        #expect(text.contains("next poll \(nextPoll) (the server asked us to wait)\tevery 2s"), "\(text)")
    }

    /// SIGTERM in the middle of a cycle: the polls that finished keep what the server told them
    /// (a 429's Retry-After is stored), and the ones cut short are not failures: they are polled
    /// first when the daemon starts again.
    @Test func aStopMidCycleStoresWhatFinishedAndDoesNotFailWhatWasCut() async throws {
        // Two hosts (127.0.0.1 and localhost), so the 429 does not hold the slow feed back.
        let server = try TestHTTPServer()
        server.route("/busy.rss", { _ in .init(status: 429, headers: [("Retry-After", "3600")]) })
        let slow = Array(repeating: UInt8(ascii: " "), count: 200_000)
        server.route("/slow.rss", { _ in .init(status: 200, headers: [("Content-Type", "application/rss+xml")], body: slow, trickle: 20) })
        let config = try writeConfig([server.baseURL + "/busy.rss", "http://localhost:\(server.port)/slow.rss"], named: "feedwatch-cut")
        let requests = { (path: String) in server.requests.filter { $0.path == path }.count }
        func statuses() throws -> [[String: Any]] { try self.statuses(config) }

        let first = try DaemonProcess(config: config.path)
        // Until the 429 is recorded (nothing after that can be cut short) and the slow body trickles.
        let start = Date()
        while try requests("/slow.rss") == 0 || statuses().first?["consecutive_errors"] as? Int != 1, Date().timeIntervalSince(start) < 60 {
            try await Task.sleep(nanoseconds: 50_000_000)
        }
        let recorded = try statuses().first?["consecutive_errors"] as? Int
        try #require(requests("/slow.rss") == 1 && recorded == 1, "the 429 was never recorded")
        #expect(first.stop(), "a stop cancels the slow transfer")
        let stopped = try statuses()
        let nextPoll = try #require(stopped.first?["next_poll"] as? String, "the 429's wait was stored: \(stopped)")
        let due = try #require(ISO8601DateFormatter().date(from: nextPoll))
        #expect(due.timeIntervalSinceNow > 3000, "Retry-After: 3600")
        #expect(stopped.last?["consecutive_errors"] as? Int ?? 0 == 0, "a cancelled poll is no failure: \(stopped)")
        #expect(stopped.last?["last_error"] == nil)

        let second = try DaemonProcess(config: config.path)
        let deadline = Date().addingTimeInterval(60)
        while requests("/slow.rss") < 2, Date() < deadline {
            try await Task.sleep(nanoseconds: 50_000_000)
        }
        try await Task.sleep(nanoseconds: 500_000_000)
        #expect(second.stop())
        #expect(requests("/slow.rss") == 2, "the cut poll comes first at the restart")
        #expect(requests("/busy.rss") == 1, "Retry-After outlived the stop")
    }
}
