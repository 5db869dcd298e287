import FeedModel

/// Resolves relative links against xml:base or the document's URL.
enum URLResolver {
    static func resolve(_ reference: String, against base: String?) -> String {
        let trimmed = reference.trimmedWhitespace
        // RFC 3986 §5.2: an empty reference is the base itself (`<link rel="self" href=""/>`).
        if trimmed.isEmpty, let base, !base.isEmpty { return base }
        guard let base, !base.isEmpty, !trimmed.isEmpty, !hasScheme(trimmed) else { return trimmed }
        return URLReference.resolve(trimmed, against: base.trimmedWhitespace)
    }

    /// `resolve`, for addresses a reader may follow (links, enclosures, images, sources): nil for
    /// a script URL (`javascript:`, `vbscript:`, `data:`), which a feed can write but no alert,
    /// hook or page that shows the link should ever be handed.
    static func link(_ reference: String, against base: String?) -> String? {
        let resolved = resolve(reference, against: base)
        return isScript(resolved) ? nil : resolved
    }

    /// An xml:base as the new base: resolved against the one in force, with the empty authority
    /// of "http:///host/path" taken out (as feedparser does), and ignored (nil) when it is a
    /// script URL, so that it cannot turn the relative links under it into scripts.
    static func base(_ value: String, against parent: String?) -> String? {
        var resolved = resolve(value, against: parent)
        for scheme in ["http:///", "https:///"] where resolved.lowercased().hasPrefix(scheme) {
            var rest = resolved.dropFirst(scheme.count)
            while rest.first == "/" { rest = rest.dropFirst() }
            resolved = String(resolved.prefix(scheme.count - 1)) + rest
        }
        return isScript(resolved) ? nil : resolved
    }

    /// Whether `url`'s scheme runs code where it is opened. Browsers skip leading spaces and
    /// control characters and drop tabs and line breaks inside the scheme; so does this.
    static func isScript(_ url: String) -> Bool {
        // Up to 10 letters of scheme, lower-cased into one word: no allocation per link (every
        // link of every feed passes here, and nearly all start with "h").
        var word: UInt64 = 0
        var letters = 0
        for byte in url.utf8 {
            if byte <= 0x20, letters == 0 { continue }
            if byte == 0x09 || byte == 0x0A || byte == 0x0D { continue }
            if byte == UInt8(ascii: ":") { break }
            let lower = byte | 0x20
            guard lower >= UInt8(ascii: "a"), lower <= UInt8(ascii: "z"), letters < 10 else { return false }
            if letters == 0, lower != UInt8(ascii: "j"), lower != UInt8(ascii: "v"), lower != UInt8(ascii: "d"),
               lower != UInt8(ascii: "l") { return false }
            word = word << 5 | UInt64(lower - UInt8(ascii: "a") + 1)
            letters += 1
        }
        guard letters > 0, url.utf8.contains(UInt8(ascii: ":")) else { return false }
        return scriptSchemes.contains(word)
    }

    /// javascript, vbscript, data, livescript, packed as `isScript` packs a scheme.
    private static let scriptSchemes: Set<UInt64> = Set(["javascript", "vbscript", "data", "livescript"].map { name in
        name.utf8.reduce(UInt64(0)) { $0 << 5 | UInt64($1 - UInt8(ascii: "a") + 1) }
    })

    /// "http:", "mailto:" …: RFC 3986 scheme = ALPHA *( ALPHA / DIGIT / "+" / "-" / "." ) ":".
    static func hasScheme(_ s: String) -> Bool {
        var first = true
        for byte in s.utf8 {
            switch byte {
            case UInt8(ascii: ":"): return !first
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"): break
            case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "."):
                if first { return false }
            default: return false
            }
            first = false
        }
        return false
    }
}
