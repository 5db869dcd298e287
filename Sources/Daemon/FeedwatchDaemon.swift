import Foundation
import FeedModel
import Fetching
import Store

/// `feedwatch run`: polls every feed on its own schedule until SIGTERM or SIGINT; SIGHUP
/// reloads the config and watch lists (an invalid new config keeps the old one running).
public struct FeedwatchDaemon: Sendable {
    public let configPath: String
    public let log: Log

    public init(configPath: String, log: Log) {
        self.configPath = configPath
        self.log = log
    }

    /// Polls every feed once, writes the alerts, returns the results.
    public func runOnce() async throws -> (results: [PollResult], written: Int, logError: StoreError?) {
        let config = try ConfigLoader().load(path: configPath)
        let fetcher = Fetcher(userAgent: config.userAgent ?? Fetcher.defaultUserAgent, maxConnections: config.maxConnections,
                              maxConnectionsPerHost: config.maxConnectionsPerHost)
        defer { fetcher.shutdown() }
        let exporter = MetricsExporter(config.metrics, log: log)  // metrics: written once at the end
        defer { exporter.finish() }
        let runtime = try await Runtime(config: config, fetcher: fetcher, metrics: exporter.metrics)
        log(.info, "polling \(config.feeds.count) feeds once with \(runtime.watchlists.watches.count) watches and \(runtime.watchlists.rules.count) rules")
        return await runtime.pollAll(config.feeds, log: log)
    }

    /// Runs until told to stop.
    public func run() async throws {
        let signals = SignalMonitor()
        var config = try ConfigLoader().load(path: configPath)
        let fetcher = Fetcher(userAgent: config.userAgent ?? Fetcher.defaultUserAgent, maxConnections: config.maxConnections,
                              maxConnectionsPerHost: config.maxConnectionsPerHost)
        defer { fetcher.shutdown() }
        let exporter = MetricsExporter(config.metrics, log: log)  // metrics: written every interval and on exit
        exporter.start()
        defer { exporter.finish() }
        var runtime = try await Runtime(config: config, fetcher: fetcher, metrics: exporter.metrics)
        var schedule = Schedule(feeds: config.feeds, defaultInterval: config.interval, now: .now,
                                stored: (try? await runtime.ledger.nextDue()) ?? [:])
        schedule.adaptive = config.adaptive
        let systemd = SystemdNotifier()
        let heartbeat = Heartbeat()
        // WATCHDOG=1 at half of systemd's interval, only while the loop shows progress.
        let watchdog: Task<Void, Never>? = SystemdNotifier.watchdogInterval().map { interval in
            Task {
                while !Task.isCancelled {
                    try? await Task.sleep(nanoseconds: UInt64(interval / 2 * 1_000_000_000))
                    if heartbeat.age < interval / 2 { systemd.notify("WATCHDOG=1") }
                }
            }
        }
        defer { watchdog?.cancel() }
        // Alerts a crash left in the outbox go out before anything else.
        var logBlocked = await flush(runtime.ledger)
        var alertsToday = 0
        var alertsDay: Int64 = 0
        log(.notice, "started: \(config.feeds.count) feeds, \(runtime.watchlists.watches.count) watches, \(runtime.watchlists.rules.count) rules")
        // Signal handlers are installed (SignalMonitor above) before systemd hears READY=1.
        systemd.notify("READY=1\nSTATUS=watching \(config.feeds.count) feeds")
        if ProcessInfo.processInfo.environment["FEEDWATCH_TEST_STALL"] == "1" {
            // For the watchdog test only: hang the loop without a heartbeat, as a deadlock would.
            while !signals.stopRequested { try? await Task.sleep(nanoseconds: 100_000_000) }
        }

        while !signals.stopRequested {
            let due = schedule.due(now: .now)
            if !due.isEmpty {
                runtime.metrics.pollLag(seconds: schedule.lateness(of: due, now: .now))
                // Poll in a child task; a watcher cancels it on SIGTERM so in-flight transfers stop.
                let cycle = Task { [runtime, log] in await runtime.pollAll(due, log: log, heartbeat: heartbeat) }
                let watcher = Task {
                    while !Task.isCancelled, !signals.stopRequested { await signals.sleep(seconds: 0.2, wakeOnReload: false) }
                    if signals.stopRequested { cycle.cancel() }
                }
                let outcome = await cycle.value
                logBlocked = outcome.logError != nil
                watcher.cancel()
                if signals.stopRequested { break }
                schedule.reschedule(outcome.results, now: .now)
                do { try await runtime.ledger.setNextDue(schedule.dueTimes) } catch { log(.error, "cannot store the schedule: \(error)") }
                let day = Timestamp.now.secondsSince1970 / 86_400
                if day != alertsDay { alertsDay = day; alertsToday = 0 }
                alertsToday += outcome.written
                let failing = outcome.results.filter { if case .failed = $0.status { return true }; return false }.count
                systemd.notify("STATUS=\(config.feeds.count) feeds; last cycle \(Timestamp.now.rfc3339): \(outcome.results.count) polled, \(failing) failing; \(alertsToday) alerts today (UTC)")
            }
            // While the log cannot be written, retry every 30 s so alerts go out soon after space returns.
            await signals.sleep(seconds: logBlocked ? min(30, schedule.secondsUntilNext(now: .now)) : schedule.secondsUntilNext(now: .now),
                                heartbeat: heartbeat)
            if logBlocked, !signals.stopRequested { logBlocked = await flush(runtime.ledger) }
            if signals.takeReload() {
                systemd.notify("RELOADING=1\nMONOTONIC_USEC=\(SystemdNotifier.monotonicMicroseconds())")
                defer { systemd.notify("READY=1\nSTATUS=watching \(config.feeds.count) feeds") }
                do {
                    let newConfig = try ConfigLoader().load(path: configPath)
                    let newRuntime = try await Runtime(config: newConfig, fetcher: fetcher, reusing: runtime.ledger, metrics: exporter.metrics)
                    config = newConfig
                    runtime = newRuntime
                    schedule.update(feeds: config.feeds, defaultInterval: config.interval, now: .now)
                    schedule.adaptive = config.adaptive
                    log(.notice, "reloaded: \(config.feeds.count) feeds, \(runtime.watchlists.watches.count) watches, \(runtime.watchlists.rules.count) rules")
                } catch {
                    log(.error, "reload failed, keeping the previous configuration: \(error)")
                }
            }
        }
        systemd.notify("STOPPING=1")
        do { try await runtime.ledger.commitNotModified() } catch { log(.error, "on exit: \(error.description)") }
        let (written, error) = await runtime.ledger.flushLog()
        if let error { log(.error, "on exit: \(error.description)") } else if written > 0 { log(.info, "on exit: wrote \(written) pending alerts") }
        log(.notice, "stopped")
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
