import FeedModel
import Store

/// The single owner of the state database and the alert log while the daemon runs.
///
/// Polls run concurrently; every read and write of state goes through this actor, so SQLite
/// sees one connection used from one place at a time.
public actor Ledger {
    let store: StateStore
    let writer: AlertLogWriter
    /// Held while this ledger lives: one daemon per state file.
    private let lock: StateLock
    public nonisolated let statePath: String
    public nonisolated let alertLogPath: String

    public init(statePath: String, alertLogPath: String, forgetAfterSeconds: Int = 30 * 86_400) throws(StoreError) {
        lock = try StateLock(statePath: statePath)
        self.statePath = statePath
        self.alertLogPath = alertLogPath
        store = try StateStore(path: statePath)
        store.forgetAfterSeconds = Int64(forgetAfterSeconds)
        writer = AlertLogWriter(path: alertLogPath, store: store)
        try writer.reconcile()
    }

    /// Lets `feeds add`/`watch add` find this daemon and send it SIGHUP (see StateLock).
    public func advertise() {
        lock.advertise()
    }

    /// The stored schedule, so a restart neither polls every feed at once nor forgets a wait.
    func scheduleRecords() throws(StoreError) -> [String: ScheduleRecord] {
        try commitPending()
        return try store.scheduleRecords()
    }

    func setScheduleRecords(_ records: [String: ScheduleRecord]) throws(StoreError) {
        try commitPending()
        try store.setScheduleRecords(records)
    }

    func setForgetAfter(_ seconds: Int) {
        store.forgetAfterSeconds = Int64(seconds)
    }

    func feedState(_ url: String) throws(StoreError) -> FeedState? {
        try commitPending(touching: url)
        return try store.feed(url)
    }

    func seenKeys(_ url: String) throws(StoreError) -> Set<String> {
        try commitPending(touching: url)
        return try store.seenKeys(feedURL: url)
    }

    /// The links of the feed's last full fetch (read only when every entry of a fetch is new).
    func recentLinks(_ url: String) throws(StoreError) -> LinkSet {
        try commitPending(touching: url)
        return try store.recentLinks(url)
    }

    // MARK: Batched writes

    /// Polls' writes held back to be committed together (`StateStore.apply`): a cold cycle of
    /// thousands of new feeds then writes a few hundred transactions instead of one or two per
    /// feed. Anything that reads or writes a feed with a held-back write, and every flush of
    /// the log, commits them first, so nobody sees state out of order, and no alert waits.
    private var pending: [StateWrite] = []
    private var pendingURLs = Set<String>()
    static let batchSize = 64

    func record(_ poll: PollRecord, now: Timestamp) throws(StoreError) {
        try hold(.poll(poll, now))
    }

    private func hold(_ write: StateWrite) throws(StoreError) {
        pending.append(write)
        pendingURLs.insert(write.feedURL)
        if pending.count >= Self.batchSize { try commitPending() }
    }

    /// Commits the held-back writes. On failure they are dropped (their entries count as new
    /// at the next poll, so nothing is lost, and nothing was written to the log) and the error
    /// goes to the caller.
    func commitPending() throws(StoreError) {
        guard !pending.isEmpty else { return }
        let batch = pending
        pending.removeAll(keepingCapacity: true)
        pendingURLs.removeAll(keepingCapacity: true)
        try store.apply(batch)
    }

    private func commitPending(touching url: String) throws(StoreError) {
        if pendingURLs.contains(url) { try commitPending() }
    }

    /// 304s are gathered and written in one transaction when the cycle's log is flushed: the
    /// health they record is not an alert, and a crash loses at most a cycle's timestamps.
    private var notModified: [(feedURL: String, time: Timestamp)] = []

    func recordNotModified(_ url: String, now: Timestamp) {
        notModified.append((url, now))
    }

    /// Writes the 304s gathered since the last call; on failure they stay gathered for the next.
    func commitNotModified() throws(StoreError) {
        try commitPending()
        guard !notModified.isEmpty else { return }
        try store.recordNotModified(notModified)
        notModified.removeAll()
    }

    func recordFailure(_ url: String, message: String, now: Timestamp) throws(StoreError) -> Int {
        try commitPending(touching: url)
        return try store.recordFailure(feedURL: url, message: message, now: now)
    }

    func setFeedAttributes(_ url: String, httpStatus: Int? = nil, movedTo: String? = nil, disabled: String? = nil) throws(StoreError) {
        try hold(.attributes(url: url, httpStatus: httpStatus, movedTo: movedTo, disabled: disabled))
    }

    /// Appends pending alerts to the log. A failure keeps them pending and is returned, not thrown:
    /// polling goes on, and the next flush retries.
    func flushLog() -> (written: Int, error: StoreError?) {
        do {
            try commitPending()
            return (try writer.flush(), nil)
        } catch {
            return (0, error)
        }
    }

    func pendingCount() throws(StoreError) -> Int {
        try commitPending()
        return try store.pendingCount()
    }

    public func feeds() throws(StoreError) -> [FeedState] {
        try commitPending()
        return try store.feeds()
    }
}
