import CoreMetrics
import Foundation

/// A swift-metrics backend that keeps every metric in memory and renders them in the Prometheus
/// text exposition format 0.0.4, for node_exporter's textfile collector (docs/metrics.md).
///
/// Why our own: the only Prometheus backend on hand (swift-prometheus) serves metrics over HTTP
/// and pulls in SwiftNIO; a daemon that never listens on a port wants a file, and the format is a
/// page of code. Counters are counters, gauges (`Recorder(aggregate: false)`, `Gauge`, `Meter`)
/// are gauges, and timers and aggregating recorders are histograms with fixed buckets.
///
/// Thread-safe: the registry's map and each series have their own lock, so hot paths (an
/// increment) never wait for a render.
public final class PrometheusRegistry: MetricsFactory, @unchecked Sendable {
    /// Help text per metric name, shown in `# HELP` lines.
    public let help: [String: String]
    /// Bucket bounds of timers, in seconds.
    public let timerBuckets: [Double]
    /// Bucket bounds of aggregating recorders (plain numbers).
    public let recorderBuckets: [Double]

    private let lock = NSLock()
    private var families: [String: Family] = [:]

    public static let defaultTimerBuckets: [Double] = [0.0001, 0.0005, 0.001, 0.005, 0.01, 0.05, 0.1, 0.5, 1, 5, 10, 60]
    public static let defaultRecorderBuckets: [Double] = [1, 10, 100, 1_000, 10_000, 100_000, 1_000_000]

    public init(help: [String: String] = [:], timerBuckets: [Double] = defaultTimerBuckets,
                recorderBuckets: [Double] = defaultRecorderBuckets) {
        self.help = help
        self.timerBuckets = timerBuckets.sorted()
        self.recorderBuckets = recorderBuckets.sorted()
    }

    enum Kind: String { case counter, gauge, histogram }

    /// One metric name: its kind and its series (one per set of label values).
    final class Family {
        let kind: Kind
        var series: [Labels: AnyObject] = [:]
        init(kind: Kind) { self.kind = kind }
    }

    /// Label pairs, sorted by name, so that the same dimensions in another order are one series.
    struct Labels: Hashable, Comparable {
        let pairs: [Pair]
        struct Pair: Hashable { let name: String; let value: String }
        init(_ dimensions: [(String, String)]) {
            pairs = dimensions.map { Pair(name: PrometheusText.labelName($0.0), value: $0.1) }.sorted { $0.name < $1.name }
        }
        static func < (a: Labels, b: Labels) -> Bool {
            a.pairs.lexicographicallyPrecedes(b.pairs) { ($0.name, $0.value) < ($1.name, $1.value) }
        }
    }

    /// The series for `label`/`dimensions`, made by `make` the first time. A name already used
    /// with another kind gets the kind as a suffix rather than a file Prometheus would reject.
    private func series<H: AnyObject>(_ label: String, _ dimensions: [(String, String)], _ kind: Kind, _ make: () -> H) -> H {
        var name = PrometheusText.metricName(label)
        let labels = Labels(dimensions)
        lock.lock()
        defer { lock.unlock() }
        if let family = families[name], family.kind != kind { name += "_" + kind.rawValue }
        let family = families[name] ?? Family(kind: kind)
        families[name] = family
        if let existing = family.series[labels] as? H { return existing }
        let handler = make()
        family.series[labels] = handler
        return handler
    }

    public func makeCounter(label: String, dimensions: [(String, String)]) -> any CounterHandler {
        series(label, dimensions, .counter) { CounterSeries() }
    }

    public func makeRecorder(label: String, dimensions: [(String, String)], aggregate: Bool) -> any RecorderHandler {
        if aggregate {
            return series(label, dimensions, .histogram) { HistogramSeries(bounds: recorderBuckets, scale: 1) }
        }
        return series(label, dimensions, .gauge) { GaugeSeries() }
    }

    public func makeMeter(label: String, dimensions: [(String, String)]) -> any MeterHandler {
        series(label, dimensions, .gauge) { GaugeSeries() }
    }

    public func makeTimer(label: String, dimensions: [(String, String)]) -> any TimerHandler {
        series(label, dimensions, .histogram) { HistogramSeries(bounds: timerBuckets, scale: 1e-9) }
    }

    // Series stay registered: the file keeps reporting a counter even after its last user is gone,
    // which is what Prometheus expects of a counter.
    public func destroyCounter(_ handler: any CounterHandler) {}
    public func destroyRecorder(_ handler: any RecorderHandler) {}
    public func destroyMeter(_ handler: any MeterHandler) {}
    public func destroyTimer(_ handler: any TimerHandler) {}

    /// Every metric in the text exposition format 0.0.4, names and series in a stable order.
    public func render() -> String {
        lock.lock()
        let snapshot = families.map { ($0.key, $0.value.kind, $0.value.series.sorted { $0.key < $1.key }) }
        lock.unlock()
        var out = ""
        for (name, kind, series) in snapshot.sorted(by: { $0.0 < $1.0 }) {
            out += "# HELP \(name) \(PrometheusText.escapeHelp(help[name] ?? name.replacingOccurrences(of: "_", with: " ")))\n"
            out += "# TYPE \(name) \(kind.rawValue)\n"
            for (labels, handler) in series {
                switch handler {
                case let counter as CounterSeries:
                    out += PrometheusText.sample(name, labels.pairs, Double(counter.value))
                case let gauge as GaugeSeries:
                    out += PrometheusText.sample(name, labels.pairs, gauge.value)
                case let histogram as HistogramSeries:
                    let (counts, sum, count) = histogram.snapshot()
                    var cumulative: Int64 = 0
                    for (bound, n) in zip(histogram.bounds, counts) {
                        cumulative += n
                        out += PrometheusText.sample(name + "_bucket", labels.pairs + [.init(name: "le", value: PrometheusText.number(bound))], Double(cumulative))
                    }
                    out += PrometheusText.sample(name + "_bucket", labels.pairs + [.init(name: "le", value: "+Inf")], Double(count))
                    out += PrometheusText.sample(name + "_sum", labels.pairs, sum)
                    out += PrometheusText.sample(name + "_count", labels.pairs, Double(count))
                default:
                    break
                }
            }
        }
        return out
    }
}

// MARK: - Series

/// A monotonically increasing integer.
final class CounterSeries: CounterHandler, @unchecked Sendable {
    private let lock = NSLock()
    private var total: Int64 = 0
    var value: Int64 { lock.lock(); defer { lock.unlock() }; return total }
    func increment(by amount: Int64) {
        guard amount > 0 else { return }
        lock.lock()
        let (sum, overflow) = total.addingReportingOverflow(amount)
        total = overflow ? .max : sum
        lock.unlock()
    }
    func reset() { lock.lock(); total = 0; lock.unlock() }
}

/// A value that goes up and down: the last one set.
final class GaugeSeries: RecorderHandler, MeterHandler, @unchecked Sendable {
    private let lock = NSLock()
    private var current: Double = 0
    var value: Double { lock.lock(); defer { lock.unlock() }; return current }
    func record(_ value: Int64) { set(Double(value)) }
    func record(_ value: Double) { set(value) }
    func set(_ value: Int64) { set(Double(value)) }
    func set(_ value: Double) { lock.lock(); current = value; lock.unlock() }
    func increment(by amount: Double) { lock.lock(); current += amount; lock.unlock() }
    func decrement(by amount: Double) { lock.lock(); current -= amount; lock.unlock() }
}

/// Observations in fixed buckets, with their sum and count. `scale` turns a recorded value into
/// the unit shown (1e-9: a timer's nanoseconds into seconds).
final class HistogramSeries: RecorderHandler, TimerHandler, @unchecked Sendable {
    let bounds: [Double]
    private let scale: Double
    private let lock = NSLock()
    private var counts: [Int64]
    private var sum: Double = 0
    private var count: Int64 = 0

    init(bounds: [Double], scale: Double) {
        self.bounds = bounds
        self.scale = scale
        counts = Array(repeating: 0, count: bounds.count)
    }

    func record(_ value: Int64) { observe(Double(value) * scale) }
    func record(_ value: Double) { observe(value * scale) }
    func recordNanoseconds(_ duration: Int64) { observe(Double(duration) * scale) }

    private func observe(_ value: Double) {
        guard !value.isNaN else { return }
        lock.lock()
        defer { lock.unlock() }
        // Per-bucket counts; render makes them cumulative.
        if let index = bounds.firstIndex(where: { value <= $0 }) { counts[index] += 1 }
        sum += value
        count += 1
    }

    func snapshot() -> (counts: [Int64], sum: Double, count: Int64) {
        lock.lock()
        defer { lock.unlock() }
        return (counts, sum, count)
    }
}
