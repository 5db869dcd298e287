import Foundation
import Testing
import TestSupport
@testable import Entities

/// The statistical tagger: features, model file, decoding, gazetteers, and the shipped model
/// on the sample article.
@Suite("NERTagger")
struct TaggerTests {
    static var packageRoot: URL { TestPaths.packageRoot }

    static let shipped: NERTagger = try! NERTagger.shipped()

    static func sample() throws -> String {
        try String(contentsOf: packageRoot.appendingPathComponent("config/samples/putin-letter.txt"), encoding: .utf8)
    }

    // MARK: Features

    @Test func tokenFormsAreCaseBlindWhereTheyShouldBe() {
        let a = TokenInfo("Putin"), b = TokenInfo("PUTIN"), c = TokenInfo("putin")
        #expect(a.lower == b.lower && b.lower == c.lower)
        #expect(a.word != b.word)
        #expect(a.capitalized && b.capitalized && !c.capitalized)
        #expect(b.allCaps && !a.allCaps)
        #expect(a.shortShape == TokenInfo("Moscow").shortShape)   // Xx
        #expect(a.shape != TokenInfo("Moscow").shape)              // Xxxxx vs Xxxxxx
        #expect(TokenInfo("1996").lower == TokenInfo("2018").lower) // digits fold to 0
        #expect(a.suffix.2 == TokenInfo("Rasputin").suffix.2)      // "tin"
        #expect(TokenInfo("Müller").capitalized && TokenInfo("Müller").lowerScalars == Array("müller".unicodeScalars.map(\.value)))
    }

    @Test func featuresIncludeGazetteerAndNeighbours() {
        var g = Gazetteer()
        g.add("New York", list: 2)
        let ex = FeatureExtractor(gazetteer: g)
        let s = ["He", "flew", "to", "New", "York", "."].map(TokenInfo.init)
        var keys: [UInt64] = [], offsets = [0]
        ex.features(s, doc: DocumentContext([s]), keys: &keys, offsets: &offsets)
        #expect(offsets.count == s.count + 1)
        // "New" carries B-of-a-city-match, "York" L-of-it; "flew" none.
        let newFeatures = Set(keys[offsets[3]..<offsets[4]]), yorkFeatures = Set(keys[offsets[4]..<offsets[5]])
        #expect(newFeatures.contains(FeatureHash.key(Template.gaz.rawValue, 2 * 4 + 0 + 1)))
        #expect(yorkFeatures.contains(FeatureHash.key(Template.gaz.rawValue, 2 * 4 + 2 + 1)))
        let flew = Set(keys[offsets[1]..<offsets[2]])
        #expect(!flew.contains(FeatureHash.key(Template.gaz.rawValue, 2 * 4 + 0 + 1)))
        #expect(newFeatures.contains(FeatureHash.key(Template.lowerP1.rawValue, TokenInfo("York").lower)))
        // Same input, same keys: the model file depends on it.
        var again: [UInt64] = [], o2 = [0]
        ex.features(s, doc: DocumentContext([s]), keys: &again, offsets: &o2)
        #expect(again == keys)
    }

    @Test func historyFeaturesFollowEarlierPredictions() {
        let ex = FeatureExtractor(gazetteer: Gazetteer())
        var h = History()
        let s = ["Putin", "spoke"].map(TokenInfo.init)
        var keys: [UInt64] = []
        ex.historyFeatures(s, 0, history: h, into: &keys)
        #expect(keys.isEmpty)
        h.record(s, [TagSet.tag(type: 0, .unit), 0])
        ex.historyFeatures(s, 0, history: h, into: &keys)
        #expect(keys.contains(FeatureHash.key(Template.history.rawValue, 0)))
        #expect(h.majority(TokenInfo("PUTIN").lower) == 0)
    }

    // MARK: Tags and decoding

    @Test func bioAndBilouConvert() {
        let bio = ["B-PER", "I-PER", "O", "B-LOC", "B-LOC", "I-MISC", "O"]
        let bilou = TagSet.bilou(bio: bio)
        #expect(bilou.map(TagSet.name) == ["B-PER", "L-PER", "O", "U-LOC", "U-LOC", "U-MISC", "O"])
        #expect(TagSet.bio(bilou) == ["B-PER", "I-PER", "O", "B-LOC", "B-LOC", "B-MISC", "O"])
        // IOB1 (I- opening an entity) reads as conlleval reads it.
        #expect(TagSet.spans(bio: ["I-ORG", "I-ORG", "I-LOC"]).map(\.range) == [0..<2, 2..<3])
    }

    @Test func viterbiKeepsTagsConsistent() {
        let T = TagSet.count
        // Emissions alone would say O, I-PER, O: not a valid BILOU sequence.
        var em = [Float](repeating: 0, count: 3 * T)
        em[0 * T + 0] = 1
        em[1 * T + TagSet.tag(type: 0, .inside)] = 5
        em[2 * T + 0] = 1
        let tags = Viterbi.decode(emissions: em, count: 3, transitions: [Float](repeating: 0, count: (T + 1) * T))
        #expect(TagSet.allowed(nil, tags[0]))
        for i in 1..<3 { #expect(TagSet.allowed(tags[i - 1], tags[i])) }
        #expect(TagSet.canEnd(tags[2]))
        // With a clear unit signal, U-LOC wins.
        var em2 = [Float](repeating: 0, count: T)
        em2[TagSet.tag(type: 2, .unit)] = 3
        #expect(Viterbi.decode(emissions: em2, count: 1, transitions: [Float](repeating: 0, count: (T + 1) * T)) == [TagSet.tag(type: 2, .unit)])
    }

    // MARK: Model file

    @Test func modelFileRoundTrips() throws {
        let T = TagSet.count
        var g = Gazetteer()
        g.add("Vladimir Putin", list: 7)
        g.add("Moscow", list: 2)
        var weights = [Float](repeating: 0, count: 3 * T)
        weights[0 * T + 1] = 2.5; weights[0 * T + 0] = -1.25
        weights[1 * T + 16] = 0.75
        weights[2 * T + 3] = 0.001   // below the threshold: dropped
        let transitions = (0..<((T + 1) * T)).map { Float($0 % 7) - 3 }
        let file = ModelFile(transitions: transitions, keys: [11, 22, 33], weights: weights, gazetteer: g)
        let data = file.serialize(threshold: 0.01)
        let back = try ModelFile.parse(data)
        #expect(back.keys == [11, 22])
        #expect(back.transitions == transitions)
        #expect(abs(back.weights[1] - 2.5) < 0.001 && abs(back.weights[0] + 1.25) < 0.001)
        #expect(abs(back.weights[T + 16] - 0.75) < 0.001)
        #expect(back.gazetteer.lists(of: ["vladimir", "PUTIN"]) == ["person"])
        #expect(back.gazetteer.maxWords == 2)
        #expect(throws: NERError.self) { try ModelFile.parse(Array(data.dropLast(3))) }
        #expect(throws: NERError.self) { try NERTagger(modelData: Array("not a model".utf8)) }
    }

    @Test func trainerLearnsATinyCorpus() throws {
        var trainer = NERTrainer(gazetteer: Gazetteer())
        let text = """
        -DOCSTART- O

        Smith O
        visited O
        Paris B-LOC
        . O

        Jones B-PER
        left O
        Berlin B-LOC
        . O

        -DOCSTART- O

        Mr O
        Brown B-PER
        joined O
        Acme B-ORG
        Corp I-ORG
        . O
        """
        trainer.add(ConllDocument.parse(text.replacingOccurrences(of: "Smith O", with: "Smith B-PER")))
        #expect(trainer.tokenCount == 14)
        for e in 1...10 { _ = trainer.epoch(seed: UInt64(e)) }
        let tagger = try NERTagger(modelData: trainer.modelData(threshold: 0))
        #expect(tagger.tag(document: [["Mr", "Brown", "joined", "Acme", "Corp", "."]]) == [["O", "B-PER", "O", "B-ORG", "I-ORG", "O"]])
    }

    // MARK: Gazetteers

    @Test func gazetteerLooksUpCaseBlindMultiWord() {
        let g = TaggerTests.shipped.gazetteer
        #expect(g.lists(of: ["Moscow"]).contains("city"))
        #expect(g.lists(of: ["HELSINKI"]).contains("city"))
        #expect(g.lists(of: ["United", "States"]).contains("country"))
        #expect(g.lists(of: ["Russian"]).contains("demonym"))
        #expect(g.lists(of: ["Vanessa"]).contains("firstname"))
        #expect(g.lists(of: ["Coleman"]).contains("surname"))
        #expect(g.lists(of: ["GmbH"]).contains("orgsuffix"))
        #expect(g.lists(of: ["Minnesota"]).contains("region"))
        #expect(g.lists(of: ["Putin"]).contains("person"))
        #expect(g.lists(of: ["newspaper"]).isEmpty)
        let m = g.matches(lower: ["in", "new", "york", "city"].map { $0.unicodeScalars.map(\.value) }, capitalized: [false, true, true, true])
        #expect(m.contains { $0.start == 1 && $0.length == 2 })
        #expect(!m.contains { $0.start == 0 })
    }

    // MARK: The shipped model

    /// The load time (about 12 ms in a release build) is not asserted: a timed assertion failed
    /// under the sanitizers (0.4–0.8 s with ASan/TSan on a shared machine), and speed belongs to
    /// the benchmarks.
    @Test func shippedModelIsSmallAndLoads() throws {
        let path = NERTagger.modelSearchPaths.first { FileManager.default.fileExists(atPath: $0) }
        let data = try #require(path.flatMap { FileManager.default.contents(atPath: $0) })
        #expect(data.count <= 10_000_000)
        _ = try NERTagger(modelData: [UInt8](data))
    }

    @Test func tagsTokensWithBIO() {
        let tokens = Tokenizer().tokenize("Robert Mueller met officials in Moscow on Monday.")
        let tags = TaggerTests.shipped.tag(tokens: tokens)
        #expect(tags.count == tokens.count)
        #expect(Array(tags[0..<2]) == ["B-PER", "I-PER"])
        #expect(tags[5] == "B-LOC")
        #expect(tags[6] == "O" && tags.last == "O")
    }

    @Test func conllDocumentTagging() {
        let doc = [["EU", "rejects", "German", "call", "."], ["Peter", "Blackburn"]]
        let tags = TaggerTests.shipped.tag(document: doc)
        #expect(tags == [["B-ORG", "O", "B-MISC", "O", "O"], ["B-PER", "I-PER"]])
    }

    @Test(arguments: [
        ("Putin", Entity.Kind.person), ("Trump", .person), ("Paul", .person), ("Dmitry Peskov", .person),
        ("Robert Mueller", .person), ("Vanessa Coleman", .person),
        ("RIA Novosti", .organization), ("Kremlin", .organization), ("White House", .organization),
        ("Senate Foreign Relations Committee", .organization),
        ("Syria", .location), ("Moscow", .location), ("Helsinki", .location), ("Ukraine", .location),
        ("Russian Federation", .location),
    ])
    func sampleArticleNames(name: String, kind: Entity.Kind) throws {
        let entities = TaggerTests.shipped.entities(in: try TaggerTests.sample())
        let matching = entities.filter { $0.text == name }
        #expect(matching.count == 1, "\(name): one entity, one type")
        #expect(matching.first?.kind == kind, "\(name): \(matching.map(\.kind))")
    }

    @Test func sampleArticleMentionsAndOffsets() throws {
        let text = try TaggerTests.sample()
        let scalars = Array(text.unicodeScalars)
        let entities = TaggerTests.shipped.entities(in: text)
        let putin = try #require(entities.first { $0.text == "Putin" })
        #expect(putin.mentions.count == 7)
        for m in putin.mentions {
            var s = ""
            s.unicodeScalars.append(contentsOf: scalars[m])
            #expect(s == "Putin")
        }
        // "Mueller's": the possessive stays out of the name.
        #expect(entities.contains { $0.text == "Robert Mueller" && $0.mentions.count == 1 })
    }

    @Test func surnameJoinsFullName() {
        let entities = TaggerTests.shipped.entities(in: "Robert Mueller filed the report. Mueller said little.")
        let mueller = entities.first { $0.text == "Robert Mueller" }
        #expect(mueller?.mentions.count == 2)
        #expect(!entities.contains { $0.text == "Mueller" })
    }
}

@Suite("Place aliases")
struct PlaceAliasTests {
    @Test func officialAndShortNamesOfACountryAreOnePlace() throws {
        let tagger = try NERTagger.shipped()
        let text = "The Russian Federation rejected the plan. Russia said on Monday that Moscow would respond."
        let entities = tagger.entities(in: text)
        let russia = try #require(entities.first { $0.text == "Russian Federation" })
        #expect(russia.kind == .location)
        #expect(russia.mentions.count == 2)
        #expect(!entities.contains { $0.text == "Russia" })
        #expect(entities.contains { $0.text == "Moscow" }, "other places stay apart")
    }
}
