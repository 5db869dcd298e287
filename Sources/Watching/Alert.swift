import FeedModel

/// One line of the alert log: a watch (or rule) fired on an entry.
public struct Alert: Sendable, Equatable {
    public struct FeedRef: Sendable, Equatable {
        public var title: String?
        public var url: String
        public init(title: String?, url: String) { self.title = title; self.url = url }
    }

    public struct EntryRef: Sendable, Equatable {
        public var id: String
        public var title: String?
        public var link: String?
        public var published: Timestamp?
        /// The outlet an aggregator took the story from (the entry's `source`), when it names one.
        public var source: SourceRef?
        public init(id: String, title: String?, link: String?, published: Timestamp?, source: SourceRef? = nil) {
            self.id = id; self.title = title; self.link = link; self.published = published; self.source = source
        }
    }

    /// Who first published a story a feed republished: Google News names the paper here.
    public struct SourceRef: Sendable, Equatable {
        public var title: String?
        public var url: String?
        public init(title: String?, url: String?) { self.title = title; self.url = url }
    }

    public struct EntitySummary: Sendable, Equatable {
        public var text: String
        public var type: String
        public var mentions: Int
        public init(text: String, type: String, mentions: Int) { self.text = text; self.type = type; self.mentions = mentions }
    }

    /// Stable for (feed, entry, watch or rule): the same alert is never written twice.
    public var id: String
    public var time: Timestamp
    /// Set for a watch alert; nil for a rule alert.
    public var watch: String?
    /// Set for a rule alert.
    public var rule: String?
    /// person, organization, place, topic, or rule.
    public var type: String
    public var severity: Severity
    public var feed: FeedRef
    public var entry: EntryRef
    public var matches: [MatchLocation]
    public var entities: [EntitySummary]

    public init(id: String, time: Timestamp, watch: String?, rule: String?, type: String, severity: Severity,
                feed: FeedRef, entry: EntryRef, matches: [MatchLocation], entities: [EntitySummary]) {
        self.id = id; self.time = time; self.watch = watch; self.rule = rule; self.type = type
        self.severity = severity; self.feed = feed; self.entry = entry; self.matches = matches; self.entities = entities
    }

    /// The id of the alert `name` raises on the entry `entryKey` of `feedURL`.
    public static func makeID(feedURL: String, entryKey: String, watchOrRule name: String, isRule: Bool) -> String {
        String(SHA256.hex(feedURL, entryKey, isRule ? "rule" : "watch", name).prefix(32))
    }
}
