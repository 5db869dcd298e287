/// An HTTP `Content-Type` header as feedparser reads it, and the RFC 3023 class of its media type.
struct ContentType: Equatable, Sendable {
    /// How RFC 3023 (as feedparser applies it) treats a media type.
    enum MediaClass: Equatable, Sendable {
        /// `application/xml`, `application/xml-dtd`, `application/xml-external-parsed-entity`,
        /// `application/*+xml`: the charset parameter wins, then the document's own
        /// declaration or byte-order mark, then utf-8.
        case applicationXML
        /// `text/xml`, `text/xml-external-parsed-entity`, `text/*+xml`: only the charset
        /// parameter counts (the declaration is ignored); the default is us-ascii.
        case textXML
        /// `application/json`, `application/feed+json`: the charset parameter, else utf-8.
        case json
        /// Any other `text/*` (text/plain, text/html): charset or us-ascii, and not an XML type.
        case otherText
        /// Any other type: the document's own encoding, else utf-8, and not an XML type.
        case other
        /// A header that is present but empty (an HTTP response without a media type): the
        /// document's own encoding, else iso-8859-1 (RFC 2616), and not an XML type.
        case missing
    }

    /// The media type, trimmed and lower-cased (`"application/rss+xml"`); empty when none.
    var mediaType: String
    /// The charset parameter, trimmed, unquoted and lower-cased; empty when none.
    var charset: String

    /// Splits on `;`, takes the first part as the media type and the last `charset=` parameter,
    /// stripped of whitespace and of surrounding `"` and `'`, as feedparser's `parse_content_type`.
    /// A parameter without `=` (`charset:utf-8`) or an empty one is ignored.
    init(header: String) {
        var parts = header.utf8.split(separator: UInt8(ascii: ";"), omittingEmptySubsequences: false)[...]
        mediaType = parts.popFirst().map { Self.trim(Substring($0)).lowercased() } ?? ""
        charset = ""
        for part in parts {
            let text = Substring(part)
            guard let equals = text.firstIndex(of: "=") else { continue }
            guard Self.trim(text[..<equals]).lowercased() == "charset" else { continue }
            var value = Self.trim(text[text.index(after: equals)...])
            while let first = value.first, first == "\"" || first == "'" { value.removeFirst() }
            while let last = value.last, last == "\"" || last == "'" { value.removeLast() }
            charset = value.lowercased()
        }
    }

    var mediaClass: MediaClass {
        let type = mediaType
        if type == "application/xml" || type == "application/xml-dtd"
            || type == "application/xml-external-parsed-entity"
            || (type.hasPrefix("application/") && type.hasSuffix("+xml")) {
            return .applicationXML
        }
        if type == "text/xml" || type == "text/xml-external-parsed-entity"
            || (type.hasPrefix("text/") && type.hasSuffix("+xml")) {
            return .textXML
        }
        if type == "application/json" || type == "application/feed+json" { return .json }
        if type.hasPrefix("text/") { return .otherText }
        if type.isEmpty { return .missing }
        return .other
    }

    /// Python's `str.strip()` for the ASCII whitespace headers contain.
    private static func trim(_ text: Substring) -> Substring {
        var text = text
        while let c = text.first, c == " " || c == "\t" || c == "\r" || c == "\n" || c == "\u{0B}" || c == "\u{0C}" {
            text.removeFirst()
        }
        while let c = text.last, c == " " || c == "\t" || c == "\r" || c == "\n" || c == "\u{0B}" || c == "\u{0C}" {
            text.removeLast()
        }
        return text
    }
}
