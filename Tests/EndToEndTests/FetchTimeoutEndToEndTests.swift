import Foundation
import Testing
import TestSupport

/// `fetch_timeout` reaches libcurl: a feed trickling faster than the low-speed limit (so only
/// the total timeout can end it) is cut at the configured time (a feed's own over the config's),
/// named, and the run goes on.
struct FetchTimeoutEndToEndTests {
    @Test func aTransferLongerThanFetchTimeoutIsCutAndNamed() throws {
        let server = try TestHTTPServer()
        // 200 bytes a second, well above the 64 bytes/s low-speed limit: 1,000 s to send it all.
        let slow = Array(repeating: UInt8(ascii: " "), count: 200_000)
        server.route("/slow.rss", { _ in .init(status: 200, headers: [("Content-Type", "application/rss+xml")], body: slow, trickle: 20) })
        server.route("/slower.rss", { _ in .init(status: 200, headers: [("Content-Type", "application/rss+xml")], body: slow, trickle: 20) })
        let directory = try TestPaths.temporaryDirectory("feedwatch-fetch-timeout")
        let config = directory.appendingPathComponent("feedwatch.yaml")
        try """
            state: \(directory.path)/state.sqlite
            alert_log: \(directory.path)/alerts.jsonl
            fetch_timeout: 3s
            watchlists: \(TestPaths.packageRoot.appendingPathComponent("config/watchlists.d").path)
            feeds:
              - url: \(server.baseURL)/slow.rss
              - url: \(server.baseURL)/slower.rss
                fetch_timeout: 8s
            """.write(to: config, atomically: true, encoding: .utf8)

        let started = Date()
        let run = try ProcessRunner.run(TestPaths.feedwatchBinary, ["run", "--once", "--config", config.path])
        let seconds = Date().timeIntervalSince(started)
        #expect(run.status == 0, "\(run.stderr)")
        // The default (60 s) would hold the run for a minute; a sanity bound, not a speed test.
        #expect(seconds < 45, "took \(seconds) s")
        let status = try ProcessRunner.run(TestPaths.feedwatchBinary, ["status", "--json", "--config", config.path]).stdout
        let objects = status.split(separator: "\n").compactMap { try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] }
        #expect(objects.count == 2)
        let errors = objects.map { $0["last_error"] as? String ?? "" }
        // libcurl names the time it actually stopped ("after 5003 milliseconds" on a busy machine),
        // so the check is a range: at least the configured time, and short of the next one.
        let cutAfter = errors.map(Self.milliseconds(in:))
        #expect(cutAfter.first.flatMap { $0 }.map { (3000..<8000).contains($0) } == true, "the config's fetch_timeout: \(errors)")
        #expect(cutAfter.last.flatMap { $0 }.map { (8000..<60000).contains($0) } == true, "the feed's own fetch_timeout: \(errors)")
        let list = try ProcessRunner.run(TestPaths.feedwatchBinary, ["feeds", "list", "--config", config.path]).stdout
        #expect(list.contains("\ttimeout 8s"), "\(list)")
    }

    /// The N in libcurl's "Operation timed out after N milliseconds", or nil when the error is
    /// not a timeout.
    static func milliseconds(in error: String) -> Int? {
        guard let range = error.range(of: "timed out after ") else { return nil }
        return Int(error[range.upperBound...].prefix { $0.isNumber })
    }
}
