/// A word, number or punctuation mark of a text, with where it stands in the original.
///
/// Offsets count Unicode scalars (code points) from the start of the text, as Python's
/// `str` indices do, so that alert consumers in any language can slice the text.
public struct Token: Sendable, Equatable {
    public enum Kind: Sendable, Equatable {
        case word, number, punctuation, url
    }

    public var text: String
    public var kind: Kind
    /// First scalar of the token.
    public var start: Int
    /// One past the last scalar.
    public var end: Int
    /// True when whitespace (or the start of the text) comes right before the token.
    public var spaceBefore: Bool
    /// True when a line break comes between this token and the previous one: a headline and
    /// the paragraph below it never form one name.
    public var lineBreakBefore: Bool

    public init(text: String, kind: Kind, start: Int, end: Int, spaceBefore: Bool, lineBreakBefore: Bool = false) {
        self.text = text
        self.kind = kind
        self.start = start
        self.end = end
        self.spaceBefore = spaceBefore
        self.lineBreakBefore = lineBreakBefore
    }

    /// Starts with an upper-case letter: "Putin", "U.S.", "McCain".
    public var isCapitalized: Bool {
        guard let first = text.unicodeScalars.first else { return false }
        return first.properties.isUppercase
    }
}
