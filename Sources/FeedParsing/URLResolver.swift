import FeedModel

/// Resolves relative links against xml:base or the document's URL.
enum URLResolver {
    /// `reference` as an absolute address where `base` allows. Tabs and line breaks inside are
    /// dropped, as browsers and urljoin drop them ("java\tscript:" is a scheme to a browser), and
    /// the empty authority of "http:///host/path" is taken out (as feedparser does).
    static func resolve(_ reference: String, against base: String?) -> String {
        let trimmed = withoutTabsAndLineBreaks(reference.trimmedWhitespace)
        // RFC 3986 §5.2: an empty reference is the base itself (`<link rel="self" href=""/>`).
        if trimmed.isEmpty, let base, !base.isEmpty { return base }
        guard let base, !base.isEmpty, !trimmed.isEmpty, !hasScheme(trimmed) else { return withoutEmptyAuthority(trimmed) }
        return withoutEmptyAuthority(URLReference.resolve(trimmed, against: withoutTabsAndLineBreaks(base.trimmedWhitespace)))
    }

    /// `resolve`, for addresses a reader may follow (links, enclosures, images, sources): nil for
    /// a script URL (`javascript:`, `vbscript:`, `data:`), which a feed can write but no alert,
    /// hook or page that shows the link should ever be handed.
    static func link(_ reference: String, against base: String?) -> String? {
        let resolved = resolve(reference, against: base)
        return isScript(resolved) ? nil : resolved
    }

    /// The longest xml:base taken: longer ones are ignored. Each element's base is kept while it
    /// is open, so 256 nested relative bases of 10 KB each would otherwise hold 300 MB.
    static let maxBaseBytes = 8192

    /// An xml:base as the new base: resolved against the one in force; ignored (nil) when it is
    /// a script URL, so that it cannot turn the relative links under it into scripts, when it is
    /// opaque (`tag:`, `urn:`: nothing resolves against it, and feedparser keeps the parent), or
    /// when it is longer than `maxBaseBytes`.
    static func base(_ value: String, against parent: String?) -> String? {
        let resolved = resolve(value, against: parent)
        guard resolved.utf8.count <= maxBaseBytes, !URLReference.isOpaque(resolved) else { return nil }
        return isScript(resolved) ? nil : resolved
    }

    private static func withoutTabsAndLineBreaks(_ s: String) -> String {
        guard s.utf8.contains(where: { $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }) else { return s }
        return String(decoding: s.utf8.filter { $0 != 0x09 && $0 != 0x0A && $0 != 0x0D }, as: UTF8.self)
    }

    /// "http:///host/path" (and "https:////host") as "http://host/path".
    private static func withoutEmptyAuthority(_ s: String) -> String {
        let u = s.utf8
        var i = u.startIndex
        for letter in "http".utf8 {
            guard i != u.endIndex, u[i] | 0x20 == letter else { return s }
            i = u.index(after: i)
        }
        if i != u.endIndex, u[i] | 0x20 == UInt8(ascii: "s") { i = u.index(after: i) }
        for byte in ":///".utf8 {
            guard i != u.endIndex, u[i] == byte else { return s }
            i = u.index(after: i)
        }
        let schemeEnd = u.index(i, offsetBy: -3)
        while i != u.endIndex, u[i] == UInt8(ascii: "/") { i = u.index(after: i) }
        return String(s[..<schemeEnd]) + "//" + String(s[i...])
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
