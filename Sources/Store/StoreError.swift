/// State and log failures, worded to say what happened and where.
public enum StoreError: Error, CustomStringConvertible {
    case open(path: String, message: String)
    case sqlite(code: Int, message: String, path: String)
    case newerSchema(path: String, found: Int, known: Int)
    case logWrite(path: String, errno: Int32, message: String)
    /// Another daemon holds the state's lock file.
    case locked(path: String)

    public var description: String {
        switch self {
        case let .open(path, message):
            return "cannot open state database \(path): \(message)"
        case let .locked(path):
            return "state database \(path) is in use by another `feedwatch run` (lock file \(path).lock); only one may run on a state file"
        case let .sqlite(code, message, path):
            var text = "state database \(path): \(message) (SQLite code \(code))"
            switch code & 0xFF {
            case 5, 6: text += "; another process holds it (is a second `feedwatch run` using the same state file?)"
            case 11, 26: text += "; the file is damaged or not feedwatch's: move it aside and feedwatch starts afresh (alerts already in the log are kept)"
            case 13: text += "; the disk is full"
            case 8, 14: text += "; check the file's and its directory's permissions"
            default: break
            }
            return text
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
