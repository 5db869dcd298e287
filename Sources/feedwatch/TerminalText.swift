import FeedModel

/// Output helpers: untrusted text cleaned of terminal escapes, optional ANSI colour.
enum TerminalText {
    /// Feed text for the terminal: control characters and escape sequences shown escaped (`\x1b`).
    static func clean(_ text: String, keepNewlines: Bool = false) -> String {
        if keepNewlines {
            return text.split(separator: "\n", omittingEmptySubsequences: false).map { TerminalSafe.escape(String($0)) }.joined(separator: "\n")
        }
        return TerminalSafe.escape(text)
    }

    enum Style: String {
        case bold = "1", dim = "2", red = "31", green = "32", yellow = "33", blue = "34", magenta = "35", cyan = "36"
    }

    static func style(_ text: String, _ style: Style, color: Bool) -> String {
        color ? "\u{1B}[\(style.rawValue)m\(text)\u{1B}[0m" : text
    }
}
