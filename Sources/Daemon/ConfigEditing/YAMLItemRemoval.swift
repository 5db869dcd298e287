/// Deletes one item of a YAML block sequence from the text, keeping every other byte — the
/// comments, blank lines, quoting and order a person wrote — exactly as it was.
///
/// A YAML library would re-emit the whole document and drop its comments; this edits lines
/// instead, with the same line logic as `watch remove` (`YAMLLines`): the item starts at its
/// `-` line (or a lone `-` above the node) and ends before the next line of content indented no
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
        var document = YAMLLines(text)
        guard line >= 1, line <= document.lines.count else { throw Failure(line: line, message: "there is no such line") }
        guard document.removeItem(line: line - 1) != nil else {
            throw Failure(line: line, message: "not an item of a block list ('- …'); edit this file by hand")
        }
        return document.text
    }
}
