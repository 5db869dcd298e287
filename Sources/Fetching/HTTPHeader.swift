/// A request header a feed's config adds (an API token, say).
///
/// Checked twice: the config loader refuses bad ones with a message, and the fetcher drops any
/// that would still split a request line or override what the fetcher itself must control.
public struct HTTPHeader: Sendable, Equatable {
    public var name: String
    public var value: String

    public init(name: String, value: String) {
        self.name = name
        self.value = value
    }

    /// Headers the fetcher or libcurl own: a feed may not set them (framing, host routing,
    /// conditional GET and content coding would break, or requests could be smuggled).
    public static let reserved: Set<String> = [
        "host", "content-length", "transfer-encoding", "connection", "keep-alive", "upgrade", "te", "trailer",
        "expect", "proxy-authorization", "proxy-connection", "if-none-match", "if-modified-since", "accept-encoding",
    ]

    /// Why this header cannot be sent, or nil when it can. Never quotes the value (it may be a secret).
    public var problem: String? {
        guard !name.isEmpty else { return "a header name must not be empty" }
        // RFC 9110 token characters only.
        let tokenExtras = Set("!#$%&'*+-.^_`|~".unicodeScalars)
        let isToken: (Unicode.Scalar) -> Bool = { $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || tokenExtras.contains($0)) }
        if let bad = name.unicodeScalars.firstIndex(where: { !isToken($0) }) {
            // Only the part before the bad character is quoted: "Authorization Bearer abc…" is
            // a value pasted where the name goes, and what follows the space may be the token.
            let shown = String(name.unicodeScalars[..<bad])
            let what = name.unicodeScalars[bad] == " " ? "a space" : name.unicodeScalars[bad] == "=" ? "'='" : "a character"
            return "header name '\(shown)…' has \(what) a header name cannot have (write 'Name: value')"
        }
        if Self.reserved.contains(name.lowercased()) { return "header '\(name)' is set by feedwatch itself and cannot be configured" }
        if value.unicodeScalars.contains(where: { $0 == "\r" || $0 == "\n" || $0 == "\0" }) {
            return "the value of header '\(name)' contains a line break or NUL"
        }
        // RFC 9110 §5.5: a field value has no control characters other than tab (an ESC or
        // DEL is a paste accident or an attack on whatever logs the request).
        if value.unicodeScalars.contains(where: { ($0.value < 0x20 && $0 != "\t") || $0.value == 0x7F }) {
            return "the value of header '\(name)' contains a control character"
        }
        return nil
    }
}

extension HTTPHeader {
    /// Headers that carry credentials, which libcurl keeps from another host on a redirect.
    public static let credentials: Set<String> = ["authorization", "cookie"]

    /// The headers to send when a feed configured at `configured` is fetched from `address`
    /// (its new home after a permanent redirect). On another origin (scheme, host or port)
    /// the credentials are left out, as libcurl does when it follows the redirect itself:
    /// otherwise a 301 to another host would hand it the feed's token on the next poll.
    public static func sendable(_ headers: [HTTPHeader], configured: String, address: String) -> [HTTPHeader] {
        if headers.isEmpty || configured == address { return headers }
        if let from = origin(configured), let to = origin(address), from == to { return headers }
        return headers.filter { !credentials.contains($0.name.lowercased()) }
    }

    /// Whether two http(s) URLs share scheme, host and port (false when either is not http(s)).
    public static func sameOrigin(_ a: String, _ b: String) -> Bool {
        guard let x = origin(a), let y = origin(b) else { return false }
        return x == y
    }

    /// "https://example.org:443" for an http(s) URL: scheme and host lower-cased, userinfo
    /// dropped, the default port written out; nil for anything else.
    static func origin(_ url: String) -> String? {
        guard let schemeEnd = url.range(of: "://") else { return nil }
        let scheme = url[..<schemeEnd.lowerBound].lowercased()
        guard scheme == "http" || scheme == "https" else { return nil }
        let rest = url[schemeEnd.upperBound...]
        var authority = Substring(rest[..<(rest.firstIndex { $0 == "/" || $0 == "?" || $0 == "#" } ?? rest.endIndex)].lowercased())
        if let at = authority.lastIndex(of: "@") { authority = authority[authority.index(after: at)...] }
        let hostEnd = authority.hasPrefix("[") ? authority.firstIndex(of: "]").map { authority.index(after: $0) } ?? authority.endIndex
            : authority.firstIndex(of: ":") ?? authority.endIndex
        let host = authority[..<hostEnd]
        var port = authority[hostEnd...].drop { $0 == ":" }
        if port.isEmpty { port = scheme == "http" ? "80" : "443" }
        return scheme + "://" + host + ":" + port
    }
}
