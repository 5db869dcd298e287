import FeedModel

/// Output helpers: untrusted text cleaned of terminal escapes, optional ANSI colour.
enum TerminalText {
    static func clean(_ text: String, keepNewlines: Bool = false) -> String {
        TerminalSafe.clean(text, keepNewlines: keepNewlines)
    }

    enum Style: String {
        case bold = "1", dim = "2", red = "31", green = "32", yellow = "33", blue = "34", magenta = "35", cyan = "36"
    }

    static func style(_ text: String, _ style: Style, color: Bool) -> String {
        color ? "\u{1B}[\(style.rawValue)m\(text)\u{1B}[0m" : text
    }
}
