/// The versioned schema of the state database, applied step by step.
///
/// `PRAGMA user_version` holds the version. Each migration runs in its own transaction; a
/// database from a newer feedwatch is refused with a clear message rather than misread.
enum Schema {
    static let migrations: [String] = [
        // 1: feeds with their HTTP validators, seen entries, alert outbox.
        """
        CREATE TABLE feeds (
            url TEXT PRIMARY KEY,
            title TEXT,
            etag TEXT,
            last_modified TEXT,
            first_fetched INTEGER,
            last_fetched INTEGER,
            last_success INTEGER,
            last_error TEXT,
            error_count INTEGER NOT NULL DEFAULT 0,
            entries_seen INTEGER NOT NULL DEFAULT 0,
            next_due INTEGER
        );
        CREATE TABLE seen (
            feed_url TEXT NOT NULL,
            entry_key TEXT NOT NULL,
            first_seen INTEGER NOT NULL,
            last_seen INTEGER NOT NULL,
            PRIMARY KEY (feed_url, entry_key)
        ) WITHOUT ROWID;
        CREATE TABLE outbox (
            seq INTEGER PRIMARY KEY AUTOINCREMENT,
            alert_id TEXT NOT NULL UNIQUE,
            created INTEGER NOT NULL,
            line TEXT NOT NULL,
            written INTEGER NOT NULL DEFAULT 0
        );
        CREATE INDEX outbox_pending ON outbox(written, seq);
        """,
        // 2: pruning relative to the last fetch with content; story keys for dedup across feeds.
        """
        ALTER TABLE feeds ADD COLUMN last_content INTEGER;
        UPDATE feeds SET last_content = last_success;
        ALTER TABLE outbox ADD COLUMN subject TEXT;
        ALTER TABLE outbox ADD COLUMN link_key TEXT;
        ALTER TABLE outbox ADD COLUMN title_key TEXT;
        ALTER TABLE outbox ADD COLUMN story_time INTEGER;
        ALTER TABLE outbox ADD COLUMN source TEXT;
        CREATE INDEX outbox_link ON outbox(link_key, subject);
        CREATE INDEX outbox_title ON outbox(title_key, subject);
        CREATE TABLE outbox_sources (
            alert_id TEXT NOT NULL,
            source TEXT NOT NULL,
            added INTEGER NOT NULL,
            PRIMARY KEY (alert_id, source)
        ) WITHOUT ROWID;
        """,
        // 3: what `feedwatch status` shows and the poller obeys: HTTP status, a permanent new
        // address, a feed the server says is gone.
        """
        ALTER TABLE feeds ADD COLUMN http_status INTEGER;
        ALTER TABLE feeds ADD COLUMN moved_to TEXT;
        ALTER TABLE feeds ADD COLUMN disabled TEXT;
        """,
        // 4: what the scheduler must not forget on a restart (ScheduleRecord): waits the server
        // or the backoff imposed, whether the host rests, intervals learned or shortened.
        """
        ALTER TABLE feeds ADD COLUMN wait_until INTEGER;
        ALTER TABLE feeds ADD COLUMN host_rests INTEGER NOT NULL DEFAULT 0;
        ALTER TABLE feeds ADD COLUMN learned_interval INTEGER;
        ALTER TABLE feeds ADD COLUMN shortened_interval INTEGER;
        ALTER TABLE feeds ADD COLUMN newest_entry INTEGER;
        """,
        // 5: the configured interval a gap's shortened interval was cut from: a config changed
        // while the daemon was stopped replaces the shortened interval, as a reload does.
        """
        ALTER TABLE feeds ADD COLUMN shortened_from INTEGER;
        """,
        // 6: the links of each feed's last full fetch (LinkSet): undated entries whose ids all
        // changed but whose links did not are re-keyed posts, not a gap.
        """
        ALTER TABLE feeds ADD COLUMN recent_links BLOB;
        """,
        // 7: where the feed's own document says it moved (RSS redirect/newLocation,
        // itunes:new-feed-url), as of its last full fetch: not followed, shown by `status`.
        """
        ALTER TABLE feeds ADD COLUMN announced_move TEXT;
        """,
    ]

    static var version: Int { migrations.count }

    static func migrate(_ db: SQLiteDatabase) throws(StoreError) {
        let statement = try db.prepare("PRAGMA user_version")
        _ = try statement.step()
        let current = Int(statement.int(0))
        statement.finish()
        if current > version {
            throw StoreError.newerSchema(path: db.path, found: current, known: version)
        }
        for step in current..<version {
            try db.transaction { () throws(StoreError) in
                try db.execute(migrations[step])
                try db.execute("PRAGMA user_version = \(step + 1)")
            }
        }
    }
}
