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
        let fetcher = Fetcher(userAgent: config.userAgent ?? Fetcher.defaultUserAgent)
        defer { fetcher.shutdown() }
        let runtime = try Runtime(config: config, fetcher: fetcher)
        log(.info, "polling \(config.feeds.count) feeds once with \(runtime.watchlists.watches.count) watches and \(runtime.watchlists.rules.count) rules")
        return await runtime.pollAll(config.feeds, log: log)
    }

    /// Runs until told to stop.
    public func run() async throws {
        let signals = SignalMonitor()
        var config = try ConfigLoader().load(path: configPath)
        let fetcher = Fetcher(userAgent: config.userAgent ?? Fetcher.defaultUserAgent)
        defer { fetcher.shutdown() }
        var runtime = try Runtime(config: config, fetcher: fetcher)
        var schedule = Schedule(feeds: config.feeds, defaultInterval: config.interval, now: .now)
        let systemd = SystemdNotifier()
        log(.notice, "started: \(config.feeds.count) feeds, \(runtime.watchlists.watches.count) watches, \(runtime.watchlists.rules.count) rules")
        // Signal handlers are installed (SignalMonitor above) before systemd hears READY=1.
        systemd.notify("READY=1\nSTATUS=watching \(config.feeds.count) feeds")

        while !signals.stopRequested {
            let due = schedule.due(now: .now)
            if !due.isEmpty {
                // Poll in a child task; a watcher cancels it on SIGTERM so in-flight transfers stop.
                let cycle = Task { [runtime, log] in await runtime.pollAll(due, log: log) }
                let watcher = Task {
                    while !Task.isCancelled, !signals.stopRequested { await signals.sleep(seconds: 0.2, wakeOnReload: false) }
                    if signals.stopRequested { cycle.cancel() }
                }
                _ = await cycle.value
                watcher.cancel()
                if signals.stopRequested { break }
                schedule.reschedule(due, now: .now)
                systemd.notify("STATUS=watching \(config.feeds.count) feeds; last cycle \(Timestamp.now.rfc3339)")
            }
            await signals.sleep(seconds: schedule.secondsUntilNext(now: .now))
            if signals.takeReload() {
                systemd.notify("RELOADING=1\nMONOTONIC_USEC=\(SystemdNotifier.monotonicMicroseconds())")
                defer { systemd.notify("READY=1\nSTATUS=watching \(config.feeds.count) feeds") }
                do {
                    let newConfig = try ConfigLoader().load(path: configPath)
                    let newRuntime = try Runtime(config: newConfig, fetcher: fetcher)
                    config = newConfig
                    runtime = newRuntime
                    schedule.update(feeds: config.feeds, defaultInterval: config.interval, now: .now)
                    log(.notice, "reloaded: \(config.feeds.count) feeds, \(runtime.watchlists.watches.count) watches, \(runtime.watchlists.rules.count) rules")
                } catch {
                    log(.error, "reload failed, keeping the previous configuration: \(error)")
                }
            }
        }
        systemd.notify("STOPPING=1")
        let (written, error) = await runtime.ledger.flushLog()
        if let error { log(.error, "on exit: \(error.description)") } else if written > 0 { log(.info, "on exit: wrote \(written) pending alerts") }
        log(.notice, "stopped")
    }
}
