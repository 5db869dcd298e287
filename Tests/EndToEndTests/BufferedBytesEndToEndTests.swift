import Foundation
import Testing
import TestSupport

/// `max_buffered_bytes`: a cycle of large feeds fetched at once under a cap far smaller than
/// their bodies together. Transfers pause and resume; every feed still arrives whole and alerts.
struct BufferedBytesEndToEndTests {
    /// A feed of about `bytes` bytes whose last item names a watched person.
    static func bigFeed(_ n: Int, bytes: Int) -> [UInt8] {
        let filler = "<item><title>Market report \(n)</title><guid isPermaLink=\"false\">filler-\(n)-%d</guid>"
            + "<description>" + String(repeating: "Grain prices moved little today. ", count: 60) + "</description></item>"
        var items = ""
        var i = 0
        while items.utf8.count < bytes {
            items += filler.replacingOccurrences(of: "%d", with: String(i))
            i += 1
        }
        items += "<item><title>Vladimir Putin speaks at desk \(n)</title><guid isPermaLink=\"false\">putin-\(n)</guid>"
            + "<link>http://big.invalid/\(n)</link></item>"
        return Array("<?xml version=\"1.0\" encoding=\"utf-8\"?><rss version=\"2.0\"><channel><title>Desk \(n)</title><link>http://big.invalid/</link>\(items)</channel></rss>".utf8)
    }

    @Test func largeFeedsAllArriveUnderACapSmallerThanOneOfThem() throws {
        let server = try TestHTTPServer()
        let directory = try TestPaths.temporaryDirectory("feedwatch-buffered")
        let count = 10
        for n in 0..<count {
            let body = Self.bigFeed(n, bytes: 1_500_000)
            server.route("/desk\(n)", { _ in .init(status: 200, headers: [("Content-Type", "application/rss+xml")], body: body) })
        }
        let lists = TestPaths.packageRoot.appendingPathComponent("config/watchlists.d").path
        let feeds = (0..<count).map { "  - \(server.baseURL)/desk\($0)\n" }.joined()
        let config = directory.appendingPathComponent("feedwatch.yaml")
        try ("state: state.sqlite\nalert_log: alerts.jsonl\nbackfill: all\nwatchlists: \(lists)\n"
             + "max_connections_per_host: 10\nmax_buffered_bytes: 1000000\nfetch_timeout: 10m\nfeeds:\n\(feeds)")
            .write(to: config, atomically: true, encoding: .utf8)

        let run = try ProcessRunner.run(TestPaths.feedwatchBinary, ["run", "--once", "--config", config.path, "--log-level", "info"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("\(count) fetched, 0 unchanged, 0 failed"), "\(run.stdout)\n\(run.stderr)")
        // The run says how much it held at once: never more than the cap plus one body, where
        // ten bodies at once would have been 15 MB.
        let said = run.stderr.split(separator: "\n").first { $0.contains("response bodies held at once") }
        let peak = said.flatMap { line in line.split(separator: " ").compactMap { Int($0) }.first }
        #expect(peak.map { $0 > 0 && $0 <= 1_000_000 + 1_600_000 } == true, "\(said ?? "no line about held bodies")")
        let log = try String(contentsOf: directory.appendingPathComponent("alerts.jsonl"), encoding: .utf8)
        for n in 0..<count {
            #expect(log.contains("Vladimir Putin speaks at desk \(n)"), "desk \(n): its last item was lost")
        }
        #expect(server.requests.count == count, "each feed fetched once, none retried")
    }
}
