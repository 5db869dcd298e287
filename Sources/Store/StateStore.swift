import FeedModel

/// The daemon's durable memory: feeds, seen entries and the alert outbox, in SQLite.
///
/// An entry is marked seen in the same transaction that puts its alerts in the outbox, so a
/// crash can never lose an alert for an entry that counts as processed, nor alert twice for it.
public final class StateStore {
    public let database: SQLiteDatabase
    /// A seen entry absent from its feed's fetches for this long is forgotten.
    public var forgetAfterSeconds: Int64 = 30 * 86_400
    /// Stories published this close together with the same normalised title are one story.
    public var storyWindowSeconds: Int64 = 86_400
    /// Written alerts are kept this long for dedup and reconciliation, then deleted.
    public var keepWrittenSeconds: Int64 = 7 * 86_400
    private var lastOutboxPrune: Int64 = 0

    public init(path: String) throws(StoreError) {
        database = try SQLiteDatabase(path: path)
        try Schema.migrate(database)
    }

    public func feed(_ url: String) throws(StoreError) -> FeedState? {
        let s = try database.prepare("""
            SELECT \(Self.feedColumns) FROM feeds WHERE url = ?
            """)
        try s.bind(url)
        defer { s.finish() }
        guard try s.step() else { return nil }
        return Self.feedState(s)
    }

    public func feeds() throws(StoreError) -> [FeedState] {
        let s = try database.prepare("""
            SELECT \(Self.feedColumns) FROM feeds ORDER BY url
            """)
        var out: [FeedState] = []
        while try s.step() { out.append(Self.feedState(s)) }
        return out
    }

    private static let feedColumns = """
        url, title, etag, last_modified, first_fetched, last_fetched, last_success, last_error,
        error_count, entries_seen, http_status, moved_to, disabled, next_due, newest_entry, wait_until, host_rests,
        announced_move
        """

    private static func feedState(_ s: SQLiteStatement) -> FeedState {
        func time(_ c: Int32) -> Timestamp? { s.isNull(c) ? nil : Timestamp(secondsSince1970: s.int(c)) }
        var state = FeedState(url: s.string(0) ?? "", title: s.string(1), etag: s.string(2), lastModified: s.string(3),
                              firstFetched: time(4), lastFetched: time(5), lastSuccess: time(6), lastError: s.string(7),
                              errorCount: Int(s.int(8)), entriesSeen: Int(s.int(9)))
        state.httpStatus = s.isNull(10) ? nil : Int(s.int(10))
        state.movedTo = s.string(11)
        state.disabled = s.string(12)
        state.nextDue = time(13)
        state.newestEntry = time(14)
        state.waitUntil = time(15)
        state.hostRests = s.int(16) != 0
        state.announcedMove = s.string(17)
        return state
    }

    /// Records where a feed permanently moved, the HTTP status of a fetch, or that it is gone.
    public func setFeedAttributes(_ url: String, httpStatus: Int? = nil, movedTo: String? = nil, disabled: String? = nil) throws(StoreError) {
        try attributesRow(url, httpStatus: httpStatus, movedTo: movedTo, disabled: disabled)
    }

    private func attributesRow(_ url: String, httpStatus: Int?, movedTo: String?, disabled: String?) throws(StoreError) {
        try database.prepare("""
            INSERT INTO feeds (url, http_status, moved_to, disabled) VALUES (?1, ?2, ?3, ?4)
            ON CONFLICT(url) DO UPDATE SET http_status = coalesce(?2, http_status), moved_to = coalesce(?3, moved_to),
                disabled = coalesce(?4, disabled)
            """).run(url, httpStatus, movedTo, disabled)
    }

    /// The entry keys already seen for a feed.
    public func seenKeys(feedURL: String) throws(StoreError) -> Set<String> {
        let s = try database.prepare("SELECT entry_key FROM seen WHERE feed_url = ?")
        try s.bind(feedURL)
        var keys = Set<String>()
        while try s.step() { if let k = s.string(0) { keys.insert(k) } }
        return keys
    }

    /// Stores a successful poll: validators, newly seen entries and their alerts, atomically.
    public func record(_ poll: PollRecord, now: Timestamp) throws(StoreError) {
        try apply([.poll(poll, now)])
    }

    /// Several polls' writes in one transaction, in order.
    ///
    /// Why: a cold cycle of thousands of new feeds made one transaction per feed, each
    /// rewriting the same index pages into the WAL; the ledger batches them. Each poll's seen
    /// keys and alerts still commit together, so the exactly-once argument is unchanged: a
    /// crash before the commit loses the whole batch, whose entries are then new again.
    public func apply(_ writes: [StateWrite]) throws(StoreError) {
        guard !writes.isEmpty else { return }
        try database.transaction { () throws(StoreError) in
            for write in writes {
                switch write {
                case let .poll(poll, now): try recordRows(poll, now: now)
                case let .attributes(url, httpStatus, movedTo, disabled):
                    try attributesRow(url, httpStatus: httpStatus, movedTo: movedTo, disabled: disabled)
                }
            }
        }
        FaultInjection.crash(at: .recorded)
    }

    private func recordRows(_ poll: PollRecord, now: Timestamp) throws(StoreError) {
        let t = now.secondsSince1970
        do {
            try database.prepare("""
                INSERT INTO feeds (url, title, etag, last_modified, first_fetched, last_fetched, last_success, last_content, error_count, entries_seen, newest_entry, recent_links,
                                   announced_move)
                VALUES (?1, ?2, ?3, ?4, ?5, ?5, ?5, ?5, 0, ?6, ?7, ?8, ?9)
                ON CONFLICT(url) DO UPDATE SET title = coalesce(?2, title), etag = ?3, last_modified = ?4,
                    first_fetched = coalesce(first_fetched, ?5), last_fetched = ?5, last_success = ?5, last_content = ?5,
                    last_error = NULL, error_count = 0, entries_seen = entries_seen + ?6,
                    newest_entry = CASE WHEN ?7 IS NULL THEN newest_entry
                                        WHEN newest_entry IS NULL OR ?7 > newest_entry THEN ?7 ELSE newest_entry END,
                    recent_links = ?8, announced_move = ?9
                """).run(poll.feedURL, poll.title, poll.etag, poll.lastModified, t, poll.newKeys.count, poll.newestEntry?.secondsSince1970,
                       poll.links.stored, poll.announcedMove)
            let insertSeen = try database.prepare("INSERT OR IGNORE INTO seen (feed_url, entry_key, first_seen, last_seen) VALUES (?, ?, ?, ?)")
            for key in poll.newKeys { try insertSeen.run(poll.feedURL, key, t, t) }
            let touch = try database.prepare("UPDATE seen SET last_seen = ? WHERE feed_url = ? AND entry_key = ?")
            for key in poll.presentKeys { try touch.run(t, poll.feedURL, key) }
            // Keys absent from this fetch keep their old last_seen; forget those absent too long.
            // (A 304 never prunes: the feed still holds what the last full fetch saw.)
            try database.prepare("DELETE FROM seen WHERE feed_url = ? AND last_seen < ?").run(poll.feedURL, t - forgetAfterSeconds)
            for alert in poll.alerts { try enqueue(alert, now: t) }
            if t - lastOutboxPrune > 3600 {
                try pruneOutbox(now: t)
                lastOutboxPrune = t
            }
        }
    }

    /// Puts an alert in the outbox, unless the same story already raised one for the same
    /// watch or rule: then this copy is listed among that alert's sources instead.
    private func enqueue(_ alert: OutboxAlert, now t: Int64) throws(StoreError) {
        let exists = try database.prepare("SELECT 1 FROM outbox WHERE alert_id = ?")
        try exists.bind(alert.id)
        defer { exists.finish() }
        if try exists.step() { return }
        let twin = try database.prepare("""
            SELECT alert_id FROM outbox WHERE subject = ?1 AND (
                (?2 IS NOT NULL AND link_key = ?2) OR
                (?3 IS NOT NULL AND title_key = ?3 AND abs(story_time - ?4) < ?5))
            ORDER BY seq LIMIT 1
            """)
        try twin.bind(alert.subject, alert.linkKey, alert.titleKey, alert.storyTime, storyWindowSeconds)
        defer { twin.finish() }
        if try twin.step(), let first = twin.string(0) {
            try database.prepare("INSERT OR IGNORE INTO outbox_sources (alert_id, source, added) VALUES (?, ?, ?)")
                .run(first, alert.source, t)
            return
        }
        try database.prepare("""
            INSERT INTO outbox (alert_id, created, line, subject, link_key, title_key, story_time, source)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            """).run(alert.id, t, alert.line, alert.subject, alert.linkKey, alert.titleKey, alert.storyTime, alert.source)
    }

    /// Deletes written alerts past the dedup and reconciliation horizon.
    private func pruneOutbox(now t: Int64) throws(StoreError) {
        try database.execute("""
            DELETE FROM outbox_sources WHERE alert_id IN
                (SELECT alert_id FROM outbox WHERE written = 1 AND created < \(t - keepWrittenSeconds));
            DELETE FROM outbox WHERE written = 1 AND created < \(t - keepWrittenSeconds);
            """)
    }

    /// Records a 304: the feed is healthy and unchanged.
    public func recordNotModified(feedURL: String, now: Timestamp) throws(StoreError) {
        try recordNotModified([(feedURL, now)])
    }

    /// Many 304s in one transaction: a warm cycle of thousands of feeds writes once.
    public func recordNotModified(_ polls: [(feedURL: String, time: Timestamp)]) throws(StoreError) {
        guard !polls.isEmpty else { return }
        try database.transaction { () throws(StoreError) in
            let update = try database.prepare("""
                UPDATE feeds SET last_fetched = ?1, last_success = ?1, last_error = NULL, error_count = 0 WHERE url = ?2
                """)
            for poll in polls { try update.run(poll.time.secondsSince1970, poll.feedURL) }
        }
    }

    /// Records a failed poll with the reason the user will see in `feedwatch status`;
    /// returns how many polls in a row have now failed.
    @discardableResult
    public func recordFailure(feedURL: String, message: String, now: Timestamp) throws(StoreError) -> Int {
        let s = try database.prepare("""
            INSERT INTO feeds (url, last_fetched, last_error, error_count) VALUES (?1, ?2, ?3, 1)
            ON CONFLICT(url) DO UPDATE SET last_fetched = ?2, last_error = ?3, error_count = error_count + 1
            RETURNING error_count
            """)
        defer { s.finish() }
        try s.bind(feedURL, now.secondsSince1970, message)
        guard try s.step() else { return 1 }
        return Int(s.int(0))
    }

    /// What the scheduler stored about each feed (ScheduleRecord).
    /// The links of the feed's last full fetch. Not read with the rest of a feed's state: a cycle
    /// reads every feed's, and only a fetch whose entries are all new needs these.
    public func recentLinks(_ url: String) throws(StoreError) -> LinkSet {
        let s = try database.prepare("SELECT recent_links FROM feeds WHERE url = ?").bind(url)
        defer { s.finish() }
        return try s.step() ? LinkSet(stored: s.blob(0)) : LinkSet(stored: nil)
    }

    public func scheduleRecords() throws(StoreError) -> [String: ScheduleRecord] {
        let s = try database.prepare("""
            SELECT url, next_due, wait_until, host_rests, learned_interval, shortened_interval, newest_entry, moved_to,
                shortened_from
            FROM feeds WHERE next_due IS NOT NULL
            """)
        defer { s.finish() }
        var out: [String: ScheduleRecord] = [:]
        while try s.step() {
            guard let url = s.string(0) else { continue }
            out[url] = ScheduleRecord(
                next: Timestamp(secondsSince1970: s.int(1)),
                waitUntil: s.isNull(2) ? nil : Timestamp(secondsSince1970: s.int(2)),
                hostRests: s.int(3) != 0,
                learnedInterval: s.isNull(4) ? nil : Int(s.int(4)),
                shortenedInterval: s.isNull(5) ? nil : Int(s.int(5)),
                shortenedFrom: s.isNull(8) ? nil : Int(s.int(8)),
                newestEntry: s.isNull(6) ? nil : Timestamp(secondsSince1970: s.int(6)),
                movedTo: s.string(7))
        }
        return out
    }

    public func setScheduleRecords(_ records: [String: ScheduleRecord]) throws(StoreError) {
        try database.transaction { () throws(StoreError) in
            let s = try database.prepare("""
                INSERT INTO feeds (url, next_due, wait_until, host_rests, learned_interval, shortened_interval, shortened_from)
                VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)
                ON CONFLICT(url) DO UPDATE SET next_due = ?2, wait_until = ?3, host_rests = ?4,
                    learned_interval = ?5, shortened_interval = ?6, shortened_from = ?7
                """)
            // `newest_entry` and `moved_to` are the ledger's, written with each fetch: read back, never written here.
            for (url, r) in records {
                try s.run(url, r.next.secondsSince1970, r.waitUntil?.secondsSince1970, r.hostRests ? 1 : 0,
                          r.learnedInterval, r.shortenedInterval, r.shortenedFrom)
            }
        }
    }

    /// How many alerts wait for the log.
    public func pendingCount() throws(StoreError) -> Int {
        let s = try database.prepare("SELECT count(*) FROM outbox WHERE written = 0")
        defer { s.finish() }
        _ = try s.step()
        return Int(s.int(0))
    }

    /// Alerts not yet in the log, oldest first.
    public func pendingAlerts(limit: Int = 10_000) throws(StoreError) -> [PendingAlert] {
        let s = try database.prepare("SELECT seq, alert_id, line, source FROM outbox WHERE written = 0 ORDER BY seq LIMIT ?")
        try s.bind(limit)
        var out: [PendingAlert] = []
        let extra = try database.prepare("SELECT source FROM outbox_sources WHERE alert_id = ? ORDER BY added, source")
        while try s.step() {
            var alert = PendingAlert(seq: s.int(0), id: s.string(1) ?? "", line: s.string(2) ?? "")
            try extra.bind(alert.id)
            var others: [String] = []
            while try extra.step() { if let source = extra.string(0) { others.append(source) } }
            if !others.isEmpty { alert.sources = [s.string(3) ?? "{}"] + others }
            out.append(alert)
        }
        return out
    }

    /// Marks alerts as safely in the log.
    public func markWritten(ids: [String]) throws(StoreError) {
        try database.transaction { () throws(StoreError) in
            let s = try database.prepare("UPDATE outbox SET written = 1 WHERE alert_id = ?")
            for id in ids { try s.run(id) }
        }
    }
}
