/// A link of a feed or entry (Atom `link`, RSS `link`, `atom:link`).
public struct Link: Sendable, Equatable {
    public var rel: String
    public var type: String?
    public var href: String
    public var title: String?
    public var length: String?
    /// Atom `hreflang`: the language of the resource linked to.
    public var hreflang: String?

    public init(rel: String = "alternate", type: String? = nil, href: String, title: String? = nil, length: String? = nil,
                hreflang: String? = nil) {
        self.rel = rel
        self.type = type
        self.href = href
        self.title = title
        self.length = length
        self.hreflang = hreflang
    }
}

/// A media file attached to an entry (RSS `enclosure`, Atom `link rel="enclosure"`).
public struct Enclosure: Sendable, Equatable {
    public var href: String
    public var type: String?
    public var length: String?

    public init(href: String, type: String? = nil, length: String? = nil) {
        self.href = href
        self.type = type
        self.length = length
    }
}

/// A category or keyword (RSS `category`, Atom `category`, `dc:subject`).
public struct Tag: Sendable, Equatable {
    public var term: String
    public var scheme: String?
    public var label: String?

    public init(term: String, scheme: String? = nil, label: String? = nil) {
        self.term = term
        self.scheme = scheme
        self.label = label
    }
}

/// The feed's logo (RSS `image`, Atom `logo`).
public struct Image: Sendable, Equatable {
    public var href: String?
    public var title: String?
    public var link: String?
    /// RSS `image`'s `width`, `height` (0 when not a number, as feedparser) and `description`.
    public var width: Int?
    public var height: Int?
    public var description: String?

    public init(href: String? = nil, title: String? = nil, link: String? = nil) {
        self.href = href
        self.title = title
        self.link = link
    }
}
