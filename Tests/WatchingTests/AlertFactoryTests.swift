import Foundation
import Testing
import FeedModel
import Watching

/// `AlertFactory` and `Alert.json`: what goes into the alert log.
@Suite("AlertFactory")
struct AlertFactoryTests {
    static let putin = Watch(name: "Vladimir Putin", kind: .person, aliases: ["Putin", "President Putin"])
    static let randPaul = Watch(name: "Rand Paul", kind: .person, aliases: ["Paul", "Senator Paul"], context: ["senator"])
    static let sanctions = Watch(name: "sanctions", kind: .topic, terms: ["sanction"], severity: .low)
    static let rule = Rule(name: "putin-and-sanctions", expression: .and(.watch("Vladimir Putin"), .watch("sanctions")),
                           severity: .high)

    static let title = "Republican U.S. Senator delivers letter from Trump to Putin"
    static let content = "\u{201C}Sanctions must go,\u{201D} Rand Paul said of Putin. Reporters said Paul met the senator's staff."

    static func factory(rules: [Rule] = [rule]) -> AlertFactory {
        AlertFactory(matcher: WatchMatcher(watches: [putin, randPaul, sanctions], rules: rules))
    }

    static func source(feedURL: String = "https://example.org/world/rss.xml", key: String = "urn:entry:1") -> AlertFactory.Source {
        var entry = Entry()
        entry.id = key
        entry.link = "https://example.org/world/1"
        entry.published = Timestamp(year: 2018, month: 8, day: 8, hour: 10)
        return AlertFactory.Source(feedTitle: "World news", feedURL: feedURL, entryKey: key, entry: entry)
    }

    static let now = Timestamp(year: 2026, month: 11, day: 26, hour: 21, minute: 30)!

    private func alerts(_ factory: AlertFactory = factory(), source: AlertFactory.Source = source(),
                        now: Timestamp = now) -> [Alert] {
        factory.alerts(for: source, text: EntryText(title: Self.title, content: Self.content), now: now)
    }

    @Test func oneAlertPerWatchThenOnePerRule() {
        let a = alerts()
        #expect(a.map { $0.watch ?? "rule:" + ($0.rule ?? "?") } == ["Vladimir Putin", "Rand Paul", "sanctions", "rule:putin-and-sanctions"])
        #expect(a.map(\.type) == ["person", "person", "topic", "rule"])
        #expect(a.map(\.severity) == [.normal, .normal, .low, .high])
    }

    @Test func noWatchNoAlert() {
        let none = Self.factory().alerts(for: Self.source(), text: EntryText(title: "Weather", content: "Rain in Kentucky."), now: Self.now)
        #expect(none.isEmpty)
    }

    @Test func idsAreStableAcrossCallsAndTime() {
        let first = alerts().map(\.id)
        let again = alerts(now: Timestamp(secondsSince1970: 0)).map(\.id)
        #expect(first == again)
        #expect(first.allSatisfy { $0.count == 32 && $0.allSatisfy { "0123456789abcdef".contains($0) } })
    }

    @Test func idsAreDistinctPerWatchRuleEntryAndFeed() {
        let ids = alerts().map(\.id)
        #expect(Set(ids).count == ids.count)
        let otherEntry = alerts(source: Self.source(key: "urn:entry:2")).map(\.id)
        let otherFeed = alerts(source: Self.source(feedURL: "https://other.example/rss")).map(\.id)
        #expect(Set(ids).isDisjoint(with: otherEntry))
        #expect(Set(ids).isDisjoint(with: otherFeed))
        // A rule that happens to share a watch's name still gets its own id.
        let sameName = Rule(name: "Vladimir Putin", expression: .watch("Vladimir Putin"))
        let a = alerts(Self.factory(rules: [sameName]))
        let watchAlert = a.first { $0.watch == "Vladimir Putin" }
        let ruleAlert = a.first { $0.rule == "Vladimir Putin" }
        #expect(watchAlert != nil && ruleAlert != nil && watchAlert?.id != ruleAlert?.id)
        #expect(Alert.makeID(feedURL: "f", entryKey: "e", watchOrRule: "n", isRule: false)
            != Alert.makeID(feedURL: "f", entryKey: "e", watchOrRule: "n", isRule: true))
    }

    @Test func ruleAlertCarriesRuleNotWatch() throws {
        let ruleAlert = try #require(alerts().last)
        #expect(ruleAlert.watch == nil && ruleAlert.rule == "putin-and-sanctions" && ruleAlert.type == "rule")
        // Its matches are those of the watches the formula names: Putin (title, content) and sanctions.
        #expect(ruleAlert.matches.map(\.text) == ["Putin", "Putin", "Sanctions"])
        let json = ruleAlert.json
        #expect(json["rule"] == .string("putin-and-sanctions"))
        #expect(json["watch"] == nil)
        #expect(json["type"] == .string("rule"))
        #expect(json["severity"] == .string("high"))
        guard case let .object(pairs) = json else { Issue.record("not an object"); return }
        #expect(pairs.map(\.0) == ["id", "time", "rule", "type", "severity", "feed", "entry", "matches", "entities"])
    }

    @Test func watchAlertJSONFollowsDesign() throws {
        let alert = try #require(alerts().first)
        let json = alert.json
        guard case let .object(pairs) = json else { Issue.record("not an object"); return }
        #expect(pairs.map(\.0) == ["id", "time", "watch", "type", "severity", "feed", "entry", "matches", "entities"])
        #expect(json["id"] == .string(alert.id))
        #expect(json["time"] == .string("2026-11-26T21:30:00Z"))
        #expect(json["watch"] == .string("Vladimir Putin"))
        #expect(json["type"] == .string("person"))
        #expect(json["severity"] == .string("normal"))
        #expect(json["feed"] == .object([("title", .string("World news")), ("url", .string("https://example.org/world/rss.xml"))]))
        #expect(json["entry"] == .object([
            ("id", .string("urn:entry:1")), ("title", .string(Self.title)),
            ("link", .string("https://example.org/world/1")), ("published", .string("2018-08-08T10:00:00Z")),
        ]))
        let firstMatch = try #require(json["matches"]?.arrayValue?.first)
        guard case let .object(matchPairs) = firstMatch else { Issue.record("match not an object"); return }
        #expect(matchPairs.map(\.0) == ["text", "field", "start", "end", "snippet"])
        #expect(firstMatch["text"] == .string("Putin"))
        #expect(firstMatch["field"] == .string("title"))
        #expect(firstMatch["start"] == .int(54))
        #expect(firstMatch["end"] == .int(59))
        let entity = try #require(json["entities"]?.arrayValue?.first)
        guard case let .object(entityPairs) = entity else { Issue.record("entity not an object"); return }
        #expect(entityPairs.map(\.0) == ["text", "type", "mentions"])
    }

    @Test func serializedAlertIsOneParseableLine() throws {
        for alert in alerts() {
            let line = alert.json.serialized()
            #expect(!line.contains("\n"))
            #expect(line.hasPrefix("{\"id\":\"\(alert.id)\",\"time\":"))
            let parsed = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]
            #expect(parsed?["id"] as? String == alert.id)
        }
    }

    @Test func matchesOfAWatchAlertSliceTheirFields() throws {
        let paul = try #require(alerts().first { $0.watch == "Rand Paul" })
        #expect(paul.matches.map(\.text) == ["Rand Paul", "Paul"])
        for m in paul.matches {
            let field = m.field == .title ? Self.title : Self.content
            let scalars = Array(field.unicodeScalars)
            var s = ""
            s.unicodeScalars.append(contentsOf: scalars[m.start..<m.end])
            #expect(s == m.text)
        }
    }

    @Test func entitiesAreSummarisedWithWatchTypes() throws {
        let alert = try #require(alerts().first)
        let rand = try #require(alert.entities.first { $0.text == "Rand Paul" })
        #expect(rand.type == "PER")
        #expect(rand.mentions == 2)
        // "Putin" alone has no cue in this text; the watch list knows it is a person.
        #expect(alert.entities.first { $0.text == "Putin" }?.type == "PER")
        // Every alert of one entry shares the same entity summary.
        #expect(Set(alerts().map { $0.entities.map(\.text) }).count == 1)
    }

    @Test
    func entitiesDoNotRunAcrossFields() throws {
        let text = EntryText(title: Self.title, content: "Rand Paul said Putin should lift sanctions.")
        let alert = try #require(Self.factory().alerts(for: Self.source(), text: text, now: Self.now).first)
        #expect(alert.entities.contains { $0.text == "Rand Paul" && $0.type == "PER" })
        #expect(!alert.entities.contains { $0.text.contains("Putin") && $0.text.contains("Rand") })
    }

    @Test func maxEntitiesLimitsTheSummary() {
        var factory = Self.factory()
        factory.maxEntities = 1
        #expect(alerts(factory).allSatisfy { $0.entities.count == 1 })
    }
}

/// Bounds that keep a hostile entry's alert line small (docs/reliability.md, "Hostile servers").
@Suite("AlertFactory bounds")
struct AlertFactoryBoundsTests {
    @Test func aHugeEntryGivesABoundedAlert() {
        let factory = AlertFactoryTests.factory(rules: [])
        let title = "Putin " + String(repeating: "word ", count: 5_000)
        let content = String(repeating: "Vladimir Putin spoke. ", count: 5_000)
        let alerts = factory.alerts(for: AlertFactoryTests.source(), text: EntryText(title: title, content: content),
                                    now: AlertFactoryTests.now)
        let putin = alerts.first { $0.watch == "Vladimir Putin" }
        #expect(putin?.matches.count == factory.maxMatches)
        #expect(putin?.entry.title?.count == factory.maxTitleCharacters)
        #expect(putin?.entry.title?.hasSuffix("…") == true)
        #expect(putin?.entities.first?.text == "Vladimir Putin")
        #expect((putin?.json.serialized().utf8.count ?? .max) < 10_000)
    }

    @Test func manyEscapesSerializeCorrectly() {
        // Each quote is an escape: the serializer once copied its whole output per escape.
        let text = String(repeating: "a\"b\n", count: 20_000)
        let line = JSONValue.string(text).serialized()
        #expect(line.utf8.count == 2 + 20_000 * 6)
        #expect(line.hasPrefix("\"a\\\"b\\na\\\"b\\n"))
    }

    @Test func theOutletGoesWithTheAlertAndWithEachMergedCopy() {
        var source = AlertFactoryTests.source()
        var origin = FeedInfo()
        origin.href = "https://www.reuters.com"
        source.entry.source = origin
        let alert = AlertFactoryTests.factory().alerts(for: source, text: EntryText(title: AlertFactoryTests.title, source: "Reuters"), now: AlertFactoryTests.now)[0]
        #expect(alert.entry.source == Alert.SourceRef(title: "Reuters", url: "https://www.reuters.com"))
        #expect(alert.json.serialized().contains("\"source\":{\"title\":\"Reuters\",\"url\":\"https://www.reuters.com\"}"))
        #expect(alert.sourceJSON.serialized().contains("\"source\":{\"title\":\"Reuters\""), "listed under `sources` too")
        #expect(AlertFactoryTests.factory().alerts(for: AlertFactoryTests.source(), text: EntryText(title: AlertFactoryTests.title), now: AlertFactoryTests.now)[0].entry.source == nil)
    }
}
