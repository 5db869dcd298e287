import Foundation
import Testing
import TestSupport
@testable import Entities

/// `EntityExtractor` on the shipped sample article and on small texts.
@Suite("EntityExtractor")
struct EntityExtractorTests {
    static var packageRoot: URL { TestPaths.packageRoot }

    static func sample() throws -> String {
        try String(contentsOf: packageRoot.appendingPathComponent("config/samples/putin-letter.txt"), encoding: .utf8)
    }

    private let extractor = EntityExtractor()

    private func slice(_ text: String, _ r: Range<Int>) -> String {
        let scalars = Array(text.unicodeScalars)
        var out = ""
        out.unicodeScalars.append(contentsOf: scalars[r])
        return out
    }

    private func entity(_ entities: [Entity], _ text: String) -> Entity? { entities.first { $0.text == text } }

    // MARK: The sample article

    @Test func sampleArticlePeople() throws {
        let text = try Self.sample()
        let entities = extractor.extract(text)
        let peskov = try #require(entity(entities, "Dmitry Peskov"))
        #expect(peskov.kind == .person)
        let mueller = try #require(entity(entities, "Robert Mueller"))
        #expect(mueller.kind == .person)
        let paul = try #require(entity(entities, "Paul"))
        #expect(paul.kind == .person)
        // "Paul said", "Senator Paul's request", "asked Paul", "Paul, a member".
        #expect(paul.mentions.count >= 3)
        #expect(entity(entities, "Vanessa Coleman")?.kind == .person)
    }

    @Test func sampleArticlePlacesAndOrganisations() throws {
        let entities = extractor.extract(try Self.sample())
        let moscow = try #require(entity(entities, "Moscow"))
        #expect(moscow.kind == .location)
        #expect(moscow.mentions.count == 3)
        #expect(entity(entities, "Syria")?.kind == .location)
        #expect(entity(entities, "Senate Foreign Relations Committee")?.kind == .organization)
        #expect(entity(entities, "RIA Novosti")?.kind == .organization)
    }

    @Test func sampleArticleCountsEveryTrumpAndPutin() throws {
        let entities = extractor.extract(try Self.sample())
        // Seven of each in the text, "While Trump", "Trump's behalf" and "Putin's press" included.
        #expect(entity(entities, "Trump")?.mentions.count == 7)
        #expect(entity(entities, "Putin")?.mentions.count == 7)
    }

    @Test func sentenceInitialFunctionWordsAreNotPartOfNames() throws {
        let entities = extractor.extract(try Self.sample())
        let texts = entities.map(\.text)
        #expect(!texts.contains { $0.contains("While") })
        for word in ["The", "According", "At", "He", "While", "This"] {
            #expect(!texts.contains { $0 == word || $0.hasPrefix(word + " ") }, "\(word)")
        }
    }

    @Test func mentionOffsetsSliceTheName() throws {
        let text = try Self.sample()
        for e in extractor.extract(text) {
            #expect(!e.mentions.isEmpty)
            #expect(e.mentions == e.mentions.sorted { $0.lowerBound < $1.lowerBound })
            let words = e.text.split(separator: " ").map(String.init)
            for r in e.mentions {
                let written = slice(text, r)
                // A mention is the full name, one of its words ("Paul" of "Rand Paul"), or
                // another name of the same place ("Russia" of "Russian Federation").
                let samePlace = PlaceAliases.key(written).map { $0 == PlaceAliases.key(e.text) } ?? false
                #expect(written == e.text || words.contains(written) || samePlace, "\(e.text): \(written)")
            }
        }
    }

    @Test func entitiesAreOrderedByMentionCount() throws {
        let entities = extractor.extract(try Self.sample())
        let counts = entities.map(\.mentions.count)
        #expect(counts == counts.sorted(by: >))
    }

    // MARK: Small texts

    @Test func titlesTypeASurnameAndAreNotPartOfIt() throws {
        let entities = extractor.extract("The bill was blocked by Senator Paul on Monday.")
        let paul = try #require(entity(entities, "Paul"))
        #expect(paul.kind == .person)
        #expect(slice("The bill was blocked by Senator Paul on Monday.", paul.mentions[0]) == "Paul")
        #expect(!entities.contains { $0.text.contains("Senator") })
    }

    @Test func surnameMentionsJoinTheFullName() throws {
        let text = "Officials met Rand Paul in Moscow. Later, officials said Paul was pleased."
        let entities = extractor.extract(text)
        let rand = try #require(entity(entities, "Rand Paul"))
        #expect(rand.kind == .person)
        #expect(rand.mentions.map { slice(text, $0) } == ["Rand Paul", "Paul"])
        #expect(entity(entities, "Paul") == nil)
    }

    @Test func organisationWordsMakeOrganisations() {
        let entities = extractor.extract("Investors bought shares of Mueller Industries, and the Foreign Relations Committee met.")
        #expect(entities.first { $0.text == "Mueller Industries" }?.kind == .organization)
        #expect(entities.first { $0.text == "Foreign Relations Committee" }?.kind == .organization)
    }

    @Test func loneSentenceInitialWordNeedsAnotherCapitalisedMention() {
        // "Sanctions" starts the sentence and never appears capitalised elsewhere: not a name.
        #expect(extractor.extract("Sanctions were imposed on the firm.").isEmpty)
        let entities = extractor.extract("Gazprom said it would comply. Officials at Gazprom declined to comment.")
        #expect(entities.first { $0.text == "Gazprom" }?.mentions.count == 2)
    }

    @Test
    func aParagraphBreakEndsAName() throws {
        // Headlines carry no full stop; the body often starts with a name.
        let entities = extractor.extract("Letter from Trump to Putin\n\nRand Paul said Putin should lift sanctions.")
        #expect(entities.first { $0.text == "Rand Paul" }?.kind == .person)
        #expect(!entities.contains { $0.text.contains("Putin") && $0.text.contains("Rand") })
        #expect(extractor.extract("MOSCOW\n\nRand Paul met officials.").contains { $0.text == "Rand Paul" })
    }

    @Test func emptyText() {
        #expect(extractor.extract("").isEmpty)
        #expect(extractor.extract("all lower case words here.").isEmpty)
    }
}
