import Watching

/// One watch as YAML, in the block style of a hand-written list, for `watch add`.
extension WatchListEditor {
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
    /// `Robert S. Mueller III`, `O'Brien`), else double-quoted with escapes. Not the feeds'
    /// always-quoted `FeedYAML.quote`: the two disagree on purpose about what needs quoting
    /// (`YAMLScalar` says why) and share the escaping.
    static func scalar(_ s: String) -> String { YAMLScalar.plainOrDoubleQuoted(s) }
}
