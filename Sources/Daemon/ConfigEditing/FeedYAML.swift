/// Writes feeds as YAML items of a `feeds:` list, in the syntax `ConfigLoader` reads.
///
/// Every string is double-quoted with escapes, so no title or URL can change the structure
/// (a title "yes", "- x" or "a: b" stays a string).
public enum FeedYAML {
    /// The item for one feed, indented under `feeds:` by two spaces, ending in a newline.
    public static func item(_ feed: FeedConfig) -> String {
        var out = "  - url: \(quote(feed.url))\n"
        if let title = feed.title { out += "    title: \(quote(title))\n" }
        if let interval = feed.interval { out += "    interval: \(Duration.format(seconds: interval))\n" }
        if !feed.tags.isEmpty { out += "    tags: [\(feed.tags.map(quote).joined(separator: ", "))]\n" }
        if !feed.enabled { out += "    enabled: false\n" }
        if let lists = feed.watchlists { out += "    watchlists: [\(lists.map(quote).joined(separator: ", "))]\n" }
        if let fields = feed.fields { out += "    fields: [\(fields.map(\.rawValue).joined(separator: ", "))]\n" }
        if !feed.headers.isEmpty {
            out += "    headers:\n"
            for header in feed.headers { out += "      \(quote(header.name)): \(quote(header.value))\n" }
        }
        if let backfill = feed.backfill {
            out += "    backfill: \(backfill.map { $0 == 0 ? "none" : Duration.format(seconds: $0) } ?? "all")\n"
        }
        return out
    }

    /// A YAML double-quoted scalar.
    public static func quote(_ text: String) -> String {
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
}
