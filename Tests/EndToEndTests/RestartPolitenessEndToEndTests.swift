import Foundation
import Testing
import TestSupport

/// A daemon restarted while a server has asked it to wait keeps waiting: the schedule's waits
/// are stored (ScheduleRecord), not recomputed from the feed's interval.
struct RestartPolitenessEndToEndTests {
    @Test func aRestartDoesNotCutARetryAfterShort() async throws {
        let server = try TestHTTPServer()
        server.route("/busy.rss", { _ in .init(status: 429, headers: [("Retry-After", "3600")]) })
        let world = try TestPaths.sampleBytes("world-news.rss.xml")
        server.route("/sibling.rss", { _ in .init(status: 200, headers: [("Content-Type", "application/rss+xml")], body: world) })
        let directory = try TestPaths.temporaryDirectory("feedwatch-restart")
        let config = directory.appendingPathComponent("feedwatch.yaml")
        // An interval of two seconds: a restart that forgot the wait would fetch again at once.
        try """
            state: \(directory.path)/state.sqlite
            alert_log: \(directory.path)/alerts.jsonl
            interval: 2s
            watchlists: \(TestPaths.packageRoot.appendingPathComponent("config/watchlists.d").path)
            feeds:
              - url: \(server.baseURL)/busy.rss
              - url: \(server.baseURL)/sibling.rss
            """.write(to: config, atomically: true, encoding: .utf8)

        func daemon() throws -> Process {
            let process = Process()
            process.executableURL = TestPaths.feedwatchBinary
            process.arguments = ["run", "--config", config.path]
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            return process
        }
        /// The busy feed's status object, and its sibling's on the same host.
        func statuses() throws -> [[String: Any]] {
            let result = try ProcessRunner.run(TestPaths.feedwatchBinary, ["status", "--json", "--config", config.path])
            return result.stdout.split(separator: "\n").map {
                (try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any]) ?? [:]
            }
        }
        func status() throws -> [String: Any] { try statuses().first ?? [:] }

        let first = try daemon()
        // Until the 429 is answered and its schedule stored.
        var tries = 0
        while try status()["next_poll"] == nil, tries < 200 {
            try await Task.sleep(nanoseconds: 50_000_000)
            tries += 1
        }
        first.terminate()
        first.waitUntilExit()
        let requests = { (path: String) in server.requests.filter { $0.path == path }.count }
        #expect(requests("/busy.rss") == 1)
        let stored = try status()
        #expect(stored["http_status"] as? Int == 429)
        let nextPoll = try #require(stored["next_poll"] as? String)

        let second = try daemon()
        try await Task.sleep(nanoseconds: 4_000_000_000) // two intervals
        second.terminate()
        second.waitUntilExit()
        #expect(requests("/busy.rss") == 1, "the restarted daemon waited out Retry-After")
        #expect(requests("/sibling.rss") == 1, "and so did the other feed on that host, both daemons")
        let after = try statuses()
        #expect(after.first?["next_poll"] as? String == nextPoll, "the stored wait is kept as it was")
        #expect(after.last?["next_poll"] as? String == nextPoll, "the sibling is polled when its host's rest ends")
        #expect(after.last?["host_rests"] as? Bool == true)
        let text = try ProcessRunner.run(TestPaths.feedwatchBinary, ["status", "--config", config.path]).stdout
        #expect(text.contains("next poll \(nextPoll) (the server asked us to wait)"), "\(text)")
    }
}
