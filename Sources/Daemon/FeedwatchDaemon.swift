import Foundation
import FeedModel
import Fetching
import Logging
import ServiceLifecycle
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
                              maxConnectionsPerHost: config.maxConnectionsPerHost,
                              maxBufferedBytes: config.maxBufferedBytes)
        defer { fetcher.shutdown() }
        let exporter = MetricsExporter(config.metrics, log: log)  // metrics: written once at the end
        defer { exporter.finish() }
        let runtime = try await Runtime(config: config, fetcher: fetcher, metrics: exporter.metrics)
        log(.info, "polling \(config.activeFeeds.count) feeds once\(Self.disabledNote(config)) with \(runtime.watchlists.watches.count) watches and \(runtime.watchlists.rules.count) rules")
        for warning in config.politenessWarnings { log(.warning, warning) }
        let outcome = await runtime.pollAll(config.activeFeeds, log: log)
        let peak = fetcher.bufferedBytes.peak
        log(.info, "response bodies held at once: at most \(peak) bytes (max_buffered_bytes: \(config.maxBufferedBytes))")
        return outcome
    }

    /// Runs until told to stop: the poll loop, the SIGHUP listener and the systemd watchdog
    /// as services of one ServiceGroup, which turns SIGTERM and SIGINT into a graceful
    /// shutdown bounded in time (then cancellation), so `systemctl stop` never waits out
    /// TimeoutStopSec and never SIGKILLs a daemon with alerts unwritten.
    public func run() async throws {
        // SIGHUP's default action kills: ignore it before anything can send one, then trap it.
        signal(SIGHUP, SIG_IGN)
        let reloads = ReloadRequests()
        let reloadService = await ReloadSignalService.trapping(into: reloads)
        let config = try ConfigLoader().load(path: configPath)
        let fetcher = Fetcher(userAgent: config.userAgent ?? Fetcher.defaultUserAgent, maxConnections: config.maxConnections,
                              maxConnectionsPerHost: config.maxConnectionsPerHost,
                              maxBufferedBytes: config.maxBufferedBytes)
        defer { fetcher.shutdown() }
        let exporter = MetricsExporter(config.metrics, log: log)  // metrics: written every interval and on exit
        exporter.start()
        defer { exporter.finish() }
        let runtime = try await Runtime(config: config, fetcher: fetcher, metrics: exporter.metrics)
        let heartbeat = Heartbeat()
        let systemd = SystemdNotifier()
        let poller = PollLoopService(configPath: configPath, log: log, initialConfig: config, initialRuntime: runtime,
                                     fetcher: fetcher, storedSchedule: (try? await runtime.ledger.scheduleRecords()) ?? [:],
                                     reloads: reloads, heartbeat: heartbeat, systemd: systemd)
        // Shut down in reverse order: the poll loop first (the watchdog keeps pinging while it
        // writes what it has), then the watchdog and the SIGHUP listener.
        var services: [ServiceGroupConfiguration.ServiceConfiguration] = [.init(service: reloadService)]
        if let interval = SystemdNotifier.watchdogInterval() {
            services.append(.init(service: WatchdogService(interval: interval, heartbeat: heartbeat, systemd: systemd)))
        }
        services.append(.init(service: poller, successTerminationBehavior: .gracefullyShutdownGroup))
        var group = ServiceGroupConfiguration(services: services, logger: Logger(label: "feedwatch") { _ in LogHandlerBridge(sink: log) })
        group.gracefulShutdownSignals = [.sigterm, .sigint]
        // The unit's TimeoutStopSec is 30 s: finish well inside it (after 15 s the group
        // cancels, which aborts whatever still runs).
        group.maximumGracefulShutdownDuration = .seconds(15)
        group.maximumCancellationDuration = .seconds(5)
        try await ServiceGroup(configuration: group).run()
    }

    /// " (2 disabled)" when some feeds have `enabled: false`.
    static func disabledNote(_ config: Config) -> String {
        let off = config.feeds.count - config.activeFeeds.count
        return off == 0 ? "" : " (\(off) disabled)"
    }
}
