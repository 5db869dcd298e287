#if canImport(Glibc)
import Glibc
#endif
import FeedModel

/// Log lines on stderr, where systemd's journal picks them up.
///
/// Under systemd (`JOURNAL_STREAM` set) lines carry `<N>` syslog priority prefixes instead of
/// timestamps, which the journal adds itself. Every message is stripped of control characters:
/// feed titles and server messages are untrusted text.
public struct Log: Sendable {
    public enum Level: Int, Sendable, Comparable {
        case debug = 7, info = 6, notice = 5, warning = 4, error = 3
        public static func < (a: Level, b: Level) -> Bool { a.rawValue > b.rawValue }
        public init?(name: String) {
            switch name.lowercased() {
            case "debug": self = .debug
            case "info": self = .info
            case "notice": self = .notice
            case "warning", "warn": self = .warning
            case "error": self = .error
            default: return nil
            }
        }

        var name: String {
            switch self {
            case .debug: return "debug"
            case .info: return "info"
            case .notice: return "notice"
            case .warning: return "warning"
            case .error: return "error"
            }
        }
    }

    public var minimum: Level
    let journal: Bool

    public init(minimum: Level = .info) {
        self.minimum = minimum
        journal = getenv("JOURNAL_STREAM") != nil
    }

    public func callAsFunction(_ level: Level, _ message: String) {
        guard level >= minimum else { return }
        let clean = TerminalSafe.clean(message)
        let line = journal ? "<\(level.rawValue)>\(clean)\n" : "\(Timestamp.now.rfc3339) \(level.name): \(clean)\n"
        // One write(2) per line, so lines from concurrent polls never interleave.
        var bytes = Array(line.utf8)
        _ = bytes.withUnsafeMutableBytes { write(2, $0.baseAddress, $0.count) }
    }
}
