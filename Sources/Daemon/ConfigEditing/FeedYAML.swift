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

    /// A YAML double-quoted scalar (`YAMLScalar.doubleQuoted`: feeds quote every string).
    public static func quote(_ text: String) -> String { YAMLScalar.doubleQuoted(text) }
}
