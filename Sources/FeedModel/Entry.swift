/// One item of a feed: the unit feedwatch deduplicates, extracts entities from and alerts on.
public struct Entry: Sendable, Equatable {
    public var id: String?
    public var title: TextConstruct?
    public var link: String?
    public var links: [Link] = []
    public var published: Timestamp?
    public var updated: Timestamp?
    public var created: Timestamp?
    /// The dates as the feed wrote them (feedparser's `published`, `updated`, `created`).
    public var publishedText: String?
    public var updatedText: String?
    public var createdText: String?
    /// The entry's date lies more than a day in the future: kept as written, but not used to
    /// order or date the entry (it could pin it to the top or defeat dedup).
    public var futureDated = false
    /// RSS: the guid is also the entry's permalink (feedparser's `guidislink`).
    public var guidIsLink: Bool?
    public var authors: [Person] = []
    public var summary: TextConstruct?
    /// iTunes `subtitle` of an episode.
    public var subtitle: TextConstruct?
    /// Media RSS `content` and `thumbnail` (feedparser's `media_content`, `media_thumbnail`).
    public var mediaContent: [Enclosure] = []
    public var mediaThumbnails: [String] = []
    public var content: [TextConstruct] = []
    public var tags: [Tag] = []
    public var enclosures: [Enclosure] = []
    public var contributors: [Person] = []
    /// The feed a republished entry comes from (RSS `<source>`, Atom `<source>`): aggregators
    /// such as Google News name the outlet that wrote the story here, and that is what a user
    /// tracking a name wants to see beside the headline.
    public var source: FeedInfo? {
        get { sourceStorage.first }
        set { sourceStorage = newValue.map { [$0] } ?? [] }
    }
    /// Out of line (an array's one pointer, not FeedInfo's dozens of fields in every Entry):
    /// few entries have a source, and entries are moved around by value.
    private var sourceStorage: [FeedInfo] = []

    /// feedparser's rarer fields (rights, comments, iTunes flags, extension elements …).
    public var extra: ExtraFields {
        get { extraStorage.first ?? ExtraFields() }
        set { extraStorage = newValue.isEmpty ? [] : [newValue] }
    }
    /// Out of line, like `source`: most entries have none of these.
    private var extraStorage: [ExtraFields] = []

    public init() {}

    /// The date that best says when this entry appeared: published, else updated, else created;
    /// nil for a future-dated entry.
    public var date: Timestamp? { futureDated ? nil : (published ?? updated ?? created) }
}
