import Testing
import Watching

/// `WatchMatcher`: which watches fire on an entry, and where.
@Suite("WatchMatcher")
struct WatchMatcherTests {
    static let putin = Watch(name: "Vladimir Putin", kind: .person, aliases: ["Putin", "President Putin"])
    /// "Paul" is weak: it needs context, a title, or the full name.
    static let randPaul = Watch(name: "Rand Paul", kind: .person, aliases: ["Paul"], context: ["Kentucky", "libertarian"])
    static let mueller = Watch(name: "Robert Mueller", kind: .person, aliases: ["Mueller", "Robert S. Mueller III"],
                               context: ["special counsel", "investigation", "FBI"], exclude: ["Bayern", "Bundesliga"])
    static let sanctions = Watch(name: "sanctions", kind: .topic, terms: ["sanction", "embargo", "asset freeze"])

    private func hits(_ watches: [Watch], title: String = "", summary: String = "", content: String = "") -> [WatchHit] {
        WatchMatcher(watches: watches).match(EntryText(title: title, summary: summary, content: content))
    }

    private func matched(_ watch: Watch, _ text: String) -> [String] {
        hits([watch], content: text).first?.locations.map(\.text) ?? []
    }

    private func slice(_ text: String, _ m: MatchLocation) -> String {
        let scalars = Array(text.unicodeScalars)
        var out = ""
        out.unicodeScalars.append(contentsOf: scalars[m.start..<m.end])
        return out
    }

    // MARK: Words

    @Test func wholeWordsOnly() {
        #expect(matched(Self.putin, "Putinism is spreading") == [])
        #expect(matched(Self.putin, "the Putins of this world") == [])
        #expect(matched(Self.putin, "Rasputin's daughter") == [])
        #expect(matched(Self.putin, "said Putin.") == ["Putin"])
    }

    @Test func caseAndDiacriticsDoNotMatter() {
        #expect(matched(Self.putin, "PUTIN and putin and Putin") == ["PUTIN", "putin", "Putin"])
        let muller = Watch(name: "Thomas Müller", kind: .person)
        #expect(matched(muller, "Thomas Mueller scored") == ["Thomas Mueller"])
        #expect(matched(muller, "THOMAS MULLER scored") == ["THOMAS MULLER"])
    }

    /// Capitals are the point of an acronym: "US" is the country, "us" a pronoun; "IS" the
    /// group, "is" a verb. Other names stay case-insensitive.
    @Test func acronymsMatchOnlyInCapitals() {
        let us = Watch(name: "United States", kind: .place, aliases: ["US", "U.S."])
        #expect(matched(us, "Let us know what the US envoy said") == ["US"])
        #expect(matched(us, "talks with U.S. officials") == ["U.S."])
        #expect(matched(us, "they told us nothing") == [])
        #expect(matched(us, "the united states of mind") == ["united states"])
        let isis = Watch(name: "Islamic State", kind: .organization, aliases: ["IS", "ISIS"])
        #expect(matched(isis, "It is what it is") == [])
        #expect(matched(isis, "fighters loyal to IS and to Isis") == ["IS"])
        let nato = Watch(name: "NATO", kind: .organization)
        #expect(matched(nato, "a NATO summit, not a nato one") == ["NATO"])
        // A one-letter capital ("A Team") or a mixed-case name is not an acronym.
        #expect(matched(Watch(name: "Kim", kind: .person), "KIM and kim") == ["KIM", "kim"])
    }

    @Test func possessiveAndHyphenatedForms() {
        #expect(matched(Self.putin, "Putin's spokesman") == ["Putin"])
        #expect(matched(Self.putin, "Putin\u{2019}s spokesman") == ["Putin"])
        #expect(matched(Self.putin, "Vladimir Putin's letter") == ["Vladimir Putin"])
        #expect(matched(Self.putin, "Putin-backed separatists and anti-Putin protests") == ["Putin", "Putin"])
    }

    @Test func multiWordNamesAcrossLineBreaksAndExtraSpaces() throws {
        let text = "Talks with Vladimir\n    Putin and Vladimir \t Putin ended."
        let hit = try #require(hits([Self.putin], content: text).first)
        #expect(hit.locations.count == 2)
        for m in hit.locations {
            #expect(m.text == slice(text, m))
            #expect(m.text.hasPrefix("Vladimir") && m.text.hasSuffix("Putin"))
        }
        #expect(hit.locations[0].start == 11)
    }

    @Test func overlappingNameAndAliasAreReportedOnce() throws {
        let hit = try #require(hits([Self.putin], content: "Vladimir Putin met President Putin and then Putin left.").first)
        #expect(hit.locations.map(\.text) == ["Vladimir Putin", "President Putin", "Putin"])
    }

    @Test func matchOffsetsSliceTheFieldText() throws {
        // Scalar offsets, counted from the start of the field the match is in.
        let title = "👍🏽 Müller: Republican U.S. Senator delivers letter from Trump to Putin"
        let content = "Éric said\r\nVladimir Putin's aides, and Putin-backed groups."
        let hit = try #require(hits([Self.putin], title: title, content: content).first)
        #expect(hit.locations.map(\.field) == [.title, .content, .content])
        for m in hit.locations {
            let field = m.field == .title ? title : content
            #expect(slice(field, m) == m.text)
        }
        #expect(hit.locations.map(\.text) == ["Putin", "Vladimir Putin", "Putin"])
        #expect(hit.locations[1].start == 11 && hit.locations[1].end == 25)
    }

    @Test func designAlertExampleOffsets() throws {
        let hit = try #require(hits([Self.putin], title: "Republican U.S. Senator delivers letter from Trump to Putin").first)
        let m = try #require(hit.locations.first)
        #expect(m.text == "Putin" && m.field == .title && m.start == 54 && m.end == 59)
        #expect(m.snippet.hasSuffix("delivers letter from Trump to Putin"))
    }

    // MARK: Topics

    @Test func topicTermsMatchTheirInflections() {
        let text = "New sanctions. The firm was sanctioned after sanctioning others; a sanction."
        #expect(matched(Self.sanctions, text) == ["sanctions", "sanctioned", "sanctioning", "sanction"])
        #expect(matched(Self.sanctions, "the sanctity of the vote") == [])
        #expect(matched(Self.sanctions, "an asset freeze and an embargo") == ["asset freeze", "embargo"])
        #expect(matched(Self.sanctions, "Sanctions") == ["Sanctions"])
    }

    @Test
    func designTopicTermsMatchTheirInflections() {
        #expect(matched(Self.sanctions, "embargoed goods") == ["embargoed"])
        #expect(matched(Self.sanctions, "embargoes") == ["embargoes"])
        #expect(matched(Self.sanctions, "asset freezes") == ["asset freezes"])
        let rescue = Watch(name: "rescue", kind: .topic, terms: ["rescue"])
        #expect(matched(rescue, "hostages rescued") == ["rescued"])
        #expect(matched(rescue, "rescues") == ["rescues"])
    }

    // MARK: Weak aliases

    @Test func weakAliasNeedsContext() {
        #expect(matched(Self.randPaul, "Paul said on Monday.") == [])
        #expect(matched(Self.randPaul, "Paul said on Monday that Kentucky farmers would gain.") == ["Paul"])
        #expect(matched(Self.randPaul, "Paul, a libertarian, said so.") == ["Paul"])
        // Context may stand in any field.
        #expect(hits([Self.randPaul], title: "Paul said on Monday", summary: "Kentucky").first?.locations.map(\.text) == ["Paul"])
    }

    @Test func aTitleBeforeAWeakAliasIsSupportEnough() {
        #expect(matched(Self.randPaul, "Senator Paul said on Monday.") == ["Paul"])
        #expect(matched(Self.randPaul, "Sen. Paul said on Monday.") == ["Paul"])
        #expect(matched(Self.randPaul, "At Senator Paul's request.") == ["Paul"])
    }

    @Test func theFullNameSupportsTheWeakAlias() {
        #expect(matched(Self.randPaul, "Rand Paul spoke. Reporters said Paul left.") == ["Rand Paul", "Paul"])
        #expect(matched(Self.mueller, "Robert Mueller spoke, and then Mueller left.") == ["Robert Mueller", "Mueller"])
    }

    @Test func weakAliasInsideAnotherNameDoesNotFire() {
        // Context present, but each "Paul" / "Mueller" belongs to someone or something else.
        #expect(matched(Self.randPaul, "Paul Ryan spoke about Kentucky.") == [])
        #expect(matched(Self.randPaul, "They flew to St. Paul, then Kentucky.") == [])
        #expect(matched(Self.randPaul, "Ron Paul, a libertarian.") == [])
        #expect(matched(Self.mueller, "Mueller Industries faces an FBI investigation.") == [])
        #expect(matched(Self.mueller, "Gerd Müller and the FBI investigation.") == [])
    }

    @Test
    func weakAliasAfterPunctuationStillFires() {
        #expect(matched(Self.randPaul, "Talks were held in Moscow. Paul said Kentucky would gain.") == ["Paul"])
        #expect(matched(Self.randPaul, "In Kentucky, Paul said so.") == ["Paul"])
        #expect(matched(Self.randPaul, "Trump, Paul and Kentucky.") == ["Paul"])
        #expect(matched(Self.randPaul, "Rand Paul spoke. Later, Paul left.") == ["Rand Paul", "Paul"])
    }

    @Test func strongAliasWithoutContextFiresAlone() {
        // Putin's watch has no context list, so one-word "Putin" is not weak.
        #expect(matched(Self.putin, "Putin said so.") == ["Putin"])
    }

    // MARK: Exclude and fields

    @Test func excludeVetoesTheWatch() {
        #expect(matched(Self.mueller, "Mueller's investigation widened.") == ["Mueller"])
        #expect(matched(Self.mueller, "Robert Mueller leads the investigation.") == ["Robert Mueller"])
        #expect(hits([Self.mueller], content: "Robert Mueller's investigation. Bayern won.").isEmpty)
        #expect(hits([Self.mueller], title: "Bundesliga round-up", content: "Robert Mueller spoke.").isEmpty)
        // Only the excluded watch is vetoed.
        let both = hits([Self.mueller, Self.putin], content: "Robert Mueller and Putin watched Bayern.")
        #expect(both.map(\.watch.name) == ["Vladimir Putin"])
    }

    @Test func fieldsRestrictWhereAWatchMatches() {
        var titleOnly = Self.putin
        titleOnly.fields = [.title]
        #expect(hits([titleOnly], summary: "Putin spoke").isEmpty)
        #expect(hits([titleOnly], content: "Putin spoke").isEmpty)
        let hit = hits([titleOnly], title: "Putin spoke", content: "Putin again")
        #expect(hit.first?.locations.map(\.field) == [.title])
        var content = Self.putin
        content.fields = [.summary, .content]
        #expect(hits([content], title: "Putin spoke", summary: "Vladimir Putin").first?.locations.map(\.field) == [.summary])
    }

    @Test func hitsComeInWatchListOrderAndOnlyForWatchesThatFire() {
        let all = [Self.sanctions, Self.putin, Self.randPaul, Self.mueller]
        let result = hits(all, content: "Putin faces new sanctions.")
        #expect(result.map(\.watch.name) == ["sanctions", "Vladimir Putin"])
        #expect(hits(all, content: "Nothing of interest.").isEmpty)
        #expect(hits(all).isEmpty)
    }

    @Test func summaryRepeatingTheContentIsSearchedOnce() {
        let text = EntryText(title: "", summary: "Putin spoke", content: "Putin spoke at length.")
        let hit = WatchMatcher(watches: [Self.putin]).match(text)
        #expect(hit.first?.locations.map(\.field) == [.content])
    }

    @Test func firedRules() {
        let rule = Rule(name: "putin-and-sanctions", expression: .and(.watch("Vladimir Putin"), .watch("sanctions")))
        let other = Rule(name: "paul", expression: .watch("Rand Paul"))
        let matcher = WatchMatcher(watches: [Self.putin, Self.sanctions, Self.randPaul], rules: [rule, other])
        #expect(matcher.firedRules(matcher.match(EntryText(content: "Putin faces sanctions."))) == [rule])
        #expect(matcher.firedRules(matcher.match(EntryText(content: "Putin spoke."))) == [])
    }
}
