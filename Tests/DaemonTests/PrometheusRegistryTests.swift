import CoreMetrics
import Foundation
import Metrics
import Testing
@testable import Daemon

/// The Prometheus text backend: what the file says, in format 0.0.4.
struct PrometheusRegistryTests {
    @Test func countersAndGaugesRenderWithHelpAndType() {
        let registry = PrometheusRegistry(help: ["feedwatch_feeds": "Feeds in the configuration."])
        Counter(label: "feedwatch_fetches_total", dimensions: [("result", "updated")], factory: registry).increment(by: 3)
        Counter(label: "feedwatch_fetches_total", dimensions: [("result", "failed")], factory: registry).increment()
        Gauge(label: "feedwatch_feeds", factory: registry).record(7)
        Gauge(label: "feedwatch_feeds", factory: registry).record(5) // a gauge keeps the last value
        #expect(registry.render() == """
            # HELP feedwatch_feeds Feeds in the configuration.
            # TYPE feedwatch_feeds gauge
            feedwatch_feeds 5
            # HELP feedwatch_fetches_total feedwatch fetches total
            # TYPE feedwatch_fetches_total counter
            feedwatch_fetches_total{result="failed"} 1
            feedwatch_fetches_total{result="updated"} 3

            """)
    }

    @Test func theSameDimensionsInAnotherOrderAreOneSeries() {
        let registry = PrometheusRegistry()
        Counter(label: "c_total", dimensions: [("a", "1"), ("b", "2")], factory: registry).increment()
        Counter(label: "c_total", dimensions: [("b", "2"), ("a", "1")], factory: registry).increment()
        #expect(registry.render().contains("c_total{a=\"1\",b=\"2\"} 2\n"))
    }

    @Test func labelValuesAndHelpAreEscaped() {
        let registry = PrometheusRegistry(help: ["x_total": "line one\nback\\slash"])
        Counter(label: "x_total", dimensions: [("watch", "Say \"hi\"\\\nbye")], factory: registry).increment()
        let text = registry.render()
        #expect(text.contains(#"# HELP x_total line one\nback\\slash"#))
        #expect(text.contains(#"x_total{watch="Say \"hi\"\\\nbye"} 1"#), "\(text)")
        #expect(text.split(separator: "\n").count == 3, "one line per sample: \(text)")
    }

    @Test func invalidNamesAreMadeValid() {
        let registry = PrometheusRegistry()
        Counter(label: "http.requests-total", dimensions: [("1st label", "v")], factory: registry).increment()
        #expect(registry.render().contains("http_requests_total{_st_label=\"v\"} 1"))
        #expect(PrometheusText.metricName("9lives") == "_lives")
        #expect(PrometheusText.metricName("a:b") == "a:b")
        #expect(PrometheusText.labelName("a:b") == "a_b")
    }

    @Test func timersAreHistogramsInSeconds() {
        let registry = PrometheusRegistry(timerBuckets: [0.001, 0.01, 0.1])
        let timer = Metrics.Timer(label: "feedwatch_parse_seconds", factory: registry)
        timer.recordNanoseconds(500_000)      // 0.5 ms
        timer.recordNanoseconds(5_000_000)    // 5 ms
        timer.recordNanoseconds(2_000_000_000) // 2 s: past every bound
        #expect(registry.render() == """
            # HELP feedwatch_parse_seconds feedwatch parse seconds
            # TYPE feedwatch_parse_seconds histogram
            feedwatch_parse_seconds_bucket{le="0.001"} 1
            feedwatch_parse_seconds_bucket{le="0.01"} 2
            feedwatch_parse_seconds_bucket{le="0.1"} 2
            feedwatch_parse_seconds_bucket{le="+Inf"} 3
            feedwatch_parse_seconds_sum 2.0055
            feedwatch_parse_seconds_count 3

            """)
    }

    @Test func aggregatingRecordersAreHistogramsAndMetersGauges() {
        let registry = PrometheusRegistry(recorderBuckets: [10, 100])
        let recorder = Recorder(label: "sizes", factory: registry)
        recorder.record(5)
        recorder.record(50)
        let meter = Meter(label: "in_flight", factory: registry)
        meter.increment(by: 3)
        meter.decrement(by: 1)
        let text = registry.render()
        #expect(text.contains("# TYPE sizes histogram\nsizes_bucket{le=\"10\"} 1\nsizes_bucket{le=\"100\"} 2\nsizes_bucket{le=\"+Inf\"} 2\nsizes_sum 55\nsizes_count 2\n"), "\(text)")
        #expect(text.contains("# TYPE in_flight gauge\nin_flight 2\n"), "\(text)")
    }

    @Test func aNameUsedWithTwoKindsStaysValid() {
        let registry = PrometheusRegistry()
        Counter(label: "thing", factory: registry).increment()
        Gauge(label: "thing", factory: registry).record(4)
        let text = registry.render()
        #expect(text.contains("# TYPE thing counter\nthing 1\n"))
        #expect(text.contains("# TYPE thing_gauge gauge\nthing_gauge 4\n"))
    }

    @Test func numbersAreSpelledAsPrometheusParsesThem() {
        #expect(PrometheusText.number(3) == "3")
        #expect(PrometheusText.number(0.25) == "0.25")
        #expect(PrometheusText.number(.infinity) == "+Inf")
        #expect(PrometheusText.number(-.infinity) == "-Inf")
        #expect(PrometheusText.number(.nan) == "NaN")
    }

    @Test func concurrentIncrementsAreAllCounted() async {
        let registry = PrometheusRegistry()
        await withTaskGroup(of: Void.self) { group in
            for i in 0..<8 {
                group.addTask {
                    for _ in 0..<1000 { Counter(label: "n_total", dimensions: [("w", "\(i % 2)")], factory: registry).increment() }
                }
            }
        }
        let text = registry.render()
        #expect(text.contains("n_total{w=\"0\"} 4000"))
        #expect(text.contains("n_total{w=\"1\"} 4000"))
    }

    @Test func feedwatchMetricsNamesTheFiguresTheDocsList() {
        let registry = PrometheusRegistry(help: FeedwatchMetrics.help)
        let metrics = FeedwatchMetrics(factory: registry)
        metrics.feeds(3)
        metrics.fetch(.updated(entries: 2, newEntries: 1))
        metrics.fetch(.notModified)
        metrics.fetch(.failed("x"))
        metrics.alert(watch: "Vladimir Putin", rule: nil)
        metrics.alert(watch: nil, rule: "putin-and-sanctions")
        metrics.pollLag(seconds: -3)
        let text = registry.render()
        for line in ["feedwatch_feeds 3", "feedwatch_fetches_total{result=\"updated\"} 1", "feedwatch_fetches_total{result=\"not_modified\"} 1",
                     "feedwatch_fetches_total{result=\"failed\"} 1", "feedwatch_fetches_total{result=\"disabled\"} 0",
                     "feedwatch_alerts_total{watch=\"Vladimir Putin\"} 1", "feedwatch_alerts_total{rule=\"putin-and-sanctions\"} 1",
                     "feedwatch_poll_lag_seconds 0", "feedwatch_fetched_bytes_total 0", "feedwatch_parse_seconds_count 0"] {
            #expect(text.contains(line + "\n"), "\(line) in \(text)")
        }
        #expect(text.contains("# HELP feedwatch_fetches_total Feed polls by result"))
    }
}

/// The atomic file writer and the exporter around it.
struct PrometheusTextFileTests {
    @Test func writesAtomicallyAndLeavesNoTemporaryFile() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("prom-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let path = directory.appendingPathComponent("feedwatch.prom").path
        let file = PrometheusTextFile(path: path)
        try file.write("a 1\n")
        try file.write("a 2\n")
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "a 2\n")
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path) == ["feedwatch.prom"])
        let mode = try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int
        #expect(mode == 0o644)
    }

    @Test func aMissingDirectoryIsAClearError() {
        let file = PrometheusTextFile(path: "/nonexistent-\(UUID().uuidString)/feedwatch.prom")
        #expect(throws: MetricsFileError.self) { try file.write("a 1\n") }
        do { try file.write("a 1\n") } catch {
            #expect(error.description.contains("cannot create metrics file /nonexistent-"))
            #expect(error.description.contains("No such file or directory"))
        }
    }

    @Test func theExporterIsOffWithoutConfigAndWritesOnFinish() throws {
        let off = MetricsExporter(nil, log: Log(minimum: .error))
        off.metrics.feeds(3) // a no-op, nothing to write
        off.finish()

        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("prom-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let path = directory.appendingPathComponent("f.prom").path
        let exporter = MetricsExporter(MetricsConfig(path: path, interval: 3600), log: Log(minimum: .error))
        exporter.start()
        exporter.metrics.feeds(2)
        #expect(!FileManager.default.fileExists(atPath: path), "nothing before the first interval")
        exporter.finish()
        #expect(try String(contentsOfFile: path, encoding: .utf8).contains("feedwatch_feeds 2\n"))
    }
}
