/// The feeds of an OPML subscription list (what feed readers export), with the folders they
/// were filed in.
public struct OPMLDocument: Sendable, Equatable {
    public var title: String?
    public var feeds: [OPMLFeed]

    public init(title: String? = nil, feeds: [OPMLFeed] = []) {
        self.title = title
        self.feeds = feeds
    }
}

/// One `<outline xmlUrl=…>`.
public struct OPMLFeed: Sendable, Equatable {
    /// The feed's address (`xmlUrl`).
    public var url: String
    /// `title`, else `text`.
    public var title: String?
    /// The site's address (`htmlUrl`), if given.
    public var siteURL: String?
    /// The titles of the enclosing outlines, outermost first, then the parts of its
    /// `category="/a/b,/c"` attribute; no repeats.
    public var tags: [String]
    /// Line of the outline in the file, for messages.
    public var line: Int?
    /// False for a commented-out outline (OPML 2.0 `isComment="true"`, on it or a folder
    /// around it): how a feed disabled in feedwatch is exported and read back.
    public var enabled: Bool

    public init(url: String, title: String? = nil, siteURL: String? = nil, tags: [String] = [], line: Int? = nil, enabled: Bool = true) {
        self.url = url
        self.title = title
        self.siteURL = siteURL
        self.tags = tags
        self.line = line
        self.enabled = enabled
    }
}

/// An OPML file that cannot be read as a subscription list.
public struct OPMLError: Error, CustomStringConvertible, Sendable {
    public var message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}
