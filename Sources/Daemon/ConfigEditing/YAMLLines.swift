import Foundation
import Yams

/// A YAML file's lines, each with its own line break (`\n` or `\r\n`), edited as lines so that
/// the lines an edit does not touch are written back byte for byte.
///
/// A YAML library would re-emit the whole document and drop the user's comments; feedwatch's
/// config editors (`feeds remove`, `watch add`, `watch remove`) change lines instead and then
/// re-load the result to check it. This is the one place that knows the block layout they rely
/// on: where a sequence item starts (its `-`, possibly alone on a line above) and where it ends.
struct YAMLLines {
    var lines: [String]

    init(_ text: String) {
        lines = []
        let bytes = Array(text.utf8)
        var start = 0
        // Byte-wise on "\n": a "\r\n" line keeps both bytes, and nothing else splits a line.
        for (i, b) in bytes.enumerated() where b == UInt8(ascii: "\n") {
            lines.append(String(decoding: bytes[start...i], as: UTF8.self))
            start = i + 1
        }
        if start < bytes.count { lines.append(String(decoding: bytes[start...], as: UTF8.self)) }
    }

    var text: String { lines.joined() }

    /// The file's own line break, for inserted lines.
    var newline: String { lines.first?.hasSuffix("\r\n") == true ? "\r\n" : "\n" }

    mutating func endWithNewline() {
        if let last = lines.indices.last, !Self.endsWithLineBreak(lines[last]) { lines[last] += newline }
    }

    /// Byte-wise: "\r\n" is one Character, so `hasSuffix("\n")` would miss it.
    static func endsWithLineBreak(_ line: String) -> Bool { line.utf8.last == UInt8(ascii: "\n") }

    /// Whether the node at `mark` is written in flow style (`[a, b]`): Yams does not keep the
    /// style of a composed node, the text does.
    func isFlow(_ mark: Mark?) -> Bool {
        guard let mark, mark.line - 1 < lines.count else { return false }
        let scalars = content(mark.line - 1)
        return mark.column - 1 < scalars.count && scalars[mark.column - 1] == "["
    }

    /// A line's characters without its line break, as Unicode scalars (YAML columns count those).
    func content(_ i: Int) -> [Unicode.Scalar] {
        var s = Array(lines[i].unicodeScalars)
        while let last = s.last, last == "\n" || last == "\r" { s.removeLast() }
        return s
    }

    func indent(_ i: Int) -> Int { content(i).prefix { $0 == " " }.count }
    func isBlank(_ i: Int) -> Bool { content(i).allSatisfy { $0 == " " || $0 == "\t" } }
    func isComment(_ i: Int) -> Bool { content(i).first { $0 != " " && $0 != "\t" } == "#" }

    // MARK: - Sequence items

    /// Where a sequence item whose node starts at (line, column), 0-based, has its `-`: on the
    /// same line ("  - name: …"), or alone on a line above ("  -" then "    name: …", with only
    /// blank lines and comments between). Nil when the node is not an item of a block list (a
    /// flow list `[a, b]`, a mapping value).
    ///
    /// Without a column (callers that know only the node's line) the line is the item's `-`
    /// line when its first character after the indentation is a `-` followed by a blank (or
    /// nothing); otherwise a lone `-` must be above.
    func itemStart(line: Int, column: Int? = nil) -> (line: Int, dash: Int)? {
        guard line >= 0, line < lines.count else { return nil }
        let scalars = content(line)
        let indentation = scalars.prefix { $0 == " " }.count
        if let column {
            // The text before the node: indentation, then `-` markers and blanks.
            let prefix = scalars.prefix(column)
            if let dash = prefix.lastIndex(of: "-"), prefix.dropFirst(indentation).allSatisfy({ $0 == " " || $0 == "\t" || $0 == "-" }) {
                return (line, dash)
            }
            guard prefix.allSatisfy({ $0 == " " }) else { return nil }
        } else if indentation < scalars.count, scalars[indentation] == "-",
                  indentation + 1 == scalars.count || scalars[indentation + 1] == " " || scalars[indentation + 1] == "\t" {
            return (line, indentation)
        }
        var i = line - 1
        while i >= 0 {
            if !isBlank(i), !isComment(i) {
                let bare = String(String.UnicodeScalarView(content(i))).split(separator: "#", maxSplits: 1).first ?? ""
                guard bare.trimmingCharacters(in: .whitespaces) == "-",
                      let dash = content(i).firstIndex(of: "-") else { return nil }
                return (i, dash)
            }
            i -= 1
        }
        return nil
    }

    /// The last line of the item that starts at `start` with its `-` at column `dash`: lines
    /// indented deeper belong to it (comments too, and a comment less indented does not end
    /// it); it ends before the next line of content at the same or lower indentation (the next
    /// item, the next key). Blank lines and comments just before that belong to what follows,
    /// and are kept.
    func itemEnd(start: Int, dash: Int) -> Int {
        var last = start
        var i = start + 1
        while i < lines.count {
            if isBlank(i) { i += 1; continue }
            if indent(i) > dash { last = i } else if !isComment(i) { break }
            i += 1
        }
        return last
    }

    /// Deletes the lines of the block-sequence item whose node starts at (line, column),
    /// 0-based (see `itemStart`), and returns them as 0-based line numbers; nil (and nothing
    /// changed) when the node is not an item of a block list.
    mutating func removeItem(line: Int, column: Int? = nil) -> ClosedRange<Int>? {
        guard let start = itemStart(line: line, column: column) else { return nil }
        let end = itemEnd(start: start.line, dash: start.dash)
        lines.removeSubrange(start.line...end)
        return start.line...end
    }

    // MARK: - Empty flow lists

    /// `key: []` → `key:` (the block list follows on the next lines). False when the line
    /// holds something else there.
    mutating func removeEmptyFlowList(line: Int, column: Int) -> Bool {
        var scalars = content(line)
        guard column < scalars.count, scalars[column] == "[" else { return false }
        var close = column + 1
        while close < scalars.count, scalars[close] == " " { close += 1 }
        guard close < scalars.count, scalars[close] == "]" else { return false }
        var from = column
        while from > 0, scalars[from - 1] == " " { from -= 1 }
        scalars.removeSubrange(from...close)
        replaceContent(line, scalars)
        return true
    }

    /// `key:` (its list just emptied) → `key: []`, keeping a comment after it.
    mutating func appendEmptyFlowList(line: Int, keyColumn: Int) -> Bool {
        guard line < lines.count else { return false }
        var scalars = content(line)
        var i = keyColumn
        var quote: Unicode.Scalar?
        while i < scalars.count {
            let c = scalars[i]
            if let q = quote { if c == q { quote = nil } } else if c == "\"" || c == "'" { quote = c } else if c == ":" { break }
            i += 1
        }
        guard i < scalars.count else { return false }
        let rest = scalars[(i + 1)...]
        guard rest.allSatisfy({ $0 == " " }) || rest.first(where: { $0 != " " }) == "#" else { return false }
        scalars.insert(contentsOf: [" ", "[", "]"], at: i + 1)
        replaceContent(line, scalars)
        return true
    }

    private mutating func replaceContent(_ line: Int, _ scalars: [Unicode.Scalar]) {
        let ending = lines[line].hasSuffix("\r\n") ? "\r\n" : Self.endsWithLineBreak(lines[line]) ? "\n" : ""
        lines[line] = String(String.UnicodeScalarView(scalars)) + ending
    }
}
