import FeedModel
import Yams

/// Reads YAML nodes into values, turning every mismatch into a `ConfigError` with the
/// node's line and column (Yams' `compose` keeps marks; `Decodable` would lose them).
struct YAMLReader {
    let file: String
    var errors: [ConfigError] = []

    init(file: String) { self.file = file }

    /// Parses a whole document; nil (with an error recorded) when it is not valid YAML.
    mutating func compose(_ text: String) -> Node? {
        do {
            // The basic resolver: every value is read from its text (`scalar.string`), never from
            // an implicit tag, and resolving tags ran ICU regular expressions over every scalar
            // (14% of loading a 10,000-feed config, in Yams' duplicate-key check).
            return try Yams.compose(yaml: text, .basic)
        } catch let error as YamlError {
            switch error {
            case let .scanner(context, problem, mark, _), let .parser(context, problem, mark, _),
                 let .composer(context, problem, mark, _):
                fail(mark.line, mark.column, "invalid YAML: \(context.map { "\($0.description) " } ?? "")\(problem)")
            default:
                errors.append(ConfigError(file: file, message: "invalid YAML: \(error)"))
            }
        } catch {
            errors.append(ConfigError(file: file, message: "invalid YAML: \(error)"))
        }
        return nil
    }

    mutating func fail(_ node: Node?, _ message: String) {
        errors.append(ConfigError(file: file, line: node?.mark?.line, column: node?.mark?.column, message: message))
    }

    mutating func fail(_ line: Int, _ column: Int, _ message: String) {
        errors.append(ConfigError(file: file, line: line, column: column, message: message))
    }

    /// The pairs of a mapping, keys as strings; reports unknown keys against `known`.
    mutating func mapping(_ node: Node, _ what: String, known: Set<String>) -> [(key: String, keyNode: Node, value: Node)] {
        guard let mapping = node.mapping else {
            fail(node, "\(what): expected a mapping of keys to values")
            return []
        }
        var out: [(String, Node, Node)] = []
        var seen = Set<String>()
        for (keyNode, value) in mapping {
            guard let key = keyNode.scalar?.string else { fail(keyNode, "\(what): keys must be plain words"); continue }
            if !known.contains(key) {
                let suggestion = known.min { editDistance($0, key) < editDistance($1, key) }
                let hint = suggestion.map { editDistance($0, key) <= 2 ? " (did you mean '\($0)'?)" : "" } ?? ""
                fail(keyNode, "\(what): unknown key '\(key)'\(hint); known keys: \(known.sorted().joined(separator: ", "))")
                continue
            }
            if !seen.insert(key).inserted { fail(keyNode, "\(what): '\(key)' is given twice"); continue }
            out.append((key, keyNode, value))
        }
        return out
    }

    mutating func string(_ node: Node, _ what: String) -> String? {
        guard let scalar = node.scalar else { fail(node, "\(what): expected a string"); return nil }
        let value = scalar.string.trimmedWhitespace
        if value.isEmpty { fail(node, "\(what): must not be empty"); return nil }
        return value
    }

    mutating func stringList(_ node: Node, _ what: String) -> [String] {
        if let scalar = node.scalar, !scalar.string.isEmpty { return [scalar.string.trimmedWhitespace] }
        guard let sequence = node.sequence else { fail(node, "\(what): expected a list of strings"); return [] }
        var out: [String] = []
        for item in sequence {
            guard let scalar = item.scalar else { fail(item, "\(what): expected a list of strings"); continue }
            let s = scalar.string.trimmedWhitespace
            guard !s.isEmpty else { fail(item, "\(what): an empty entry (\"\") matches nothing; remove it"); continue }
            out.append(s)
        }
        return out
    }

    mutating func duration(_ node: Node, _ what: String) -> Int? {
        guard let text = string(node, what) else { return nil }
        guard let seconds = Duration.parseSeconds(text), seconds > 0 else {
            fail(node, "\(what): '\(text)' is not a duration (use e.g. 30s, 15m, 2h, 1d, 1h30m)")
            return nil
        }
        return seconds
    }

    private func editDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        var row = Array(0...b.count)
        for i in 1...max(a.count, 1) where !a.isEmpty {
            var previous = row[0]
            row[0] = i
            for j in stride(from: 1, through: b.count, by: 1) {
                let old = row[j]
                row[j] = min(row[j] + 1, row[j - 1] + 1, previous + (a[i - 1] == b[j - 1] ? 0 : 1))
                previous = old
            }
        }
        return row[b.count]
    }
}
