import Foundation
import Testing
import TestSupport

/// `metrics:` in the config: `run --once` leaves a Prometheus text file with the run's figures.
@Suite(.serialized)
struct MetricsEndToEndTests {
    let server: TestHTTPServer
    let directory: URL
    let config: URL
    var prom: URL { directory.appendingPathComponent("textfile/feedwatch.prom") }

    init() throws {
        server = try TestHTTPServer()
        directory = try TestPaths.temporaryDirectory("feedwatch-metrics")
        let world = try TestPaths.sampleBytes("world-news.rss.xml")
        let europe = try TestPaths.sampleBytes("europe-desk.atom.xml")
        for (path, body) in [("/world", world), ("/europe", europe)] {
            server.route(path, { request in
                request.headers["if-none-match"] == "\"v1\"" ? .init(status: 304, headers: [("ETag", "\"v1\"")])
                    : .init(status: 200, headers: [("ETag", "\"v1\"")], body: body)
            })
        }
        config = directory.appendingPathComponent("feedwatch.yaml")
        try FileManager.default.createDirectory(at: prom.deletingLastPathComponent(), withIntermediateDirectories: true)
        let lists = TestPaths.packageRoot.appendingPathComponent("config/watchlists.d").path
        try """
            state: state.sqlite
            alert_log: alerts.jsonl
            backfill: all
            watchlists: \(lists)
            metrics:
              path: textfile/feedwatch.prom
              interval: 15s
            feeds:
              - \(server.baseURL)/world
              - \(server.baseURL)/europe
              - \(server.baseURL)/missing

            """.write(to: config, atomically: true, encoding: .utf8)
    }

    /// Parses the file strictly: every sample line is `name{labels} value` and its family has a TYPE.
    func samples() throws -> [String: Double] {
        let text = try String(contentsOf: prom, encoding: .utf8)
        var types: Set<String> = []
        var out: [String: Double] = [:]
        let sample = try Regex(#"^([a-zA-Z_:][a-zA-Z0-9_:]*)(\{[a-zA-Z_][a-zA-Z0-9_]*="(?:[^"\\]|\\.)*"(?:,[a-zA-Z_][a-zA-Z0-9_]*="(?:[^"\\]|\\.)*")*\})? (\S+)$"#)
        for line in text.split(separator: "\n") {
            if line.hasPrefix("# TYPE ") { types.insert(String(line.split(separator: " ")[2])); continue }
            if line.hasPrefix("# HELP ") { continue }
            let match = try #require(try sample.wholeMatch(in: String(line)), "not a sample line: \(line)")
            let name = String(match.output[1].substring ?? "")
            let family = types.contains(name) ? name : String(name.replacing(try Regex("_(bucket|sum|count)$"), with: ""))
            #expect(types.contains(family), "no TYPE for \(name)")
            let value = try #require(Double(String(match.output[3].substring ?? "")), "bad value in \(line)")
            out[name + String(match.output[2].substring ?? "")] = value
        }
        return out
    }

    @Test func runOnceWritesTheFiguresOfTheRun() throws {
        let first = try ProcessRunner.run(TestPaths.feedwatchBinary, ["run", "--once", "--config", config.path])
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stdout.contains("2 fetched"), "\(first.stdout)")
        var figures = try samples()
        #expect(figures["feedwatch_feeds"] == 3)
        #expect(figures["feedwatch_fetches_total{result=\"updated\"}"] == 2)
        #expect(figures["feedwatch_fetches_total{result=\"failed\"}"] == 1)
        #expect(figures["feedwatch_fetches_total{result=\"not_modified\"}"] == 0)
        #expect(figures["feedwatch_alerts_written_total"] == 11)
        #expect(figures["feedwatch_alerts_total{watch=\"Vladimir Putin\"}"] ?? 0 >= 1)
        let raised = figures.filter { $0.key.hasPrefix("feedwatch_alerts_total{") }.values.reduce(0, +)
        #expect(raised == 11, "every raised alert was written: \(figures)")
        #expect(figures["feedwatch_entries_parsed_total"] ?? 0 >= 5)
        #expect(figures["feedwatch_entities_extracted_total"] ?? 0 > 0)
        #expect(figures["feedwatch_fetched_bytes_total"] ?? 0 > 1000)
        #expect(figures["feedwatch_parse_seconds_count"] == 2)
        #expect(figures["feedwatch_extract_seconds_count"] ?? 0 >= 5)
        #expect(figures["feedwatch_parse_seconds_bucket{le=\"+Inf\"}"] == 2)
        #expect(try FileManager.default.contentsOfDirectory(atPath: prom.deletingLastPathComponent().path) == ["feedwatch.prom"],
                "no temporary file left behind")

        // A second process starts from zero: its file tells the 304s.
        let second = try ProcessRunner.run(TestPaths.feedwatchBinary, ["run", "--once", "--config", config.path])
        #expect(second.status == 0, "\(second.stderr)")
        figures = try samples()
        #expect(figures["feedwatch_fetches_total{result=\"not_modified\"}"] == 2)
        #expect(figures["feedwatch_fetches_total{result=\"updated\"}"] == 0)
        #expect(figures["feedwatch_alerts_written_total"] == 0)
    }

    @Test func theDaemonRewritesTheFileEveryIntervalAndOnExit() async throws {
        let yaml = try String(contentsOf: config, encoding: .utf8).replacingOccurrences(of: "interval: 15s", with: "interval: 1s")
        try yaml.write(to: config, atomically: true, encoding: .utf8)
        let daemon = try DaemonProcess(config: config.path)
        defer { daemon.stop() }
        // Written while the daemon runs (not only on exit): wait for the first cycle's figures.
        var figures: [String: Double] = [:]
        _ = await eventually {
            figures = (try? samples()) ?? [:]
            return figures["feedwatch_fetches_total{result=\"updated\"}"] == 2
        }
        #expect(daemon.isRunning)
        #expect(figures["feedwatch_fetches_total{result=\"updated\"}"] == 2, "\(figures)")
        #expect(figures["feedwatch_alerts_written_total"] == 11)
        let modified = try FileManager.default.attributesOfItem(atPath: prom.path)[.modificationDate] as? Date
        try await Task.sleep(nanoseconds: 2_200_000_000)
        let later = try FileManager.default.attributesOfItem(atPath: prom.path)[.modificationDate] as? Date
        #expect(later != nil && later != modified, "rewritten every interval")
        #expect(daemon.stop())
        #expect(daemon.terminationStatus == 0)
        #expect(try samples()["feedwatch_feeds"] == 3, "the final write leaves a complete file")
    }

    @Test func anUnwritableMetricsPathIsLoggedAndPollingGoesOn() throws {
        try FileManager.default.removeItem(at: prom.deletingLastPathComponent())
        let run = try ProcessRunner.run(TestPaths.feedwatchBinary, ["run", "--once", "--config", config.path])
        #expect(run.status == 0, "the alerts are what matter: \(run.stderr)")
        #expect(run.stderr.contains("cannot create metrics file \(prom.path)."), "\(run.stderr)")
        #expect(run.stdout.contains("11 new alerts written"), "\(run.stdout)")
    }
}
