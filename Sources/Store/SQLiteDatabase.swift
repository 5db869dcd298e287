import CSQLite

/// A thin, owned connection to one SQLite file. Not thread-safe by design: one owner
/// (the daemon's state actor, or a CLI command) uses it at a time.
public final class SQLiteDatabase {
    let handle: OpaquePointer
    public let path: String

    /// Opens (creating if needed) the database at `path`, in WAL mode with a busy timeout,
    /// so a second reader (`feedwatch status`) never blocks the daemon for long.
    public init(path: String, readOnly: Bool = false) throws(StoreError) {
        var db: OpaquePointer?
        let flags = readOnly ? SQLITE_OPEN_READONLY : (SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE)
        let code = sqlite3_open_v2(path, &db, flags | SQLITE_OPEN_NOMUTEX, nil)
        guard code == SQLITE_OK, let db else {
            let message = db.map { String(cString: sqlite3_errmsg($0)) } ?? "out of memory"
            if let db { sqlite3_close(db) }
            throw StoreError.open(path: path, message: message)
        }
        handle = db
        self.path = path
        sqlite3_busy_timeout(db, 5000)
        sqlite3_extended_result_codes(db, 1)
        do {
            if !readOnly {
                try execute("PRAGMA journal_mode=WAL")
                try execute("PRAGMA synchronous=NORMAL")
            }
            try execute("PRAGMA foreign_keys=ON")
        } catch {
            // Not closed here: every stored property is set, so deinit runs and closes it (a
            // close here too freed the connection twice, on every file that is not a database).
            throw StoreError.open(path: path, message: error.description)
        }
    }

    deinit {
        statements.removeAll()
        sqlite3_close_v2(handle)
    }

    /// Runs SQL without results (several statements allowed).
    public func execute(_ sql: String) throws(StoreError) {
        var error: UnsafeMutablePointer<CChar>?
        let code = sqlite3_exec(handle, sql, nil, nil, &error)
        if code != SQLITE_OK {
            let message = error.map { String(cString: $0) } ?? String(cString: sqlite3_errstr(code))
            sqlite3_free(error)
            throw StoreError.sqlite(code: Int(code), message: message, path: path)
        }
    }

    /// Prepared statements by SQL text: compiling SQL cost 12–16% of a poll cycle.
    private var statements: [String: SQLiteStatement] = [:]

    /// A prepared statement for `sql`, compiled once per connection and reset for each use.
    /// (Not for a statement still being stepped through when the same SQL is used again.)
    public func prepare(_ sql: String) throws(StoreError) -> SQLiteStatement {
        if let cached = statements[sql] {
            sqlite3_reset(cached.statement)
            return cached
        }
        let made = try compile(sql)
        if statements.count < 256 { statements[sql] = made }
        return made
    }

    private func compile(_ sql: String) throws(StoreError) -> SQLiteStatement {
        var statement: OpaquePointer?
        let code = sqlite3_prepare_v2(handle, sql, -1, &statement, nil)
        guard code == SQLITE_OK, let statement else { throw lastError(code) }
        return SQLiteStatement(statement: statement, database: self)
    }

    /// Runs `body` in one transaction: all of it is stored, or none of it.
    public func transaction<T>(_ body: () throws(StoreError) -> T) throws(StoreError) -> T {
        try execute("BEGIN IMMEDIATE")
        do {
            let value = try body()
            try execute("COMMIT")
            return value
        } catch {
            try? execute("ROLLBACK")
            throw error
        }
    }

    public var changes: Int { Int(sqlite3_changes(handle)) }

    func lastError(_ code: Int32) -> StoreError {
        StoreError.sqlite(code: Int(code), message: String(cString: sqlite3_errmsg(handle)), path: path)
    }
}

/// A prepared statement; bind with `bind`, read rows with `step` and the column getters.
public final class SQLiteStatement {
    let statement: OpaquePointer
    unowned let database: SQLiteDatabase

    init(statement: OpaquePointer, database: SQLiteDatabase) {
        self.statement = statement
        self.database = database
    }

    deinit { sqlite3_finalize(statement) }

    private static let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)

    @discardableResult
    public func bind(_ values: (any SQLiteValue)?...) throws(StoreError) -> SQLiteStatement {
        sqlite3_reset(statement)
        sqlite3_clear_bindings(statement)
        for (n, value) in values.enumerated() {
            let index = Int32(n + 1)
            let code: Int32
            switch value {
            case nil: code = sqlite3_bind_null(statement, index)
            case let v as Int: code = sqlite3_bind_int64(statement, index, Int64(v))
            case let v as Int64: code = sqlite3_bind_int64(statement, index, v)
            case let v as String: code = sqlite3_bind_text(statement, index, v, -1, SQLiteStatement.transient)
            case let v as Bool: code = sqlite3_bind_int64(statement, index, v ? 1 : 0)
            case let v as [UInt8]: code = v.withUnsafeBytes { sqlite3_bind_blob(statement, index, $0.baseAddress, Int32($0.count), SQLiteStatement.transient) }
            default: code = SQLITE_MISUSE
            }
            if code != SQLITE_OK { throw database.lastError(code) }
        }
        return self
    }

    /// Advances to the next row; false when done.
    @discardableResult
    public func step() throws(StoreError) -> Bool {
        let code = sqlite3_step(statement)
        if code == SQLITE_ROW { return true }
        if code == SQLITE_DONE { return false }
        throw database.lastError(code)
    }

    /// Runs a statement that returns no rows.
    public func run(_ values: (any SQLiteValue)?...) throws(StoreError) {
        sqlite3_reset(statement)
        sqlite3_clear_bindings(statement)
        for (n, value) in values.enumerated() {
            let index = Int32(n + 1)
            switch value {
            case nil: sqlite3_bind_null(statement, index)
            case let v as Int: sqlite3_bind_int64(statement, index, Int64(v))
            case let v as Int64: sqlite3_bind_int64(statement, index, v)
            case let v as String: sqlite3_bind_text(statement, index, v, -1, SQLiteStatement.transient)
            case let v as Bool: sqlite3_bind_int64(statement, index, v ? 1 : 0)
            case let v as [UInt8]: v.withUnsafeBytes { _ = sqlite3_bind_blob(statement, index, $0.baseAddress, Int32($0.count), SQLiteStatement.transient) }
            default: throw StoreError.sqlite(code: Int(SQLITE_MISUSE), message: "unsupported value", path: database.path)
            }
        }
        while try step() {}
    }

    public func int(_ column: Int32) -> Int64 { sqlite3_column_int64(statement, column) }

    public func string(_ column: Int32) -> String? {
        guard sqlite3_column_type(statement, column) != SQLITE_NULL, let text = sqlite3_column_text(statement, column) else { return nil }
        return String(cString: text)
    }

    public func isNull(_ column: Int32) -> Bool { sqlite3_column_type(statement, column) == SQLITE_NULL }

    public func blob(_ column: Int32) -> [UInt8]? {
        guard sqlite3_column_type(statement, column) != SQLITE_NULL else { return nil }
        let count = Int(sqlite3_column_bytes(statement, column))
        guard count > 0, let bytes = sqlite3_column_blob(statement, column) else { return [] }
        return Array(UnsafeRawBufferPointer(start: bytes, count: count))
    }

    /// Ends a statement that was not stepped to the end, so a cached statement never holds a
    /// read snapshot open between uses.
    public func finish() { sqlite3_reset(statement) }
}

/// Values that bind to SQLite parameters.
public protocol SQLiteValue {}
extension Int: SQLiteValue {}
extension Int64: SQLiteValue {}
extension String: SQLiteValue {}
extension Bool: SQLiteValue {}
extension Array: SQLiteValue where Element == UInt8 {}
