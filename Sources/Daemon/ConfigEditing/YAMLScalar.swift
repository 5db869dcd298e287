/// Strings written as YAML scalars by feedwatch's config editors, in the syntax the loaders read
/// back exactly.
///
/// Two policies, on purpose, sharing one escaper:
/// - `doubleQuoted` (feeds): every string quoted. Feed titles, URLs and headers come from
///   OPML files and the network, and go to files feedwatch owns; quoting all of them means no
///   title ("yes", "- x", "a: b") can ever change the structure, with no rule to get wrong.
/// - `plainOrDoubleQuoted` (watches): plain when that is unambiguous. Watch names are typed
///   by a person into lists that person also edits by hand, next to `- name: Vladimir Putin`;
///   `"Vladimir Putin"` there would look foreign. Only names that YAML could misread
///   (`yes`, `#tag`, `a: b`, …) are quoted.
enum YAMLScalar {
    /// A YAML double-quoted scalar: `"`, `\` and line breaks escaped, control characters and
    /// the line breaks YAML knows beyond `\n` and `\r` (U+0085, U+2028, U+2029) and the BOM as
    /// `\uXXXX`, so the value reads back exactly and stays on its line.
    static func doubleQuoted(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            case "\r": out += "\\r"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F || (0x80...0x9F).contains(scalar.value)
                    || scalar.value == 0x2028 || scalar.value == 0x2029 || scalar.value == 0xFEFF {
                    out += "\\u" + String(repeating: "0", count: 4 - String(scalar.value, radix: 16).count) + String(scalar.value, radix: 16)
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }

    /// `text` plain when that is unambiguous (`Vladimir Putin`, `Robert S. Mueller III`,
    /// `O'Brien`): it starts with a letter, holds only letters, digits, combining marks, spaces
    /// and `.'-&/()`, does not end in a space and is not a YAML 1.1 boolean or null. Anything
    /// else is `doubleQuoted`.
    static func plainOrDoubleQuoted(_ text: String) -> String {
        let specials: Set<String> = ["true", "false", "yes", "no", "on", "off", "y", "n", "null", "~"]
        let allowed: (Unicode.Scalar) -> Bool = { c in
            c.properties.isAlphabetic || c.properties.numericType != nil || c.properties.generalCategory == .nonspacingMark
                || c == " " || c == "." || c == "'" || c == "-" || c == "&" || c == "/" || c == "(" || c == ")"
        }
        if let first = text.unicodeScalars.first, first.properties.isAlphabetic,
           text.unicodeScalars.allSatisfy(allowed), text.last != " ", !specials.contains(text.lowercased()) {
            return text
        }
        return doubleQuoted(text)
    }
}
