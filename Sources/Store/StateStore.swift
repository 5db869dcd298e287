import FeedModel

/// The daemon's durable memory: feeds, seen entries and the alert outbox, in SQLite.
///
/// An entry is marked seen in the same transaction that puts its alerts in the outbox, so a
/// crash can never lose an alert for an entry that counts as processed, nor alert twice for it.
public final class StateStore {
    public let database: SQLiteDatabase

    public init(path: String) throws(StoreError) {
        database = try SQLiteDatabase(path: path)
        try Schema.migrate(database)
    }

    public func feed(_ url: String) throws(StoreError) -> FeedState? {
        let s = try database.prepare("""
            SELECT url, title, etag, last_modified, first_fetched, last_fetched, last_success, last_error,
                   error_count, entries_seen FROM feeds WHERE url = ?
            """)
        try s.bind(url)
        guard try s.step() else { return nil }
        return Self.feedState(s)
    }

    public func feeds() throws(StoreError) -> [FeedState] {
        let s = try database.prepare("""
            SELECT url, title, etag, last_modified, first_fetched, last_fetched, last_success, last_error,
                   error_count, entries_seen FROM feeds ORDER BY url
            """)
        var out: [FeedState] = []
        while try s.step() { out.append(Self.feedState(s)) }
        return out
    }

    private static func feedState(_ s: SQLiteStatement) -> FeedState {
        func time(_ c: Int32) -> Timestamp? { s.isNull(c) ? nil : Timestamp(secondsSince1970: s.int(c)) }
        return FeedState(url: s.string(0) ?? "", title: s.string(1), etag: s.string(2), lastModified: s.string(3),
                         firstFetched: time(4), lastFetched: time(5), lastSuccess: time(6), lastError: s.string(7),
                         errorCount: Int(s.int(8)), entriesSeen: Int(s.int(9)))
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
        let t = now.secondsSince1970
        try database.transaction { () throws(StoreError) in
            try database.prepare("""
                INSERT INTO feeds (url, title, etag, last_modified, first_fetched, last_fetched, last_success, error_count, entries_seen)
                VALUES (?1, ?2, ?3, ?4, ?5, ?5, ?5, 0, ?6)
                ON CONFLICT(url) DO UPDATE SET title = coalesce(?2, title), etag = ?3, last_modified = ?4,
                    first_fetched = coalesce(first_fetched, ?5), last_fetched = ?5, last_success = ?5,
                    last_error = NULL, error_count = 0, entries_seen = entries_seen + ?6
                """).run(poll.feedURL, poll.title, poll.etag, poll.lastModified, t, poll.newKeys.count)
            let insertSeen = try database.prepare("INSERT OR IGNORE INTO seen (feed_url, entry_key, first_seen, last_seen) VALUES (?, ?, ?, ?)")
            for key in poll.newKeys { try insertSeen.run(poll.feedURL, key, t, t) }
            let touch = try database.prepare("UPDATE seen SET last_seen = ? WHERE feed_url = ? AND entry_key = ?")
            for key in poll.presentKeys { try touch.run(t, poll.feedURL, key) }
            let insertAlert = try database.prepare("INSERT OR IGNORE INTO outbox (alert_id, created, line) VALUES (?, ?, ?)")
            for alert in poll.alerts { try insertAlert.run(alert.id, t, alert.line) }
        }
    }

    /// Records a 304: the feed is healthy and unchanged.
    public func recordNotModified(feedURL: String, now: Timestamp) throws(StoreError) {
        try database.prepare("""
            UPDATE feeds SET last_fetched = ?1, last_success = ?1, last_error = NULL, error_count = 0 WHERE url = ?2
            """).run(now.secondsSince1970, feedURL)
    }

    /// Records a failed poll with the reason the user will see in `feedwatch status`.
    public func recordFailure(feedURL: String, message: String, now: Timestamp) throws(StoreError) {
        try database.prepare("""
            INSERT INTO feeds (url, last_fetched, last_error, error_count) VALUES (?1, ?2, ?3, 1)
            ON CONFLICT(url) DO UPDATE SET last_fetched = ?2, last_error = ?3, error_count = error_count + 1
            """).run(feedURL, now.secondsSince1970, message)
    }

    /// Alerts not yet in the log, oldest first.
    public func pendingAlerts(limit: Int = 10_000) throws(StoreError) -> [PendingAlert] {
        let s = try database.prepare("SELECT seq, alert_id, line FROM outbox WHERE written = 0 ORDER BY seq LIMIT ?")
        try s.bind(limit)
        var out: [PendingAlert] = []
        while try s.step() { out.append(PendingAlert(seq: s.int(0), id: s.string(1) ?? "", line: s.string(2) ?? "")) }
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
