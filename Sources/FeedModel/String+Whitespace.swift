extension String {
    /// The string without leading and trailing ASCII whitespace (space, tab, CR, LF, FF, VT)
    /// and Unicode spaces. Written by hand: Foundation's `trimmingCharacters` slowed parsing
    /// six-fold here (DESIGN.md, known pitfalls).
    public var trimmedWhitespace: String {
        // Fast path: nothing to trim when both ends are visible ASCII.
        if let head = utf8.first, let tail = utf8.last, head > 0x20, head < 0x80, tail > 0x20, tail < 0x80 { return self }
        guard let first = firstIndex(where: { !$0.isWhitespace }) else { return "" }
        let last = lastIndex(where: { !$0.isWhitespace })!
        if first == startIndex && last == index(before: endIndex) { return self }
        return String(self[first...last])
    }

    /// Collapses every run of whitespace (including line breaks) into one space and trims the ends:
    /// titles spread over lines in a feed read as one line.
    public var collapsedWhitespace: String {
        var out = ""
        out.reserveCapacity(utf8.count)
        var pendingSpace = false
        for ch in self {
            if ch.isWhitespace {
                pendingSpace = !out.isEmpty
            } else {
                if pendingSpace { out.append(" "); pendingSpace = false }
                out.append(ch)
            }
        }
        return out
    }
}
