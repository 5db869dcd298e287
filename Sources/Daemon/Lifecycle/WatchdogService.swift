import ServiceLifecycle

/// Sends `WATCHDOG=1` at half of systemd's `WatchdogSec`, but only while the poll loop's
/// heartbeat is fresh: a hung loop stops the pings and systemd restarts the service, which a
/// plain timer (that knows nothing of the loop) would prevent.
struct WatchdogService: Service {
    let interval: Double
    let heartbeat: Heartbeat
    let systemd: SystemdNotifier

    func run() async throws {
        while !Task.isShuttingDownGracefully, !Task.isCancelled {
            // Sleeps are cut short by a graceful shutdown; the loop then ends.
            try? await cancelWhenGracefulShutdown {
                try await Task.sleep(nanoseconds: UInt64(interval / 2 * 1_000_000_000))
            }
            if heartbeat.age < interval / 2 { systemd.notify("WATCHDOG=1") }
        }
    }
}
