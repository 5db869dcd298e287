import Foundation

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
    public static func key(_ url: String) -> String {
        let text = url.trimmingCharacters(in: .whitespaces)
        guard let schemeEnd = text.range(of: "://") else { return text }
        let scheme = text[..<schemeEnd.lowerBound].lowercased()
        guard scheme == "http" || scheme == "https" else { return text }
        var rest = Substring(text[schemeEnd.upperBound...])
        if let hash = rest.firstIndex(of: "#") { rest = rest[..<hash] }
        let authorityEnd = rest.firstIndex { $0 == "/" || $0 == "?" } ?? rest.endIndex
        var authority = rest[..<authorityEnd].lowercased()
        var tail = String(rest[authorityEnd...])
        // userinfo@host:port: only a default port after the host is dropped.
        let defaultPort = scheme == "http" ? ":80" : ":443"
        if authority.hasSuffix(defaultPort) { authority.removeLast(defaultPort.count) }
        if authority.hasSuffix(".") { authority.removeLast() } // "example.org." is example.org
        var path = tail
        var query = ""
        if let question = tail.firstIndex(of: "?") {
            path = String(tail[..<question])
            query = String(tail[question...])
        }
        if path.hasSuffix("/") { path.removeLast() }
        tail = path + query
        return scheme + "://" + authority + (tail.hasPrefix("?") ? "/" + tail : (tail.isEmpty ? "/" : tail))
    }
}
