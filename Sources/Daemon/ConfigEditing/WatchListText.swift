import Watching
import Yams

/// The text edits of `watch add` and `watch remove`, pure functions of the file's text (tested
/// on strings): they find the `watch:` list with Yams, then change only the lines of one watch
/// (`YAMLLines`), so comments, order, quoting and line breaks elsewhere stay byte for byte.
/// The editor checks the result by loading it before anything is written.
extension WatchListEditor {
    /// `text` with `watch` appended to its `watch:` list, and the new item's lines (1-based).
    static func adding(_ watch: Watch, to text: String, isNewFile: Bool = false, file: String = "watch list") throws(WatchListEditError) -> (String, ClosedRange<Int>) {
        var doc = YAMLLines(text)
        let nl = doc.newline
        if isNewFile || doc.lines.isEmpty {
            let header = isNewFile ? "# Watches added with `feedwatch watch add`. Edit freely: `watch add` and `watch remove`\(nl)# change only the lines of one watch and keep comments and order.\(nl)" : ""
            let item = render(watch, dash: 2, key: 4, newline: nl)
            let headerLines = isNewFile ? 2 : 0
            return (header + "watch:" + nl + item.joined(), (headerLines + 2)...(headerLines + 1 + item.count))
        }
        let root = try composeForEdit(text, file: file)
        guard let pair = root?.mapping?.first(where: { $0.key.scalar?.string == "watch" }) else {
            // No `watch:` key (a file of rules, or only comments): append one.
            doc.endWithNewline()
            let item = render(watch, dash: 2, key: 4, newline: nl)
            let first = doc.lines.count + 2
            doc.lines.append("watch:" + nl)
            doc.lines.append(contentsOf: item)
            return (doc.text, first...(first + item.count - 1))
        }
        let (key, value) = pair
        if let sequence = value.sequence, !doc.isFlow(value.mark), let last = sequence.last, let mark = last.mark {
            guard let start = doc.itemStart(line: mark.line - 1, column: mark.column - 1) else {
                throw .refused("\(file):\(mark.line): cannot find where this watch starts; add the watch by hand")
            }
            let end = doc.itemEnd(start: start.line, dash: start.dash)
            let keyColumn = start.line == mark.line - 1 && mark.column - 1 > start.dash ? mark.column - 1 : start.dash + 2
            let item = render(watch, dash: start.dash, key: keyColumn, newline: nl)
            if !YAMLLines.endsWithLineBreak(doc.lines[end]) { doc.lines[end] += nl }
            doc.lines.insert(contentsOf: item, at: end + 1)
            return (doc.text, (end + 2)...(end + 1 + item.count))
        }
        guard let keyMark = key.mark else { throw .refused("\(file): cannot locate the watch: key") }
        let keyLine = keyMark.line - 1
        if let sequence = value.sequence, doc.isFlow(value.mark) {
            // `watch: []` becomes a block list; a flow list with items is left to the user.
            guard sequence.isEmpty, let mark = value.mark, mark.line - 1 == keyLine,
                  doc.removeEmptyFlowList(line: keyLine, column: mark.column - 1) else {
                throw .refused("\(file):\(keyMark.line): the watch list is written in flow style ([...]); add the watch by hand or choose another file with --file")
            }
        } else if let scalar = value.scalar, scalar.string.isEmpty, scalar.style == .plain || scalar.style == .any {
            // `watch:` with nothing after it yet.
        } else {
            throw .refused("\(file):\(keyMark.line): 'watch' is not a list; fix it first (`feedwatch check`)")
        }
        if !YAMLLines.endsWithLineBreak(doc.lines[keyLine]) { doc.lines[keyLine] += nl }
        let item = render(watch, dash: keyMark.column - 1 + 2, key: keyMark.column - 1 + 4, newline: nl)
        doc.lines.insert(contentsOf: item, at: keyLine + 1)
        return (doc.text, (keyLine + 2)...(keyLine + 1 + item.count))
    }

    /// `text` without the lines of the watch named `name`, and those lines (1-based). The list
    /// left empty becomes `watch: []` so that the file stays valid.
    static func removing(_ name: String, from text: String, file: String = "watch list") throws(WatchListEditError) -> (String, ClosedRange<Int>) {
        var doc = YAMLLines(text)
        let root = try composeForEdit(text, file: file)
        guard let pair = root?.mapping?.first(where: { $0.key.scalar?.string == "watch" }),
              let sequence = pair.value.sequence else {
            throw .refused("\(file): no watch list found")
        }
        let key = pair.key
        guard let item = sequence.first(where: { item in
            item.mapping?.first(where: { $0.key.scalar?.string == "name" })?.value.scalar?.string.trimmedWhitespace == name
        }), let mark = item.mark else {
            throw .refused("\(file): no watch named '\(name)'")
        }
        guard !doc.isFlow(pair.value.mark) else {
            throw .refused("\(file):\(mark.line): the watch list is written in flow style ([...]); remove the watch by hand")
        }
        guard let removed = doc.removeItem(line: mark.line - 1, column: mark.column - 1) else {
            throw .refused("\(file):\(mark.line): cannot find where this watch starts; remove it by hand")
        }
        if sequence.count == 1, let keyMark = key.mark {
            guard doc.appendEmptyFlowList(line: keyMark.line - 1, keyColumn: keyMark.column - 1) else {
                throw .refused("\(file):\(keyMark.line): cannot leave an empty watch list here; remove the watch by hand")
            }
        }
        return (doc.text, (removed.lowerBound + 1)...(removed.upperBound + 1))
    }

    private static func composeForEdit(_ text: String, file: String) throws(WatchListEditError) -> Node? {
        do { return try Yams.compose(yaml: text) } catch {
            throw .refused("\(file): invalid YAML (`feedwatch check` says where): \(error)")
        }
    }
}
