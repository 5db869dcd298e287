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
        guard name.unicodeScalars.allSatisfy({ $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || tokenExtras.contains($0)) }) else {
            return "header name '\(name)' has characters a header name cannot have"
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
