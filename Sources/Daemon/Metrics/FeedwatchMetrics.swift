import CoreMetrics
import Dispatch
import Metrics

/// The daemon's counters, gauges and timers (docs/metrics.md), made through swift-metrics from
/// one factory: the Prometheus registry when `metrics:` is configured, the no-op handler
/// otherwise. Passed down explicitly rather than through `MetricsSystem.bootstrap`, so tests and
/// several daemons in one process (the test runner) each see their own figures.
public struct FeedwatchMetrics: Sendable {
    let factory: any MetricsFactory
    private let feedsGauge: Gauge
    private let fetched: [String: Counter]
    private let bytes: Counter
    private let entries: Counter
    private let entities: Counter
    private let written: Counter
    private let lag: Gauge
    private let parse: Metrics.Timer
    private let extract: Metrics.Timer

    /// Everything a no-op: metrics off.
    public static let off = FeedwatchMetrics(factory: NOOPMetricsHandler.instance)

    public init(factory: any MetricsFactory) {
        self.factory = factory
        feedsGauge = Gauge(label: "feedwatch_feeds", factory: factory)
        fetched = Dictionary(uniqueKeysWithValues: ["updated", "not_modified", "failed", "disabled"].map {
            ($0, Counter(label: "feedwatch_fetches_total", dimensions: [("result", $0)], factory: factory))
        })
        bytes = Counter(label: "feedwatch_fetched_bytes_total", factory: factory)
        entries = Counter(label: "feedwatch_entries_parsed_total", factory: factory)
        entities = Counter(label: "feedwatch_entities_extracted_total", factory: factory)
        written = Counter(label: "feedwatch_alerts_written_total", factory: factory)
        lag = Gauge(label: "feedwatch_poll_lag_seconds", factory: factory)
        parse = Metrics.Timer(label: "feedwatch_parse_seconds", factory: factory)
        extract = Metrics.Timer(label: "feedwatch_extract_seconds", factory: factory)
    }

    public func feeds(_ count: Int) { feedsGauge.record(count) }

    public func fetch(_ status: PollResult.Status) {
        let result: String
        switch status {
        case .updated: result = "updated"
        case .notModified: result = "not_modified"
        case .failed: result = "failed"
        case .disabled: result = "disabled"
        case .cancelled: return // no poll took place
        }
        fetched[result]?.increment()
    }

    public func fetchedBytes(_ count: Int) { bytes.increment(by: count) }
    public func entriesParsed(_ count: Int) { entries.increment(by: count) }
    public func entitiesExtracted(_ count: Int) { if count > 0 { entities.increment(by: count) } }
    public func alertsWritten(_ count: Int) { if count > 0 { written.increment(by: count) } }

    /// An alert raised (stored with its poll), by the watch or rule that raised it; a copy of a
    /// story already alerted is counted here but merged, not written.
    public func alert(watch: String?, rule: String?) {
        let dimensions = watch.map { [("watch", $0)] } ?? [("rule", rule ?? "")]
        Counter(label: "feedwatch_alerts_total", dimensions: dimensions, factory: factory).increment()
    }

    /// How late the most overdue feed of a cycle was polled, in seconds.
    public func pollLag(seconds: Double) { lag.record(max(0, seconds)) }

    /// A monotonic clock reading for the timers.
    public static func now() -> UInt64 { DispatchTime.now().uptimeNanoseconds }

    public func parseTime(nanoseconds: UInt64) { parse.recordNanoseconds(Int64(clamping: nanoseconds)) }
    public func extractTime(nanoseconds: UInt64) { extract.recordNanoseconds(Int64(clamping: nanoseconds)) }

    /// `# HELP` text of each metric.
    public static let help: [String: String] = [
        "feedwatch_feeds": "Feeds in the configuration.",
        "feedwatch_fetches_total": "Feed polls by result: updated (a body was parsed), not_modified (304), failed, disabled (410 Gone).",
        "feedwatch_fetched_bytes_total": "Bytes of feed bodies received, after decompression.",
        "feedwatch_entries_parsed_total": "Entries found in parsed feed bodies (old and new).",
        "feedwatch_entities_extracted_total": "Named entities extracted from entries that raised an alert (at most 12 an entry).",
        "feedwatch_alerts_total": "Alerts raised by watch or rule, before copies of a story already alerted are merged.",
        "feedwatch_alerts_written_total": "Alerts appended to the alert log.",
        "feedwatch_poll_lag_seconds": "How late the most overdue feed of the last cycle was polled.",
        "feedwatch_parse_seconds": "Time to parse one feed body.",
        "feedwatch_extract_seconds": "Time to match one new entry against the watch lists and extract its entities.",
    ]
}
