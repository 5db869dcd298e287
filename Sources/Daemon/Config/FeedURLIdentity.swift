/// When two written URLs name the same feed.
///
/// OPML exports and hand-typed addresses differ in ways that do not change what is fetched:
/// `HTTPS://Example.org/feed`, `https://example.org:443/feed` and `https://example.org/feed/`
/// are one feed, and subscribing to each would poll it three times and raise every alert
/// three times. Scheme and host are compared without case (RFC 3986 §6.2.2.1), the scheme's
/// default port and a fragment are dropped, an empty path is `/`, and one trailing slash is
/// ignored (as `feeds remove` does). The path and query keep their case: servers may tell
/// `/Feed` from `/feed`.
public enum FeedURLIdentity {
    /// A comparison key: equal keys mean the same feed. Not a URL to fetch.
    ///
    /// Computed for every feed on every config load (10,000 feeds: 40% of `check` when this used
    /// Foundation's trimming and search), so the scans here are the standard library's.
    public static func key(_ url: String) -> String {
        let text = trimmed(url)
        // The cuts are at ASCII bytes (":", "/", "?", "#"), which never fall inside a multi-byte
        // character, so every piece decodes whole.
        let u = Array(text.utf8)
        guard let colon = separator(in: u) else { return text }
        let scheme = String(decoding: u[..<colon], as: UTF8.self).lowercased()
        guard scheme == "http" || scheme == "https" else { return text }
        let start = colon + 3
        let end = u[start...].firstIndex(of: UInt8(ascii: "#")) ?? u.count
        let authorityEnd = u[start..<end].firstIndex { $0 == UInt8(ascii: "/") || $0 == UInt8(ascii: "?") } ?? end
        var authority = String(decoding: u[start..<authorityEnd], as: UTF8.self).lowercased()
        // userinfo@host:port: only a default port after the host is dropped.
        let defaultPort = scheme == "http" ? ":80" : ":443"
        if authority.hasSuffix(defaultPort) { authority.removeLast(defaultPort.count) }
        if authority.hasSuffix(".") { authority.removeLast() } // "example.org." is example.org
        let question = u[authorityEnd..<end].firstIndex(of: UInt8(ascii: "?")) ?? end
        var pathEnd = question
        if pathEnd > authorityEnd, u[pathEnd - 1] == UInt8(ascii: "/") { pathEnd -= 1 }
        let path = String(decoding: u[authorityEnd..<pathEnd], as: UTF8.self)
        let query = String(decoding: u[question..<end], as: UTF8.self)
        return scheme + "://" + authority + (path.isEmpty ? "/" : path) + query
    }

    /// `url` without the white space `trimmingCharacters(in: .whitespaces)` takes off: tab and
    /// the Unicode space separators (category Zs), at either end.
    static func trimmed(_ url: String) -> String {
        func isSpace(_ scalar: Unicode.Scalar) -> Bool {
            scalar == " " || scalar == "\t" || (scalar.value >= 0x80 && scalar.properties.generalCategory == .spaceSeparator)
        }
        let scalars = url.unicodeScalars
        guard let first = scalars.first, let last = scalars.last, isSpace(first) || isSpace(last) else { return url }
        var lo = scalars.startIndex, hi = scalars.endIndex
        while lo < hi, isSpace(scalars[lo]) { lo = scalars.index(after: lo) }
        while hi > lo, isSpace(scalars[scalars.index(before: hi)]) { hi = scalars.index(before: hi) }
        return String(scalars[lo..<hi])
    }

    /// The index of the first "://" of `bytes` (also where URLCredentials finds the authority).
    static func separator(in bytes: [UInt8]) -> Int? {
        var i = 0
        while i + 2 < bytes.count {
            if bytes[i] == UInt8(ascii: ":"), bytes[i + 1] == UInt8(ascii: "/"), bytes[i + 2] == UInt8(ascii: "/") { return i }
            i += 1
        }
        return nil
    }
}
