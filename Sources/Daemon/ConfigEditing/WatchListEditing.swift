#if canImport(Glibc)
import Glibc
#endif
import Foundation
import Watching
import Yams

// MERGE NOTE for the lead: the `feeds` branch adds Sources/Daemon/ConfigEditing/AtomicFileWriter.swift
// (atomic replace of a file) and YAMLItemRemoval.swift (delete one YAML sequence item's lines, keep
// everything else byte for byte). This file does the same two jobs with file-private helpers
// (`YAMLLines`, `AtomicReplace`, at the bottom) so that the branches merge without conflicts; fold
// them into the shared helpers at merge if you like. Tests/DaemonTests/WatchListEditingTests.swift
// pins the behaviour (comments, order, bytes kept; concurrent edits; modes; symlinks) either way.

/// Why `watch add` or `watch remove` did nothing: a refusal (a usage or configuration problem,
/// exit 2) or a failure to write (exit 1). Either way no file was changed.
public struct WatchListEditError: Error, CustomStringConvertible, Sendable {
    public enum Kind: Sendable { case refused, io }
    public var kind: Kind
    public var message: String
    public var description: String { message }

    static func refused(_ message: String) -> WatchListEditError { WatchListEditError(kind: .refused, message: message) }
    static func io(_ message: String) -> WatchListEditError { WatchListEditError(kind: .io, message: message) }
}

/// Adds and removes watches in the files of a watch-list directory the way a careful person
/// edits them by hand: only the lines of the one watch change, so the user's comments, order,
/// quoting and line breaks survive byte for byte.
///
/// Every edit is checked before it is written: the whole directory is loaded with the edited
/// text in place (the same loader and rules as `feedwatch check`), and the result must be the
/// old watches and rules plus (or minus) exactly the one watch. Only then is the file replaced
/// atomically (temporary file, fsync, rename), under an exclusive lock on the directory so that
/// two edits at once cannot lose each other.
public struct WatchListEditor: Sendable {
    public let directory: String

    public init(directory: String) {
        self.directory = directory
    }

    /// What an edit changed: the watch (its name as written), the file, and the lines of the
    /// watch (1-based; for an addition in the new file, for a removal in the old one).
    public struct Edit: Sendable, Equatable {
        public var name: String
        public var path: String
        public var lines: ClosedRange<Int>
    }

    /// The file `watch add` writes to when not told otherwise.
    public static let defaultFile = "local.yaml"

    /// Adds `watch` at the end of the `watch:` list of `file` (a name in the directory, created
    /// with a header comment when absent). Refuses a name (or folded name) that a watch already
    /// has, or that is already another watch's alias.
    public func add(_ watch: Watch, file: String = WatchListEditor.defaultFile) throws(WatchListEditError) -> Edit {
        try checkFileName(file)
        let watch = Self.cleaned(watch)
        try Self.checkValues(watch)
        return try withDirectoryLock { () throws(WatchListEditError) -> Edit in
            let before = try loadCurrent()
            if let existing = Self.watchWithSameName(watch.name, in: before.watches) {
                throw .refused("a watch named '\(existing.name)' already exists (\(existing.origin ?? "?")); `feedwatch watch remove` it first or choose another name")
            }
            let aliases = WatchMatcher(watches: before.watches, nameLists: nil)
            if let owner = aliases.watchName(for: watch.name), let other = before.watches.first(where: { $0.name == owner }) {
                throw .refused("'\(watch.name)' is already an alias of watch '\(owner)' (\(other.origin ?? "?")); rules naming it would mean that watch: choose another name")
            }
            let path = (directory as NSString).appendingPathComponent(file)
            let exists = FileManager.default.fileExists(atPath: path)
            let old = exists ? try read(path) : ""
            let (text, lines) = try Self.adding(watch, to: old, isNewFile: !exists, file: file)
            let after = try loadEdited(file, text)
            let expected = before.watches.map(Self.unlocated) + [watch]
            guard Set(after.watches.map(Self.unlocated).map(WatchKey.init)) == Set(expected.map(WatchKey.init)),
                  after.watches.count == expected.count,
                  after.rules.map(Self.unlocated) == before.rules.map(Self.unlocated) else {
                throw .refused("\(path): the edit would not read back as exactly one new watch; nothing was written (please report this with the file)")
            }
            try AtomicReplace.write(text, to: path)
            return Edit(name: watch.name, path: path, lines: lines)
        }
    }

    /// Removes the watch called `name` (its exact name, or the same name in other case or
    /// accents) from the file that defines it. Refuses while a rule names it.
    public func remove(named name: String) throws(WatchListEditError) -> Edit {
        try withDirectoryLock { () throws(WatchListEditError) -> Edit in
            let before = try loadCurrent()
            let target = try Self.find(name, in: before.watches)
            let matcher = WatchMatcher(watches: before.watches, nameLists: nil)
            let users = before.rules.filter { rule in
                rule.expression.mentionedNames.contains { (matcher.watchName(for: $0) ?? $0) == target.name }
            }
            if !users.isEmpty {
                let list = users.map { "'\($0.name)' (\($0.origin ?? "?"))" }.joined(separator: ", ")
                throw .refused("watch '\(target.name)' is used by rule \(list); change or remove the rule first")
            }
            guard let origin = target.origin, let colon = origin.lastIndex(of: ":") else {
                throw .refused("watch '\(target.name)': cannot tell which file defines it")
            }
            let file = String(origin[..<colon])
            let path = (directory as NSString).appendingPathComponent(file)
            let old = try read(path)
            let (text, lines) = try Self.removing(target.name, from: old, file: file)
            let after = try loadEdited(file, text)
            let expected = before.watches.filter { $0.name != target.name }.map(Self.unlocated)
            guard after.watches.map(Self.unlocated) == expected,
                  after.rules.map(Self.unlocated) == before.rules.map(Self.unlocated) else {
                throw .refused("\(path): the edit would not read back as exactly one watch less; nothing was written (please report this with the file)")
            }
            try AtomicReplace.write(text, to: path)
            return Edit(name: target.name, path: path, lines: lines)
        }
    }

    /// The watch a user means by `name`: exact, else the one name that folds the same
    /// ("vladimir putin"). An alias is not enough for an edit: it names the watch instead.
    static func find(_ name: String, in watches: [Watch]) throws(WatchListEditError) -> Watch {
        let name = name.trimmedWhitespace
        if let exact = watches.first(where: { $0.name == name }) { return exact }
        if let folded = watchWithSameName(name, in: watches) { return folded }
        if let owner = WatchMatcher(watches: watches, nameLists: nil).watchName(for: name) {
            throw .refused("'\(name)' is an alias of watch '\(owner)'; name the watch itself")
        }
        throw .refused("no watch named '\(name)'; `feedwatch watch list` shows them")
    }

    // MARK: - Checks

    private func checkFileName(_ file: String) throws(WatchListEditError) {
        guard !file.contains("/"), WatchListLoader.isWatchListName(file) else {
            throw .refused("--file: '\(file)' must be a file name in \(directory) ending in .yaml or .yml, not hidden (feedwatch reads only those)")
        }
    }

    /// Loads the directory as it is; an edit starts only from watch lists that `check` accepts.
    private func loadCurrent() throws(WatchListEditError) -> WatchListLoader.Loaded {
        do {
            return try WatchListLoader().load(directory: directory)
        } catch {
            throw .refused("the watch lists have errors; fix them first (`feedwatch check`). Nothing was written.\n\(error.description)")
        }
    }

    private func loadEdited(_ file: String, _ text: String) throws(WatchListEditError) -> WatchListLoader.Loaded {
        do {
            return try WatchListLoader().load(directory: directory, overriding: (file, text))
        } catch {
            throw .refused("the edited watch lists would not load; nothing was written.\n\(error.description)")
        }
    }

    private func read(_ path: String) throws(WatchListEditError) -> String {
        do { return try String(contentsOfFile: path, encoding: .utf8) } catch {
            throw .io("\(path): cannot read: \(ConfigLoader.reason(error))")
        }
    }

    private static func checkValues(_ watch: Watch) throws(WatchListEditError) {
        guard !watch.name.isEmpty else { throw .refused("the watch name must not be empty") }
        for (what, values) in [("name", [watch.name]), ("--alias", watch.aliases), ("--term", watch.terms),
                               ("--context", watch.context), ("--exclude", watch.exclude)] {
            for value in values {
                if value.isEmpty { throw .refused("\(what): an empty value matches nothing") }
                if value.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) {
                    throw .refused("\(what): '\(value.debugDescription.dropFirst().dropLast())' contains a control character (a line break or tab?)")
                }
            }
        }
    }

    /// Values as the loader will read them back: trimmed.
    private static func cleaned(_ watch: Watch) -> Watch {
        var w = watch
        w.name = w.name.trimmedWhitespace
        w.aliases = w.aliases.map(\.trimmedWhitespace)
        w.terms = w.terms.map(\.trimmedWhitespace)
        w.context = w.context.map(\.trimmedWhitespace)
        w.exclude = w.exclude.map(\.trimmedWhitespace)
        w.origin = nil
        return w
    }

    /// The watch whose name is `name` as matching folds it (case, accents, punctuation).
    public static func watchWithSameName(_ name: String, in watches: [Watch]) -> Watch? {
        if let exact = watches.first(where: { $0.name == name }) { return exact }
        let names = WatchMatcher(watches: watches.map { Watch(name: $0.name, kind: $0.kind) }, nameLists: nil)
        guard let found = names.watchName(for: name) else { return nil }
        return watches.first { $0.name == found }
    }

    private static func unlocated(_ watch: Watch) -> Watch { var w = watch; w.origin = nil; return w }
    private static func unlocated(_ rule: Rule) -> Rule { var r = rule; r.origin = nil; return r }

    /// Hashable stand-in for a `Watch`, to compare watch sets regardless of file order.
    private struct WatchKey: Hashable {
        let text: String
        init(_ w: Watch) {
            text = [w.name, w.kind.rawValue, w.aliases.joined(separator: "\u{1}"), w.terms.joined(separator: "\u{1}"),
                    w.context.joined(separator: "\u{1}"), w.exclude.joined(separator: "\u{1}"),
                    w.fields.map(\.rawValue).joined(separator: ","), w.severity.rawValue].joined(separator: "\u{0}")
        }
    }

    private func withDirectoryLock<T>(_ body: () throws(WatchListEditError) -> T) throws(WatchListEditError) -> T {
        let fd = open(directory, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard fd >= 0 else {
            let reason = String(cString: strerror(errno))
            if errno == ENOENT || errno == ENOTDIR { throw .refused("\(directory): cannot read the watch-list directory: \(reason) (see `watchlists:` in the config)") }
            throw .io("\(directory): cannot open the watch-list directory: \(reason)")
        }
        defer { close(fd) }
        while flock(fd, LOCK_EX) != 0 {
            guard errno == EINTR else { throw .io("\(directory): cannot lock: \(String(cString: strerror(errno)))") }
        }
        defer { flock(fd, LOCK_UN) }
        return try body()
    }

    // MARK: - Text edits (pure, for tests)

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
        guard let start = doc.itemStart(line: mark.line - 1, column: mark.column - 1) else {
            throw .refused("\(file):\(mark.line): cannot find where this watch starts; remove it by hand")
        }
        let end = doc.itemEnd(start: start.line, dash: start.dash)
        doc.lines.removeSubrange(start.line...end)
        if sequence.count == 1, let keyMark = key.mark {
            guard doc.appendEmptyFlowList(line: keyMark.line - 1, keyColumn: keyMark.column - 1) else {
                throw .refused("\(file):\(keyMark.line): cannot leave an empty watch list here; remove the watch by hand")
            }
        }
        return (doc.text, (start.line + 1)...(end + 1))
    }

    private static func composeForEdit(_ text: String, file: String) throws(WatchListEditError) -> Node? {
        do { return try Yams.compose(yaml: text) } catch {
            throw .refused("\(file): invalid YAML (`feedwatch check` says where): \(error)")
        }
    }

    /// One watch as block YAML lines: `- name: …` at column `dash`, its keys at column `key`.
    static func render(_ watch: Watch, dash: Int, key: Int, newline: String) -> [String] {
        let key = max(key, dash + 2)
        var pairs: [(String, String)] = [("name", scalar(watch.name)), ("type", watch.kind.rawValue)]
        for (k, values) in [("aliases", watch.aliases), ("terms", watch.terms), ("context", watch.context), ("exclude", watch.exclude)]
            where !values.isEmpty {
            pairs.append((k, "[" + values.map(scalar).joined(separator: ", ") + "]"))
        }
        if !watch.fields.isEmpty { pairs.append(("fields", "[" + watch.fields.map(\.rawValue).joined(separator: ", ") + "]")) }
        if watch.severity != .normal { pairs.append(("severity", watch.severity.rawValue)) }
        return pairs.enumerated().map { i, pair in
            let lead = i == 0 ? String(repeating: " ", count: dash) + "-" + String(repeating: " ", count: key - dash - 1)
                              : String(repeating: " ", count: key)
            return lead + pair.0 + ": " + pair.1 + newline
        }
    }

    /// A string as a YAML scalar: plain when that is unambiguous (`Vladimir Putin`,
    /// `Robert S. Mueller III`, `O'Brien`), else double-quoted with escapes.
    static func scalar(_ s: String) -> String {
        let specials: Set<String> = ["true", "false", "yes", "no", "on", "off", "y", "n", "null", "~"]
        let allowed: (Unicode.Scalar) -> Bool = { c in
            c.properties.isAlphabetic || c.properties.numericType != nil || c.properties.generalCategory == .nonspacingMark
                || c == " " || c == "." || c == "'" || c == "-" || c == "&" || c == "/" || c == "(" || c == ")"
        }
        if let first = s.unicodeScalars.first, first.properties.isAlphabetic,
           s.unicodeScalars.allSatisfy(allowed), s.last != " ", !specials.contains(s.lowercased()) {
            return s
        }
        var out = "\""
        for c in s.unicodeScalars {
            switch c {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            default:
                // Control characters, and the line breaks YAML knows beyond \n and \r, escaped.
                if c.properties.generalCategory == .control || [0x85, 0x2028, 0x2029, 0xFEFF].contains(c.value) {
                    out += "\\u" + String(repeating: "0", count: 4 - String(c.value, radix: 16).count) + String(c.value, radix: 16, uppercase: true)
                } else {
                    out.unicodeScalars.append(c)
                }
            }
        }
        return out + "\""
    }
}

/// A file's lines, each with its own line break (`\n` or `\r\n`), so that the lines an edit
/// does not touch are written back byte for byte.
private struct YAMLLines {
    var lines: [String]

    init(_ text: String) {
        lines = []
        let bytes = Array(text.utf8)
        var start = 0
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

    /// Where a sequence item whose content starts at (line, column), 0-based, has its `-`:
    /// on the same line ("  - name: …"), or alone on a line above ("  -" then "    name: …").
    func itemStart(line: Int, column: Int) -> (line: Int, dash: Int)? {
        guard line < lines.count else { return nil }
        let prefix = content(line).prefix(column)
        if let dash = prefix.lastIndex(of: "-"), prefix.allSatisfy({ $0 == " " || $0 == "-" }) {
            return (line, dash)
        }
        guard prefix.allSatisfy({ $0 == " " }) else { return nil }
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
    /// indented deeper belong to it (comments too); it ends before the next line of content at
    /// the same or lower indentation (the next item, the next key). Blank lines and comments at
    /// the item's own indentation just before that belong to what follows, and are kept.
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

    /// `watch: []` → `watch:` (the block list follows on the next lines). False when the line
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

    /// `watch:` (its list just emptied) → `watch: []`, keeping a comment after it.
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

/// Replaces a file so that readers see the old or the new content, never a mix, and a crash
/// leaves one of the two: write a hidden temporary file beside it (the loader skips hidden
/// files), fsync, rename over, fsync the directory. Keeps the old file's mode (and owner, for
/// root); follows a symlink to the file it names.
private enum AtomicReplace {
    static func write(_ text: String, to requested: String) throws(WatchListEditError) {
        var path = requested
        var info = stat()
        if lstat(path, &info) == 0, (info.st_mode & 0o170000) == 0o120000, let real = realpath(path, nil) {
            path = String(cString: real)
            free(real)
        }
        let exists = stat(path, &info) == 0
        let directory = (path as NSString).deletingLastPathComponent
        let temporary = (directory as NSString).appendingPathComponent(".\((path as NSString).lastPathComponent).feedwatch-\(getpid()).tmp")
        let fd = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, exists ? info.st_mode & 0o7777 : 0o644)
        guard fd >= 0 else { throw .io("\(path): cannot write beside it (\(String(cString: strerror(errno)))); the file is unchanged\(hint(errno))") }
        var failure: String?
        let bytes = Array(text.utf8)
        var written = 0
        while written < bytes.count, failure == nil {
            let n = bytes[written...].withUnsafeBytes { Glibc.write(fd, $0.baseAddress, $0.count) }
            if n > 0 { written += n } else if n < 0, errno == EINTR { continue } else { failure = "cannot write: \(String(cString: strerror(errno)))" }
        }
        if failure == nil, exists {
            _ = fchmod(fd, info.st_mode & 0o7777)
            if geteuid() == 0 { _ = fchown(fd, info.st_uid, info.st_gid) }
        }
        if failure == nil, fsync(fd) != 0 { failure = "cannot sync: \(String(cString: strerror(errno)))" }
        close(fd)
        if failure == nil, rename(temporary, path) != 0 { failure = "cannot replace \(path): \(String(cString: strerror(errno)))" }
        if let failure {
            let code = errno
            unlink(temporary)
            throw .io("\(path): \(failure); the file is unchanged\(hint(code))")
        }
        let dfd = open(directory, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        if dfd >= 0 { _ = fsync(dfd); close(dfd) }
    }

    private static func hint(_ code: Int32) -> String {
        code == EACCES || code == EPERM ? " (run it as a user who may write there, e.g. with sudo)" : ""
    }
}
