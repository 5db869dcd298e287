/// A piece of feed text with the metadata needed to read it right: feedparser's `*_detail`.
public struct TextConstruct: Sendable, Equatable {
    /// MIME type of `value`: "text/plain", "text/html" or "application/xhtml+xml".
    public var type: String
    /// The text's language tag; "" when the feed said it is unknown (`xml:lang=""`), which
    /// `parse --json` writes as null, as feedparser does; nil when nothing was said.
    public var language: String?
    public var base: String?
    public var value: String

    public init(type: String = "text/plain", language: String? = nil, base: String? = nil, value: String) {
        self.type = type
        self.language = language
        self.base = base
        self.value = value
    }

    /// True when `value` is markup that must be turned into text before matching.
    public var isMarkup: Bool { type == "text/html" || type == "application/xhtml+xml" }
}
