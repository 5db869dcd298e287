/// Deletes one item of a YAML block sequence from the text, keeping every other byte — the
/// comments, blank lines, quoting and order a person wrote — exactly as it was.
///
/// A YAML library would re-emit the whole document and drop its comments; this edits lines
/// instead. It knows only the block layout: the item starts at its `-` line and ends before
/// the next line (not blank, not a comment indented deeper than the `-`) that is indented no
/// more than the `-` — the next item, or the next key of the enclosing mapping. Comments and
/// blank lines after the item's last line stay: they describe what follows.
///
/// The caller re-parses the result and checks that exactly the item went away.
public enum YAMLItemRemoval {
    public struct Failure: Error, CustomStringConvertible, Sendable {
        public var line: Int
        public var message: String
        public var description: String { "line \(line): \(message)" }
    }

    /// Removes the block-sequence item whose node starts on `line` (1-based, as Yams' node
    /// marks give it: the `-` line, or the line after a lone `-`).
    public static func removeItem(at line: Int, from text: String) throws(Failure) -> String {
        let lines = splitLines(text)
        guard line >= 1, line <= lines.count else { throw Failure(line: line, message: "there is no such line") }
        // Find the item's `-`: on this line, or on the nearest line above with only blanks or comments between.
        var dash = line - 1
        if !isDashLine(lines[dash]) {
            var above = dash - 1
            while above >= 0, isBlankOrComment(lines[above]) { above -= 1 }
            guard above >= 0, isLoneDash(lines[above]) else {
                throw Failure(line: line, message: "not an item of a block list ('- …'); edit this file by hand")
            }
            dash = above
        }
        let depth = indentation(lines[dash])
        var last = dash
        var next = dash + 1
        while next < lines.count {
            let candidate = lines[next]
            if isBlank(candidate) { next += 1; continue }
            if indentation(candidate) <= depth { break }
            last = next
            next += 1
        }
        return (lines[..<dash] + lines[(last + 1)...]).joined()
    }

    /// Lines with their terminators, so joining them gives the text back byte for byte.
    static func splitLines(_ text: String) -> [Substring] {
        var out: [Substring] = []
        var start = text.startIndex
        var i = text.startIndex
        while i < text.endIndex {
            // "\r\n" is one Character in Swift: both line ends are caught here.
            if text[i] == "\n" || text[i] == "\r\n" {
                let after = text.index(after: i)
                out.append(text[start..<after])
                start = after
            }
            i = text.index(after: i)
        }
        if start < text.endIndex { out.append(text[start...]) }
        return out
    }

    static func indentation(_ line: Substring) -> Int { line.prefix { $0 == " " }.count }

    static func isBlank(_ line: Substring) -> Bool { line.allSatisfy { $0 == " " || $0 == "\t" || $0.isNewline } }

    static func isBlankOrComment(_ line: Substring) -> Bool {
        isBlank(line) || line.drop { $0 == " " || $0 == "\t" }.hasPrefix("#")
    }

    /// "-" with nothing after it but a comment: the item's node starts on a later line.
    static func isLoneDash(_ line: Substring) -> Bool {
        let rest = line.drop { $0 == " " }
        guard rest.first == "-" else { return false }
        return isBlankOrComment(rest.dropFirst())
    }

    /// "- x", "-" alone (item on the next lines), or "-\tx".
    static func isDashLine(_ line: Substring) -> Bool {
        let rest = line.drop { $0 == " " }
        guard rest.first == "-" else { return false }
        let after = rest.dropFirst().first
        return after == nil || after == " " || after == "\t" || after!.isNewline
    }
}
