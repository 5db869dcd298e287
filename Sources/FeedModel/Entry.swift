/// One item of a feed: the unit feedwatch deduplicates, extracts entities from and alerts on.
public struct Entry: Sendable, Equatable {
    public var id: String?
    public var title: TextConstruct?
    public var link: String?
    public var links: [Link] = []
    public var published: Timestamp?
    public var updated: Timestamp?
    public var authors: [Person] = []
    public var summary: TextConstruct?
    public var content: [TextConstruct] = []
    public var tags: [Tag] = []
    public var enclosures: [Enclosure] = []

    public init() {}

    /// The date that best says when this entry appeared: published, else updated.
    public var date: Timestamp? { published ?? updated }
}
