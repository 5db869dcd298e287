import Foundation
import Watching
import Yams

/// Reads every watch-list file of a directory (`*.yaml`, `*.yml`, in name order) into watches
/// and rules, checking names, types and rule formulas, and reporting each problem with its
/// file, line and column.
public struct WatchListLoader: Sendable {
    public init() {}

    static let fileKeys: Set<String> = ["watch", "rules"]
    static let watchKeys: Set<String> = ["name", "type", "aliases", "terms", "context", "exclude", "fields", "severity"]
    static let ruleKeys: Set<String> = ["name", "when", "severity"]

    public struct Loaded: Sendable {
        public var watches: [Watch]
        public var rules: [Rule]
        public var files: [String]
    }

    public func load(directory: String) throws(ConfigErrors) -> Loaded {
        try load(directory: directory, overriding: nil)
    }

    /// The directory as it would load with `text` as the content of its file `name` (which
    /// need not exist yet): `watch add` and `watch remove` check an edit this way, with the
    /// same rules as `check`, before they write it.
    public func load(directory: String, overriding: (name: String, text: String)?) throws(ConfigErrors) -> Loaded {
        var names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: directory)
                .filter { Self.isWatchListName($0) }.sorted()
        } catch {
            throw ConfigErrors([ConfigError(file: directory, message: "cannot read the watch-list directory: \(ConfigLoader.reason(error))")])
        }
        if let overriding, !names.contains(overriding.name) { names = (names + [overriding.name]).sorted() }
        var loaded = Loaded(watches: [], rules: [], files: [])
        var errors: [ConfigError] = []
        for name in names {
            let path = (directory as NSString).appendingPathComponent(name)
            do {
                let text = try overriding.flatMap { $0.name == name ? $0.text : nil } ?? String(contentsOfFile: path, encoding: .utf8)
                let (watches, rules, fileErrors) = parse(text, file: path)
                loaded.watches += watches
                loaded.rules += rules
                errors += fileErrors
                loaded.files.append(path)
            } catch {
                errors.append(ConfigError(file: path, message: "cannot read: \(ConfigLoader.reason(error))"))
            }
        }
        errors += crossCheck(loaded)
        if !errors.isEmpty { throw ConfigErrors(errors) }
        return loaded
    }

    /// The files of a watch-list directory that are read: `*.yaml` and `*.yml`, not hidden.
    public static func isWatchListName(_ name: String) -> Bool {
        (name.hasSuffix(".yaml") || name.hasSuffix(".yml")) && !name.hasPrefix(".")
    }

    /// Parses one file; returns what it could read and every problem found.
    public func parse(_ text: String, file: String) -> ([Watch], [Rule], [ConfigError]) {
        var reader = YAMLReader(file: file)
        guard let root = reader.compose(text) else { return ([], [], reader.errors) }
        var watches: [Watch] = []
        var rules: [Rule] = []
        for (key, _, value) in reader.mapping(root, "watch list", known: Self.fileKeys) {
            guard let items = value.sequence else {
                reader.fail(value, "\(key): expected a list")
                continue
            }
            for item in items {
                if key == "watch" {
                    if let w = watch(item, reader: &reader) { watches.append(w) }
                } else if let r = rule(item, reader: &reader) {
                    rules.append(r)
                }
            }
        }
        return (watches, rules, reader.errors)
    }

    private func watch(_ node: Node, reader: inout YAMLReader) -> Watch? {
        var watch = Watch(name: "", kind: .topic, origin: "\((reader.file as NSString).lastPathComponent):\(node.mark?.line ?? 0)")
        var kindGiven = false
        for (key, _, value) in reader.mapping(node, "watch", known: Self.watchKeys) {
            switch key {
            case "name": watch.name = reader.string(value, "name") ?? ""
            case "type":
                guard let s = reader.string(value, "type") else { continue }
                let normalized = s.lowercased() == "organisation" ? "organization" : s.lowercased()
                if let kind = Watch.Kind(rawValue: normalized) { watch.kind = kind; kindGiven = true }
                else { reader.fail(value, "type: '\(s)' is not one of person, organization, place, topic") }
            case "aliases": watch.aliases = reader.stringList(value, "aliases")
            case "terms": watch.terms = reader.stringList(value, "terms")
            case "context": watch.context = reader.stringList(value, "context")
            case "exclude": watch.exclude = reader.stringList(value, "exclude")
            case "fields":
                for (i, name) in reader.stringList(value, "fields").enumerated() {
                    if let f = Field(rawValue: name.lowercased()) { watch.fields.append(f) }
                    else { reader.fail(value.sequence?[i] ?? value, "fields: '\(name)' is not one of title, summary, content") }
                }
            case "severity":
                guard let s = reader.string(value, "severity") else { continue }
                if let sev = Severity(rawValue: s.lowercased()) { watch.severity = sev }
                else { reader.fail(value, "severity: '\(s)' is not one of low, normal, high, critical") }
            default: break
            }
        }
        guard !watch.name.isEmpty else { reader.fail(node, "watch: 'name' is missing"); return nil }
        if !kindGiven { reader.fail(node, "watch '\(watch.name)': 'type' is missing (person, organization, place or topic)"); return nil }
        return watch
    }

    private func rule(_ node: Node, reader: inout YAMLReader) -> Rule? {
        var name = ""
        var expression: RuleExpression?
        var severity = Severity.high
        for (key, _, value) in reader.mapping(node, "rule", known: Self.ruleKeys) {
            switch key {
            case "name": name = reader.string(value, "name") ?? ""
            case "when":
                guard let text = reader.string(value, "when") else { continue }
                do {
                    expression = try RuleParser().parse(text)
                } catch {
                    reader.fail(value, "when: \(error.description)")
                }
            case "severity":
                guard let s = reader.string(value, "severity") else { continue }
                if let sev = Severity(rawValue: s.lowercased()) { severity = sev }
                else { reader.fail(value, "severity: '\(s)' is not one of low, normal, high, critical") }
            default: break
            }
        }
        guard !name.isEmpty else { reader.fail(node, "rule: 'name' is missing"); return nil }
        guard let expression else {
            if !reader.errors.contains(where: { $0.message.hasPrefix("when:") }) { reader.fail(node, "rule '\(name)': 'when' is missing") }
            return nil
        }
        return Rule(name: name, expression: expression, severity: severity,
                    origin: "\((reader.file as NSString).lastPathComponent):\(node.mark?.line ?? 0)")
    }

    /// Duplicate names, and rules naming watches that do not exist.
    private func crossCheck(_ loaded: Loaded) -> [ConfigError] {
        var errors: [ConfigError] = []
        var names: [String: String] = [:]
        let matcher = WatchMatcher(watches: loaded.watches)
        for watch in loaded.watches {
            if let first = names[watch.name] {
                errors.append(ConfigError(file: watch.origin ?? "", message: "watch '\(watch.name)' is defined twice (first at \(first))"))
            } else {
                names[watch.name] = watch.origin ?? ""
            }
        }
        for rule in loaded.rules {
            for name in rule.expression.watchNames where names[name] == nil && matcher.watchName(for: name) == nil {
                errors.append(ConfigError(file: rule.origin ?? "", message: "rule '\(rule.name)' names '\(name)', which no watch list defines"))
            }
        }
        return errors
    }
}
