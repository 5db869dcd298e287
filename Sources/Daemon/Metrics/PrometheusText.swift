/// The small grammar of Prometheus' text exposition format 0.0.4: valid names, escaped label
/// values and help text, and numbers spelled the way Prometheus parses them.
enum PrometheusText {
    /// `[a-zA-Z_:][a-zA-Z0-9_:]*`: any other character becomes `_` (a label like "feedwatch.fetches"
    /// from another library still gives a valid name).
    static func metricName(_ label: String) -> String {
        sanitize(label, allowColon: true)
    }

    /// `[a-zA-Z_][a-zA-Z0-9_]*`.
    static func labelName(_ name: String) -> String {
        sanitize(name, allowColon: false)
    }

    private static func sanitize(_ text: String, allowColon: Bool) -> String {
        var out = ""
        for (i, scalar) in text.unicodeScalars.enumerated() {
            let ok = scalar.isASCII && (scalar == "_" || (allowColon && scalar == ":")
                || ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar) || (i > 0 && ("0"..."9").contains(scalar)))
            out.unicodeScalars.append(ok ? scalar : "_")
        }
        return out.isEmpty ? "_" : out
    }

    /// Label values: backslash, double quote and line feed escaped.
    static func escapeLabelValue(_ value: String) -> String {
        var out = ""
        for ch in value.unicodeScalars {
            switch ch {
            case "\\": out += "\\\\"
            case "\"": out += "\\\""
            case "\n": out += "\\n"
            default: out.unicodeScalars.append(ch)
            }
        }
        return out
    }

    /// Help text: backslash and line feed escaped.
    static func escapeHelp(_ text: String) -> String {
        text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\n", with: "\\n")
    }

    /// Integers without a fraction, `+Inf`, `-Inf` and `NaN` as Prometheus spells them.
    static func number(_ value: Double) -> String {
        if value.isNaN { return "NaN" }
        if value.isInfinite { return value > 0 ? "+Inf" : "-Inf" }
        if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
        return "\(value)"
    }

    /// One sample line: `name{a="x",b="y"} value`.
    static func sample(_ name: String, _ labels: [PrometheusRegistry.Labels.Pair], _ value: Double) -> String {
        let rendered = labels.isEmpty ? ""
            : "{" + labels.map { "\($0.name)=\"\(escapeLabelValue($0.value))\"" }.joined(separator: ",") + "}"
        return "\(name)\(rendered) \(number(value))\n"
    }
}
