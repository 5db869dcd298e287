/// Cuts a readable piece of text around a match: about `radius` characters each side,
/// on word boundaries, on one line, with "…" where text was left out.
enum Snippet {
    /// About 160 characters around a short match: 80 each side.
    static func make(_ scalars: [Unicode.Scalar], start: Int, end: Int, radius: Int = 80) -> String {
        var from = max(0, start - radius)
        var to = min(scalars.count, end + radius)
        if from > 0 { while from < start, !scalars[from - 1].properties.isWhitespace { from += 1 } }
        if to < scalars.count { while to > end, !scalars[to].properties.isWhitespace { to -= 1 } }
        var out = from > 0 ? "…" : ""
        var space = false
        for s in scalars[from..<to] {
            if s.properties.isWhitespace || s.value < 0x20 {
                space = true
            } else {
                if space, !out.isEmpty, out != "…" { out.unicodeScalars.append(" ") }
                space = false
                out.unicodeScalars.append(s)
            }
        }
        if to < scalars.count { out += "…" }
        return out
    }
}
