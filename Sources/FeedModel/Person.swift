/// An author or contributor. RSS gives "email (Name)" strings; Atom gives structured persons.
public struct Person: Sendable, Equatable {
    public var name: String?
    public var email: String?
    public var href: String?

    public init(name: String? = nil, email: String? = nil, href: String? = nil) {
        self.name = name
        self.email = email
        self.href = href
    }

    /// Splits RSS's free-form author text: "jo@example.org (Jo Bloggs)", "Jo Bloggs <jo@example.org>",
    /// a bare address or a bare name.
    ///
    /// The delimiters are ASCII, so the search runs on the UTF-8 bytes: searching by `Character`
    /// (grapheme breaking) made this 4% of a whole feed parse in perf, for one short name per entry.
    public init(rssAuthor text: String) {
        let trimmed = text.trimmedWhitespace
        let bytes = trimmed.utf8
        if let open = bytes.firstIndex(of: UInt8(ascii: "(")), let close = bytes.lastIndex(of: UInt8(ascii: ")")), open < close {
            let inside = String(trimmed[bytes.index(after: open)..<close]).trimmedWhitespace
            let outside = String(trimmed[..<open]).trimmedWhitespace
            if Self.isBareAddress(outside) {
                self.init(name: inside.isEmpty ? nil : inside, email: outside)
                return
            }
            if Self.isBareAddress(inside), !outside.isEmpty {
                self.init(name: outside, email: inside)
                return
            }
        }
        if let open = bytes.firstIndex(of: UInt8(ascii: "<")), let close = bytes.lastIndex(of: UInt8(ascii: ">")), open < close {
            let inside = String(trimmed[bytes.index(after: open)..<close]).trimmedWhitespace
            let outside = String(trimmed[..<open]).trimmedWhitespace
            if inside.utf8.contains(UInt8(ascii: "@")) {
                self.init(name: outside.isEmpty ? nil : outside, email: inside)
                return
            }
        }
        if Self.isBareAddress(trimmed) {
            self.init(email: trimmed)
        } else {
            self.init(name: trimmed)
        }
    }

    /// An "@" and no space: what reads as an address rather than a name.
    private static func isBareAddress(_ text: String) -> Bool {
        var at = false
        for byte in text.utf8 {
            if byte == UInt8(ascii: " ") { return false }
            if byte == UInt8(ascii: "@") { at = true }
        }
        return at
    }

    /// feedparser's `author` string: "Name (email)", or whichever part exists.
    public var displayString: String? {
        switch (name, email) {
        case let (name?, email?): return "\(name) (\(email))"
        case let (name?, nil): return name
        case let (nil, email?): return email
        default: return nil
        }
    }
}
