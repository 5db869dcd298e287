import FeedModel
import Testing
@testable import Watching

/// Field prefixes and NEAR/n in rules (issue #7).
struct RuleFieldsAndNearTests {
    let putin = Watch(name: "Vladimir Putin", kind: .person, aliases: ["Putin"])
    let sanctions = Watch(name: "sanctions", kind: .topic, terms: ["sanction"])
    let syria = Watch(name: "Syria", kind: .place)

    func rules(_ when: String) throws -> [Rule] {
        [Rule(name: "r", expression: try RuleParser().parse(when))]
    }

    func fires(_ when: String, title: String = "", content: String) throws -> Bool {
        let matcher = WatchMatcher(watches: [putin, sanctions, syria], rules: try rules(when))
        return !matcher.evaluate(EntryText(title: title, content: content)).rules.isEmpty
    }

    @Test func parsesPrefixesAndNear() throws {
        let e = try RuleParser().parse(#""Vladimir Putin" AND (sanctions OR Syria) AND NOT title:opinion"#)
        #expect(e == .and(.and(.watch("Vladimir Putin"), .or(.watch("sanctions"), .watch("Syria"))), .not(.term("opinion", field: .title))))
        #expect(try RuleParser().parse("Putin NEAR/5 sanctions") == .near(.watch("Putin"), .watch("sanctions"), 5))
        #expect(try RuleParser().parse(#"content:"Vladimir Putin" NEAR/3 text:kremlin"#) ==
                .near(.term("Vladimir Putin", field: .content), .term("kremlin", field: nil), 3))
        #expect(e.watchNames == ["Vladimir Putin", "sanctions", "Syria"], "a prefixed word need not be a watch")
    }

    @Test func nearRejectsGroupsAndBadDistances() {
        #expect(throws: RuleParser.ParseError.self) { _ = try RuleParser().parse("(A OR B) NEAR/3 C") }
        #expect(throws: RuleParser.ParseError.self) { _ = try RuleParser().parse("A NEAR/0 C") }
        #expect(throws: RuleParser.ParseError.self) { _ = try RuleParser().parse("title: AND B") }
    }

    @Test func fieldPrefixesLookAtOneField() throws {
        let rule = #""Vladimir Putin" AND sanctions AND NOT title:opinion"#
        #expect(try fires(rule, title: "Putin weighs sanctions", content: "Putin said sanctions hurt."))
        #expect(try !fires(rule, title: "Opinion: Putin and sanctions", content: "Putin said sanctions hurt."))
        #expect(try fires(#"title:"Vladimir Putin""#, title: "Putin speaks", content: "nothing"))
        #expect(try !fires(#"title:"Vladimir Putin""#, title: "Speech", content: "Putin spoke."))
        #expect(try fires("text:helsinki AND Putin", content: "Putin met Trump in Helsinki."))
    }

    @Test func nearMeasuresWordsWithinAField() throws {
        #expect(try fires("Putin NEAR/3 sanctions", content: "Putin rejected the new sanctions outright."))
        #expect(try !fires("Putin NEAR/3 sanctions", content: "Putin spoke on Monday about many things, and later, separately, officials discussed sanctions."))
        #expect(try !fires("Putin NEAR/3 sanctions", title: "Putin", content: "sanctions"), "different fields are never near")
        #expect(try fires("text:kremlin NEAR/2 Syria", content: "The Kremlin on Syria: no change."))
    }

    @Test func ruleAlertsShowTheMatchesOfPrefixedWatchesToo() throws {
        let factory = AlertFactory(matcher: WatchMatcher(watches: [putin, sanctions], rules: try rules("title:Putin NEAR/4 sanctions")))
        var entry = Entry()
        entry.id = "e"
        let alerts = factory.alerts(for: .init(feedTitle: nil, feedURL: "f", entryKey: "e", entry: entry),
                                    text: EntryText(title: "Putin threatens sanctions"), now: Timestamp(secondsSince1970: 0))
        let rule = try #require(alerts.first { $0.rule == "r" })
        #expect(Set(rule.matches.map(\.text)) == ["Putin", "sanctions"])
    }
}

/// A one-word alias that is a common first name is weak even without `context` (issue #7).
struct CommonNameAliasTests {
    let paul = Watch(name: "Rand Paul", kind: .person, aliases: ["Paul"])
    let putin = Watch(name: "Vladimir Putin", kind: .person, aliases: ["Putin"])

    func fired(_ text: String, lists: (@Sendable ([String]) -> [String])? = WatchMatcher.shippedNameLists) -> [String] {
        WatchMatcher(watches: [paul, putin], nameLists: lists).match(EntryText(content: text)).map(\.watch.name)
    }

    @Test func theShippedGazetteerKnowsPaulButNotPutin() throws {
        let lists = try #require(WatchMatcher.shippedNameLists, "the entity model's gazetteers were not found")
        #expect(lists(["Paul"]).contains("firstname"))
        #expect(!lists(["Putin"]).contains("firstname"))
    }

    @Test func aCommonFirstNameAliasNeedsATitleOrTheFullName() {
        #expect(fired("Paul said the bill would pass.") == [])
        #expect(fired("Senator Paul said the bill would pass.") == ["Rand Paul"])
        #expect(fired("Rand Paul spoke. Later Paul left.") == ["Rand Paul"])
        #expect(fired("Putin said the bill would pass.") == ["Vladimir Putin"], "a rare surname stays strong")
        #expect(fired("Paul said the bill would pass.", lists: nil) == ["Rand Paul"], "without gazetteers the alias is strong")
    }
}
