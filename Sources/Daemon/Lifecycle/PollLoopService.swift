import Foundation
import FeedModel
import Fetching
import ServiceLifecycle
import Store

/// The daemon's main service: polls due feeds, writes alerts, reloads between cycles.
///
/// On graceful shutdown (SIGTERM, SIGINT through the ServiceGroup) the cycle in flight is
/// cancelled, which aborts its transfers; then 304 batches are committed and pending alerts
/// written before `run()` returns, so nothing read is lost. The group bounds the whole
/// shutdown (FeedwatchDaemon), well inside systemd's TimeoutStopSec.
struct PollLoopService: Service {
    let configPath: String
    let log: Log
    let initialConfig: Config
    let initialRuntime: Runtime
    let fetcher: Fetcher
    let storedSchedule: [String: ScheduleRecord]
    let reloads: ReloadRequests
    let heartbeat: Heartbeat
    let systemd: SystemdNotifier

    func run() async throws {
        var config = initialConfig
        var runtime = initialRuntime
        var schedule = Schedule(feeds: config.activeFeeds, defaultInterval: config.interval, now: .now,
                                stored: storedSchedule, adaptive: config.adaptive)
        // Alerts a crash left in the outbox go out before anything else.
        var logBlocked = await flush(runtime.ledger)
        var alertsToday = 0
        var alertsDay: Int64 = 0
        log(.notice, "started: \(config.activeFeeds.count) feeds\(FeedwatchDaemon.disabledNote(config)), \(runtime.watchlists.watches.count) watches, \(runtime.watchlists.rules.count) rules")
        for warning in config.politenessWarnings { log(.warning, warning) }
        // SIGHUP and SIGTERM handlers exist before systemd hears READY=1 (FeedwatchDaemon),
        // and before the CLI can find our PID to send SIGHUP.
        await runtime.ledger.advertise()
        systemd.notify("READY=1\nSTATUS=watching \(config.activeFeeds.count) feeds")
        if ProcessInfo.processInfo.environment["FEEDWATCH_TEST_STALL"] == "1" {
            // For the watchdog test only: hang the loop without a heartbeat, as a deadlock would.
            while !Task.isShuttingDownGracefully, !Task.isCancelled { try? await Task.sleep(nanoseconds: 100_000_000) }
        }

        while !stopping {
            let due = schedule.due(now: .now)
            if !due.isEmpty {
                runtime.metrics.pollLag(seconds: schedule.lateness(of: due, now: .now))
                // Shutdown cancels the cycle, and with it the transfers in flight.
                let outcome = await cancelWhenGracefulShutdown { [runtime, log, heartbeat] in
                    await runtime.pollAll(due, log: log, heartbeat: heartbeat)
                }
                logBlocked = outcome.logError != nil
                // Also when shutdown cut the cycle: what its finished polls were told (a 429's
                // Retry-After, a backoff) must outlive the restart; cancelled polls keep their due time.
                schedule.reschedule(outcome.results, now: .now)
                do { try await runtime.ledger.setScheduleRecords(schedule.records) } catch { log(.error, "cannot store the schedule: \(error)") }
                if stopping { break }
                let day = Timestamp.now.secondsSince1970 / 86_400
                if day != alertsDay { alertsDay = day; alertsToday = 0 }
                alertsToday += outcome.written
                let failing = outcome.results.filter { if case .failed = $0.status { return true }; return false }.count
                systemd.notify("STATUS=\(config.activeFeeds.count) feeds; last cycle \(Timestamp.now.rfc3339): \(outcome.results.count) polled, \(failing) failing; \(alertsToday) alerts today (UTC)")
            }
            // While the log cannot be written, retry every 30 s so alerts go out soon after space returns.
            let wait = schedule.secondsUntilNext(now: .now)
            await pause(seconds: logBlocked ? min(30, wait) : wait)
            if logBlocked, !stopping { logBlocked = await flush(runtime.ledger) }
            if reloads.take() {
                systemd.notify("RELOADING=1\nMONOTONIC_USEC=\(SystemdNotifier.monotonicMicroseconds())")
                do {
                    let newConfig = try ConfigLoader().load(path: configPath)
                    let newRuntime = try await Runtime(config: newConfig, fetcher: fetcher, reusing: runtime.ledger, metrics: runtime.metrics)
                    let unapplied = newConfig.keysNeedingRestart(comparedTo: config)
                    if !unapplied.isEmpty {
                        log(.notice, "reload: \(unapplied.joined(separator: ", ")) changed; the new value\(unapplied.count == 1 ? "" : "s") take\(unapplied.count == 1 ? "s" : "") effect when feedwatch restarts")
                    }
                    config = newConfig
                    runtime = newRuntime
                    schedule.update(feeds: config.activeFeeds, defaultInterval: config.interval, now: .now)
                    schedule.adaptive = config.adaptive
                    // Stored now: a stop before the next cycle must not bring back what the reload changed.
                    do { try await runtime.ledger.setScheduleRecords(schedule.records) } catch { log(.error, "cannot store the schedule: \(error)") }
                    log(.notice, "reloaded: \(config.activeFeeds.count) feeds\(FeedwatchDaemon.disabledNote(config)), \(runtime.watchlists.watches.count) watches, \(runtime.watchlists.rules.count) rules")
                    for warning in config.politenessWarnings { log(.warning, warning) }
                } catch {
                    log(.error, "reload failed, keeping the previous configuration: \(error)")
                }
                systemd.notify("READY=1\nSTATUS=watching \(config.activeFeeds.count) feeds")
            }
        }
        systemd.notify("STOPPING=1")
        log(.notice, "stopping: writing state and pending alerts")
        do { try await runtime.ledger.commitPending() } catch { log(.error, "on exit: \(error.description)") }
        do { try await runtime.ledger.commitNotModified() } catch { log(.error, "on exit: \(error.description)") }
        let (written, error) = await runtime.ledger.flushLog()
        if let error { log(.error, "on exit: \(error.description)") } else if written > 0 { log(.info, "on exit: wrote \(written) pending alerts") }
        log(.notice, "stopped")
    }

    private var stopping: Bool { Task.isShuttingDownGracefully || Task.isCancelled }

    /// Sleeps in short slices, beating the heartbeat, until `seconds` pass, a reload is asked
    /// for, or the service is told to stop.
    private func pause(seconds: Double) async {
        var remaining = seconds
        while remaining > 0, !stopping, !reloads.isPending {
            let slice = min(remaining, 0.2)
            try? await Task.sleep(nanoseconds: UInt64(slice * 1_000_000_000))
            remaining -= slice
            heartbeat.beat()
        }
    }

    /// Writes pending alerts; returns true while the log cannot be written (the error is logged).
    private func flush(_ ledger: Ledger) async -> Bool {
        let (written, error) = await ledger.flushLog()
        if let error {
            log(.error, "\(error.description); alerts wait in the outbox and will be written once the log is writable")
            return true
        }
        if written > 0 { log(.info, "wrote \(written) pending alerts") }
        return false
    }
}
