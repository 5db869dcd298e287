import Foundation

/// Writes the daemon's metrics to the configured Prometheus text file every `interval` seconds,
/// and once more when told to finish (shutdown, or the end of `run --once`). Off when the config
/// has no `metrics:` section: then `metrics` is the no-op set and nothing is written.
public final class MetricsExporter: Sendable {
    public let metrics: FeedwatchMetrics
    let registry: PrometheusRegistry?
    let file: PrometheusTextFile?
    let interval: Int
    let log: Log
    private let state = LockedState()

    public init(_ config: MetricsConfig?, log: Log) {
        self.log = log
        interval = max(1, config?.interval ?? MetricsConfig.defaultInterval)
        if let config {
            let registry = PrometheusRegistry(help: FeedwatchMetrics.help)
            self.registry = registry
            file = PrometheusTextFile(path: config.path)
            metrics = FeedwatchMetrics(factory: registry)
        } else {
            registry = nil
            file = nil
            metrics = .off
        }
    }

    /// Starts the periodic writes (a no-op when metrics are off).
    public func start() {
        guard registry != nil else { return }
        let task = Task { [self] in
            while !Task.isCancelled {
                try? await Task.sleep(nanoseconds: UInt64(interval) * 1_000_000_000)
                if Task.isCancelled { break }
                writeNow()
            }
        }
        state.set(task)
    }

    /// Stops the periodic writes and writes the final figures.
    public func finish() {
        state.take()?.cancel()
        writeNow()
    }

    /// Renders and writes the file; a failure is logged once until the next success.
    public func writeNow() {
        guard let registry, let file else { return }
        do {
            try file.write(registry.render())
            if state.clearFailure() { log(.notice, "metrics: writing \(file.path) again") }
        } catch {
            if state.recordFailure(error.description) { log(.warning, "\(error.description); metrics are not exported until this is fixed") }
        }
    }
}

/// The exporter's mutable bits behind a lock.
private final class LockedState: @unchecked Sendable {
    private let lock = NSLock()
    private var task: Task<Void, Never>?
    private var lastFailure: String?

    func set(_ task: Task<Void, Never>) { lock.lock(); self.task = task; lock.unlock() }
    func take() -> Task<Void, Never>? { lock.lock(); defer { task = nil; lock.unlock() }; return task }
    /// True when this failure differs from the last one (worth logging).
    func recordFailure(_ message: String) -> Bool {
        lock.lock(); defer { lock.unlock() }
        guard lastFailure != message else { return false }
        lastFailure = message
        return true
    }
    /// True when there was a failure before.
    func clearFailure() -> Bool {
        lock.lock(); defer { lastFailure = nil; lock.unlock() }
        return lastFailure != nil
    }
}
