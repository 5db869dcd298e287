import Foundation
import FeedModel
import Fetching
import Store
import Watching

/// Everything a run needs, built from the config: the watch matcher, the ledger (state and
/// log) and the fetcher. Building it checks the config and watch lists and creates the
/// state and log directories, so every problem shows before the first poll.
public struct Runtime: Sendable {
    public let config: Config
    public let watchlists: WatchListLoader.Loaded
    public let ledger: Ledger
    public let poller: FeedPoller
    /// The daemon's metrics (no-ops unless configured); kept across a reload.
    public let metrics: FeedwatchMetrics
    /// Recovered problems already said for each feed in this run.
    let warnings = RepeatedWarnings()

    /// - Parameter ledger: the running daemon's ledger, kept across a reload (it holds the
    ///   state lock); a reload cannot move the state file or the log.
    public init(config: Config, fetcher: Fetcher, reusing ledger: Ledger? = nil, metrics: FeedwatchMetrics = .off) async throws {
        self.config = config
        watchlists = try WatchListLoader().load(directory: config.watchlists)
        let unknown = WatchListScope.problems(config.feeds, available: WatchListScope.names(watchlists))
        if !unknown.isEmpty { throw ConfigErrors(unknown) }
        for path in [config.state, config.alertLog] {
            let directory = (path as NSString).deletingLastPathComponent
            if !directory.isEmpty, !FileManager.default.fileExists(atPath: directory) {
                do {
                    try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
                } catch {
                    throw ConfigErrors([ConfigError(file: config.path, message: "cannot create directory \(directory): \(ConfigLoader.reason(error))")])
                }
            }
        }
        if let ledger {
            guard ledger.statePath == config.state, ledger.alertLogPath == config.alertLog else {
                throw ConfigErrors([ConfigError(file: config.path, message: "state and alert_log cannot change on reload; restart feedwatch to move them")])
            }
            await ledger.setForgetAfter(config.forgetAfter)
            self.ledger = ledger
        } else {
            self.ledger = try Ledger(statePath: config.state, alertLogPath: config.alertLog, forgetAfterSeconds: config.forgetAfter)
        }
        let matcher = WatchMatcher(watches: watchlists.watches, rules: watchlists.rules)
        let limits = config.fetchLimits
        var poller = FeedPoller(fetcher: fetcher, ledger: self.ledger, factory: AlertFactory(matcher: matcher),
                                backfill: config.backfill.map { .seconds($0) } ?? .all, limits: limits)
        // One matcher per distinct `watchlists:` choice, shared by the feeds that make it.
        for names in Set(config.feeds.compactMap { $0.watchlists.map(FeedPoller.scopeKey) }) {
            let (watches, rules) = WatchListScope.restrict(watchlists, to: names.split(separator: "\n").map(String.init))
            poller.scopedFactories[names] = AlertFactory(matcher: WatchMatcher(watches: watches, rules: rules))
        }
        poller.metrics = metrics
        self.poller = poller
        self.metrics = metrics
        metrics.feeds(config.activeFeeds.count)
    }

    /// How many feeds are polled at once (about twice the global connection cap).
    static let pollsInFlight = 128

    /// Polls `feeds` concurrently (libcurl caps connections per host), then writes the alerts to the log.
    public func pollAll(_ feeds: [FeedConfig], log: Log, heartbeat: Heartbeat? = nil) async -> (results: [PollResult], written: Int, logError: StoreError?) {
        // A window of polls in flight: libcurl caps connections anyway, and handing it ten
        // thousand transfers at once made every removal walk its whole queue (quadratic) and
        // held every body in memory before the parsers got to them (docs/benchmarks-polling.md).
        let window = max(1, Runtime.pollsInFlight)
        // A big cycle reads every feed's stored state in one query rather than one per feed; a
        // cycle of a few due feeds reads just theirs (in the poller).
        let states: [String: FeedState]? = feeds.count < 64 ? nil
            : (try? await ledger.feeds()).map { Dictionary($0.map { ($0.url, $0) }, uniquingKeysWith: { a, _ in a }) }
        @Sendable func known(_ feed: FeedConfig) -> FeedState?? { states.map { .some($0[feed.url]) } ?? nil }
        let flusher = CycleFlusher()
        let flushing = Task { [ledger] in await flusher.run(ledger: ledger) }
        let results = await withTaskGroup(of: PollResult.self) { group in
            var pending = feeds.makeIterator()
            for _ in 0..<window {
                guard let feed = pending.next() else { break }
                group.addTask { await poller.poll(feed, known: known(feed)) }
            }
            var all: [PollResult] = []
            all.reserveCapacity(feeds.count)
            while let result = await group.next() {
                // Shutdown cancelled the cycle: start no more polls (the rest keep their due times).
                if let feed = pending.next() { _ = group.addTaskUnlessCancelled { await poller.poll(feed, known: known(feed)) } }
                heartbeat?.beat()
                if result.alerts > 0 { flusher.alertsAdded() }
                report(result, log: log)
                all.append(result)
            }
            return all
        }
        flushing.cancel()
        await flushing.value // its count is final only once it has stopped
        // The cycle's 304s in one transaction; a failure there is about state, not the log.
        // Polls' writes the ledger held back for batching, then the cycle's 304s.
        do { try await ledger.commitPending() } catch { log(.error, "\(error.description); the last polls of this cycle were not recorded: their entries count as new at the next poll") }
        do { try await ledger.commitNotModified() } catch { log(.error, "\(error.description); unchanged feeds' last-fetch times will be written with the next cycle") }
        let (lastWritten, error) = await ledger.flushLog()
        let written = flusher.written + lastWritten
        metrics.alertsWritten(written)
        if let error { log(.error, "\(error.description); \((try? await ledger.pendingCount()) ?? 0) alerts wait in the outbox and are written once the log is writable") }
        let order = Dictionary(uniqueKeysWithValues: feeds.enumerated().map { ($1.url, $0) })
        return (results.sorted { order[$0.feedURL, default: 0] < order[$1.feedURL, default: 0] }, written, error)
    }

    /// The journal gets the feed's URL without a password written in it (URLCredentials).
    private func report(_ result: PollResult, log: Log) {
        metrics.fetch(result.status)
        let url = URLCredentials.redacted(result.feedURL)
        let hide = { (text: String) in URLCredentials.redacted(text, quoting: result.feedURL) }
        switch result.status {
        case let .updated(entries, new):
            log(.info, "\(url): \(entries) entries, \(new) new, \(result.alerts) alerts")
        case .notModified:
            log(.debug, "\(url): not modified")
        case let .failed(message):
            log(.warning, "\(url): \(hide(message)) (\(result.errorCount) failure\(result.errorCount == 1 ? "" : "s") in a row)")
        case let .disabled(reason):
            log(.warning, "\(url): not polled: \(hide(reason))")
        case .cancelled:
            log(.info, "\(url): cancelled by shutdown; polled first at the next start")
        }
        // Each part says what it is: not well-formed, moved permanently, possible gap. Said once
        // at notice level while it stays the same (RepeatedWarnings), then at debug level.
        if let warning = result.warning {
            log(warnings.isNew(warning, for: result.feedURL) ? .notice : .debug, "\(url): \(hide(warning))")
        } else if case .updated = result.status {
            warnings.clear(result.feedURL)
        }
    }
}
