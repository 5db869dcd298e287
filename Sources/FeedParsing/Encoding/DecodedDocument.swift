/// What the bytes of a feed are, and the same document as UTF-8 for libxml2.
///
/// Made by `EncodingDetector.decode(_:httpContentType:)`.
public struct DecodedDocument: Sendable {
    /// The document converted to UTF-8, with any byte-order mark removed and the XML declaration's
    /// `encoding="..."` rewritten to `utf-8`, so that libxml2 does not convert it a second time.
    /// When the input already was UTF-8 labelled as such, this is the input itself (no copy).
    public var utf8: [UInt8]
    /// The encoding the document was read in, lower-case and named as feedparser reports it:
    /// the name the header or declaration used (`"iso-8859-1"`, `"big5"`, `"us-ascii"`), the
    /// byte-order name (`"utf-16le"`), or the fallback (`"utf-8"`, `"windows-1252"`, `"iso-8859-2"`).
    public var encoding: String
    /// Set when feedparser would set `bozo` for the encoding: the declared encoding could not
    /// decode the bytes (or is unknown) and another was used, or the HTTP media type is not an
    /// XML one. Says what, and where the first bad byte is.
    public var problem: String?

    public init(utf8: [UInt8], encoding: String, problem: String? = nil) {
        self.utf8 = utf8
        self.encoding = encoding
        self.problem = problem
    }
}
