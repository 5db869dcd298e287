import Watching

/// The checks an edit passes before any text is touched: a file name the loader reads, values
/// the loader reads back as they were typed, a name no other watch has (in any case or
/// accents); and the comparison of the lists before and after an edit.
extension WatchListEditor {
    func checkFileName(_ file: String) throws(WatchListEditError) {
        guard !file.contains("/"), WatchListLoader.isWatchListName(file) else {
            throw .refused("--file: '\(file)' must be a file name in \(directory) ending in .yaml or .yml, not hidden (feedwatch reads only those)")
        }
        // A name that would drive a terminal whenever it is listed is not a name.
        guard !file.unicodeScalars.contains(where: { $0.properties.generalCategory == .control || $0.properties.generalCategory == .format }) else {
            throw .refused("--file: the file name contains control or invisible formatting characters")
        }
    }

    static func checkValues(_ watch: Watch) throws(WatchListEditError) {
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
    static func cleaned(_ watch: Watch) -> Watch {
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

    static func unlocated(_ watch: Watch) -> Watch { var w = watch; w.origin = nil; return w }
    static func unlocated(_ rule: Rule) -> Rule { var r = rule; r.origin = nil; return r }

    /// Hashable stand-in for a `Watch`, to compare watch sets regardless of file order.
    struct WatchKey: Hashable {
        let text: String
        init(_ w: Watch) {
            text = [w.name, w.kind.rawValue, w.aliases.joined(separator: "\u{1}"), w.terms.joined(separator: "\u{1}"),
                    w.context.joined(separator: "\u{1}"), w.exclude.joined(separator: "\u{1}"),
                    w.fields.map(\.rawValue).joined(separator: ","), w.severity.rawValue].joined(separator: "\u{0}")
        }
    }
}
