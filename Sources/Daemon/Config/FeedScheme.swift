/// The `feed:` pseudo-scheme browsers and OPML exports use for subscribe links.
///
/// `feed://example.org/rss` means `http://example.org/rss`, and `feed:https://example.org/rss`
/// names the real URL after the prefix. feedwatch only fetches http and https, so these are
/// turned into the URL they stand for instead of being refused.
public enum FeedScheme {
    /// The http(s) URL a `feed:` address stands for; any other address unchanged.
    public static func resolved(_ address: String) -> String {
        let lower = address.lowercased()
        guard lower.hasPrefix("feed:") else { return address }
        let rest = address.dropFirst(5)
        let restLower = lower.dropFirst(5)
        if restLower.hasPrefix("http://") || restLower.hasPrefix("https://") { return String(rest) }
        if restLower.hasPrefix("//") { return "http:" + rest }
        return address
    }
}
