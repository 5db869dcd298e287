import Foundation
import Testing
import TestSupport

/// A daemon restarted while a server has asked it to wait keeps waiting: the schedule's waits
/// are stored (ScheduleRecord), not recomputed from the feed's interval.
struct RestartPolitenessEndToEndTests {
    @Test func aRestartDoesNotCutARetryAfterShort() async throws {
        let server = try TestHTTPServer()
        server.route("/busy.rss", { _ in .init(status: 429, headers: [("Retry-After", "3600")]) })
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
        func status() throws -> [String: Any] {
            let result = try ProcessRunner.run(TestPaths.feedwatchBinary, ["status", "--json", "--config", config.path])
            return (try? JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any]) ?? [:]
        }

        let first = try daemon()
        // Until the 429 is answered and its schedule stored.
        var tries = 0
        while try status()["next_poll"] == nil, tries < 200 {
            try await Task.sleep(nanoseconds: 50_000_000)
            tries += 1
        }
        first.terminate()
        first.waitUntilExit()
        #expect(server.requests.count == 1)
        let stored = try status()
        #expect(stored["http_status"] as? Int == 429)
        let nextPoll = try #require(stored["next_poll"] as? String)

        let second = try daemon()
        try await Task.sleep(nanoseconds: 4_000_000_000) // two intervals
        second.terminate()
        second.waitUntilExit()
        #expect(server.requests.count == 1, "the restarted daemon waited out Retry-After")
        #expect(try status()["next_poll"] as? String == nextPoll, "the stored wait is kept as it was")
    }
}
