import Entities
import FeedModel

/// Turns one entry into its alerts: runs the matcher and the entity extractor, applies rules.
public struct AlertFactory: Sendable {
    public let matcher: WatchMatcher
    private let extractor = EntityExtractor()
    /// How many entities an alert lists, most mentioned first.
    public var maxEntities = 12
    /// Bounds against hostile entries (docs/reliability.md, "Hostile servers"): an alert lists
    /// at most this many match locations, a title of at most this many characters, and entity
    /// extraction reads at most this many UTF-8 bytes of the entry (matching reads it all).
    public var maxMatches = 20
    public var maxTitleCharacters = 1_000
    public var maxEntityTextBytes = 64 << 10

    public init(matcher: WatchMatcher) {
        self.matcher = matcher
    }

    public struct Source: Sendable {
        public var feedTitle: String?
        public var feedURL: String
        public var entryKey: String
        public var entry: Entry
        public init(feedTitle: String?, feedURL: String, entryKey: String, entry: Entry) {
            self.feedTitle = feedTitle; self.feedURL = feedURL; self.entryKey = entryKey; self.entry = entry
        }
    }

    /// Every alert `text` raises; empty when no watch fires. Entity extraction runs only then.
    public func alerts(for source: Source, text: EntryText, now: Timestamp) -> [Alert] {
        let (hits, rules) = matcher.evaluate(text)
        guard !hits.isEmpty || !rules.isEmpty else { return [] }
        let entities = summarizeEntities(text, hits: hits)
        let feed = Alert.FeedRef(title: source.feedTitle, url: source.feedURL)
        let title = text.title.count > maxTitleCharacters ? text.title.prefix(maxTitleCharacters - 1) + "…" : text.title
        let origin = source.entry.source
        let originURL = origin?.href ?? origin?.link
        let originTitle = text.source.count > maxTitleCharacters ? text.source.prefix(maxTitleCharacters - 1) + "…" : text.source
        let entry = Alert.EntryRef(id: source.entryKey, title: title.isEmpty ? nil : title,
                                   link: source.entry.link, published: source.entry.date,
                                   source: originTitle.isEmpty && originURL == nil ? nil
                                       : Alert.SourceRef(title: originTitle.isEmpty ? nil : originTitle, url: originURL))
        var alerts = hits.map { hit in
            Alert(id: Alert.makeID(feedURL: source.feedURL, entryKey: source.entryKey, watchOrRule: hit.watch.name, isRule: false),
                  time: now, watch: hit.watch.name, rule: nil, type: hit.watch.kind.rawValue, severity: hit.watch.severity,
                  feed: feed, entry: entry, matches: Array(hit.locations.prefix(maxMatches)), entities: entities)
        }
        for rule in rules {
            let names = Set(rule.expression.mentionedNames.map { matcher.watchName(for: $0) ?? $0 })
            let matches = hits.filter { names.contains($0.watch.name) }.flatMap(\.locations)
            alerts.append(Alert(id: Alert.makeID(feedURL: source.feedURL, entryKey: source.entryKey, watchOrRule: rule.name, isRule: true),
                                time: now, watch: nil, rule: rule.name, type: "rule", severity: rule.severity,
                                feed: feed, entry: entry, matches: Array(matches.prefix(maxMatches)), entities: entities))
        }
        return alerts
    }

    /// Entities of the whole entry; a name a watch knows takes the watch's type.
    func summarizeEntities(_ text: EntryText, hits: [WatchHit]) -> [Alert.EntitySummary] {
        var whole = text.fields.map(\.1).joined(separator: "\n\n")
        if whole.utf8.count > maxEntityTextBytes {
            whole = String(decoding: whole.utf8.prefix(maxEntityTextBytes), as: UTF8.self)
        }
        var known: [String: String] = [:]
        for watch in matcher.watches where watch.kind != .topic {
            let type: String = watch.kind == .person ? "PER" : watch.kind == .place ? "LOC" : "ORG"
            for form in [watch.name] + watch.aliases { known[TextFolding.fold(form)] = type }
        }
        return extractor.extract(whole).prefix(maxEntities).map { entity in
            Alert.EntitySummary(text: entity.text, type: known[TextFolding.fold(entity.text)] ?? entity.kind.rawValue,
                                mentions: entity.mentions.count)
        }
    }
}
