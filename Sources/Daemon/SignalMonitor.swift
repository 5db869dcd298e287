import Dispatch
import Foundation

/// Turns SIGTERM, SIGINT and SIGHUP into flags the run loop checks.
///
/// The default actions are replaced before the daemon reports ready, so an early SIGHUP
/// (a reload) can never kill the process (DESIGN.md, known pitfalls). A stop request is
/// sticky; a reload request is taken once.
public final class SignalMonitor: @unchecked Sendable {
    private let lock = NSLock()
    private var stop = false
    private var reload = false
    private var sources: [any DispatchSourceSignal] = []
    private let queue = DispatchQueue(label: "feedwatch.signals")

    public init() {
        for number in [SIGTERM, SIGINT, SIGHUP] {
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: queue)
            source.setEventHandler { [weak self] in
                guard let self else { return }
                self.lock.lock()
                if number == SIGHUP { self.reload = true } else { self.stop = true }
                self.lock.unlock()
            }
            source.resume()
            sources.append(source)
        }
    }

    public var stopRequested: Bool {
        lock.lock()
        defer { lock.unlock() }
        return stop
    }

    /// True once per SIGHUP (several before a check count as one).
    public func takeReload() -> Bool {
        lock.lock()
        defer { lock.unlock() }
        let value = reload
        reload = false
        return value
    }

    private var reloadPending: Bool {
        lock.lock()
        defer { lock.unlock() }
        return reload
    }

    /// Sleeps until `seconds` pass, a stop is requested, or (when `wakeOnReload`) a reload is.
    public func sleep(seconds: Double, wakeOnReload: Bool = true, heartbeat: Heartbeat? = nil) async {
        var remaining = seconds
        while remaining > 0, !stopRequested, !(wakeOnReload && reloadPending) {
            let slice = min(remaining, 0.2)
            try? await Task.sleep(nanoseconds: UInt64(slice * 1_000_000_000))
            remaining -= slice
            heartbeat?.beat()
        }
    }
}
