/// State and log failures, worded to say what happened and where.
public enum StoreError: Error, CustomStringConvertible {
    case open(path: String, message: String)
    case sqlite(code: Int, message: String, path: String)
    case newerSchema(path: String, found: Int, known: Int)
    case logWrite(path: String, errno: Int32, message: String)

    public var description: String {
        switch self {
        case let .open(path, message):
            return "cannot open state database \(path): \(message)"
        case let .sqlite(code, message, path):
            return "state database \(path): \(message) (SQLite code \(code))"
        case let .newerSchema(path, found, known):
            return "state database \(path) has schema version \(found), but this feedwatch knows only up to \(known): upgrade feedwatch, or move the file aside to start afresh"
        case let .logWrite(path, _, message):
            return "cannot write alert log \(path): \(message)"
        }
    }

    /// True for a database that is corrupt or not a database at all: retrying will not help.
    public var isCorruption: Bool {
        if case let .sqlite(code, _, _) = self { return code & 0xFF == 11 || code & 0xFF == 26 }
        return false
    }
}
