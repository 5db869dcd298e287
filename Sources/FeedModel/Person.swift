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
    public init(rssAuthor text: String) {
        let trimmed = text.trimmedWhitespace
        if let open = trimmed.firstIndex(of: "("), let close = trimmed.lastIndex(of: ")"), open < close {
            let inside = String(trimmed[trimmed.index(after: open)..<close]).trimmedWhitespace
            let outside = String(trimmed[..<open]).trimmedWhitespace
            if outside.contains("@"), !outside.contains(" ") {
                self.init(name: inside.isEmpty ? nil : inside, email: outside)
                return
            }
            if inside.contains("@"), !inside.contains(" "), !outside.isEmpty {
                self.init(name: outside, email: inside)
                return
            }
        }
        if let open = trimmed.firstIndex(of: "<"), let close = trimmed.lastIndex(of: ">"), open < close {
            let inside = String(trimmed[trimmed.index(after: open)..<close]).trimmedWhitespace
            let outside = String(trimmed[..<open]).trimmedWhitespace
            if inside.contains("@") {
                self.init(name: outside.isEmpty ? nil : outside, email: inside)
                return
            }
        }
        if !trimmed.contains(" "), trimmed.contains("@") {
            self.init(email: trimmed)
        } else {
            self.init(name: trimmed)
        }
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
