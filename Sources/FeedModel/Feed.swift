/// The result of parsing one feed document: what feedparser calls the parse result.
///
/// Field names follow feedparser's so that its conformance suite runs against
/// `feedwatch parse --json`, and so that users who know feedparser know this.
public struct ParsedFeed: Sendable, Equatable {
    /// True when the document was not well formed or not what it claimed; entries are still kept.
    public var bozo: Bool = false
    /// What was wrong and where, when `bozo` is set.
    public var bozoException: String?
    /// The character encoding the document was read in, e.g. "utf-8".
    public var encoding: String = "utf-8"
    /// The feed format detected from the document itself.
    public var version: FeedVersion = .unknown
    public var feed = FeedInfo()
    public var entries: [Entry] = []

    public init() {}
}

/// Feed formats, spelled as feedparser spells them.
public enum FeedVersion: String, Sendable, Codable {
    case unknown = ""
    case rss090, rss091n, rss091u, rss092, rss093, rss094, rss20, rss10, rss
    case atom03, atom10, atom
    case cdf
    case json1, json11
}

extension FeedVersion {
    /// RSS in any of its versions (guid semantics, `<description>` as summary …).
    public var isRSS: Bool {
        switch self {
        case .rss090, .rss091n, .rss091u, .rss092, .rss093, .rss094, .rss20, .rss10, .rss: return true
        default: return false
        }
    }
}

/// Channel-level metadata.
public struct FeedInfo: Sendable, Equatable {
    public var title: TextConstruct?
    public var subtitle: TextConstruct?
    public var rights: TextConstruct?
    public var link: String?
    public var links: [Link] = []
    public var id: String?
    public var updated: Timestamp?
    public var published: Timestamp?
    public var created: Timestamp?
    public var updatedText: String?
    public var publishedText: String?
    public var createdText: String?
    /// Atom 0.3's `info`: what the feed is, for people who open it in a browser.
    public var info: TextConstruct?
    public var authors: [Person] = []
    public var language: String?
    public var image: Image?
    public var tags: [Tag] = []
    public var generator: String?
    /// Atom `contributor`s: people who helped, not the authors.
    public var contributors: [Person] = []
    /// The address of the feed itself, for an entry's `source` (RSS `<source url>`; feedparser's
    /// `source.href`): where a republished story first appeared.
    public var href: String?
    /// feedparser's rarer fields (publisher, generator details, cloud, textinput, iTunes flags,
    /// extension elements …).
    public var extra: ExtraFields {
        get { extraStorage.first ?? ExtraFields() }
        set { extraStorage = newValue.isEmpty ? [] : [newValue] }
    }
    /// Out of line, as in `Entry`: a FeedInfo is also every sourced entry's `source`, and the
    /// parser keeps the feed's beside its hottest fields.
    private var extraStorage: [ExtraFields] = []

    public init() {}
}
