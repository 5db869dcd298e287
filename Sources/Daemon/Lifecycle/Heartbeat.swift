import Foundation

/// When the poll loop last showed progress: a sleep slice ended, or a feed's poll finished.
/// The watchdog pings systemd only while this is fresh, so a hung loop gets the service
/// restarted instead of being kept alive by a timer that knows nothing.
public final class Heartbeat: @unchecked Sendable {
    private let lock = NSLock()
    private var last = Heartbeat.monotonic()

    public init() {}

    public func beat() {
        lock.lock()
        last = Heartbeat.monotonic()
        lock.unlock()
    }

    /// Seconds since the last beat.
    public var age: Double {
        lock.lock()
        defer { lock.unlock() }
        return Heartbeat.monotonic() - last
    }

    static func monotonic() -> Double {
        var ts = timespec()
        clock_gettime(CLOCK_MONOTONIC, &ts)
        return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
    }
}

extension SystemdNotifier {
    /// `$WATCHDOG_USEC` in seconds when systemd expects pings from this process.
    public static func watchdogInterval(environment: [String: String] = ProcessInfo.processInfo.environment) -> Double? {
        guard let usec = environment["WATCHDOG_USEC"].flatMap(Double.init), usec > 0 else { return nil }
        if let pid = environment["WATCHDOG_PID"].flatMap(Int32.init), pid != getpid() { return nil }
        return usec / 1_000_000
    }
}
