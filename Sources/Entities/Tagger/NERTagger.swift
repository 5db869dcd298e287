import Foundation

/// The statistical entity tagger: an averaged perceptron over BILOU tags with first-order
/// Viterbi decoding, word/shape/affix/context features, gazetteers, and the types given to
/// the same word earlier in the document. See docs/ner.md for how the model is made.
public final class NERTagger: Sendable {
    let rows: RowTable
    let weights: [Float]
    let transitions: [Float]
    let extractor: FeatureExtractor
    public let featureCount: Int

    /// The model shipped with feedwatch: `$FEEDWATCH_NER_MODEL`, the package resource next to
    /// the executable, /usr/local/share/feedwatch/ner.model, or the source tree's resource.
    public static func shipped() throws -> NERTagger {
        guard let data = shippedModelData() else { throw NERError.noModel }
        return try NERTagger(modelData: data)
    }

    /// Where `shipped()` looks, in order.
    public static var modelSearchPaths: [String] {
        var paths: [String] = []
        if let env = ProcessInfo.processInfo.environment["FEEDWATCH_NER_MODEL"], !env.isEmpty { paths.append(env) }
        let exeDir = Bundle.main.bundleURL.path
        let execDir = URL(fileURLWithPath: CommandLine.arguments.first ?? ".").deletingLastPathComponent().path
        for dir in [exeDir, execDir] {
            paths.append(dir + "/feedwatch_Entities.resources/Resources/ner.model")
            paths.append(dir + "/feedwatch_Entities.resources/ner.model")
        }
        paths.append("/usr/local/share/feedwatch/ner.model")
        let source = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        paths.append(source.path + "/Resources/ner.model")
        return paths
    }

    static func shippedModelData() -> [UInt8]? {
        for path in modelSearchPaths {
            if let bytes = readFileBytes(path) { return bytes }
        }
        return nil
    }

    public init(modelData: [UInt8]) throws {
        let file = try ModelFile.parse(modelData)
        rows = RowTable(keys: file.keys)
        weights = file.weights
        transitions = file.transitions
        extractor = FeatureExtractor(gazetteer: file.gazetteer)
        featureCount = file.keys.count
    }

    init(file: ModelFile) {
        rows = RowTable(keys: file.keys)
        weights = file.weights
        transitions = file.transitions
        extractor = FeatureExtractor(gazetteer: file.gazetteer)
        featureCount = file.keys.count
    }

    public var gazetteer: Gazetteer { extractor.gazetteer }

    // MARK: Tagging

    /// BILOU tag ids for each sentence of one document.
    func tagDocument(_ sentences: [[TokenInfo]]) -> [[Int]] {
        let doc = DocumentContext(sentences)
        var history = History()
        var out: [[Int]] = []
        out.reserveCapacity(sentences.count)
        var keys: [UInt64] = []
        var offsets: [Int] = []
        var extra: [UInt64] = []
        let T = TagSet.count
        for s in sentences {
            let n = s.count
            guard n > 0 else { out.append([]); continue }
            keys.removeAll(keepingCapacity: true)
            offsets.removeAll(keepingCapacity: true)
            offsets.append(0)
            extractor.features(s, doc: doc, keys: &keys, offsets: &offsets)
            var em = [Float](repeating: 0, count: n * T)
            weights.withUnsafeBufferPointer { w in
                em.withUnsafeMutableBufferPointer { e in
                    for i in 0..<n {
                        extra.removeAll(keepingCapacity: true)
                        extractor.historyFeatures(s, i, history: history, into: &extra)
                        func addRow(_ key: UInt64) {
                            let r = Int(rows.row(key))
                            guard r >= 0 else { return }
                            let base = r * T
                            for t in 0..<T { e[i * T + t] += w[base + t] }
                        }
                        for k in offsets[i]..<offsets[i + 1] { addRow(keys[k]) }
                        for k in extra { addRow(k) }
                    }
                }
            }
            let tags = Viterbi.decode(emissions: em, count: n, transitions: transitions)
            history.record(s, tags)
            out.append(tags)
        }
        return out
    }

    /// BIO tags for a document given as sentences of token strings (CoNLL input).
    public func tag(document: [[String]]) -> [[String]] {
        tagDocument(document.map { $0.map(TokenInfo.init) }).map(TagSet.bio)
    }

    /// BIO tags ("B-PER", "I-ORG", "O"…) for the tokens of one document (sentences split
    /// inside, at sentence ends and line breaks; document features across them).
    public func tag(tokens: [Token]) -> [String] {
        let sentences = NERTagger.sentences(tokens)
        let infos = sentences.map { r in tokens[r].map { TokenInfo($0.text) } }
        return tagDocument(infos).flatMap(TagSet.bio)
    }

    static func sentences(_ tokens: [Token]) -> [Range<Int>] {
        var out: [Range<Int>] = []
        for s in SentenceSplitter().split(tokens) {
            var start = s.lowerBound
            for i in s where i > start && tokens[i].lineBreakBefore {
                out.append(start..<i)
                start = i
            }
            if start < s.upperBound { out.append(start..<s.upperBound) }
        }
        return out
    }

    /// Entities of a raw text (tokenised with `Tokenizer`), merged per document: a surname
    /// alone joins the full name seen in the text ("Mueller" → "Robert Mueller"), and each
    /// string gets one type, the one most of its mentions got.
    public func entities(in text: String) -> [Entity] {
        entities(tokens: Tokenizer().tokenize(text), text: text)
    }

    /// Entities of tokens already made by `Tokenizer` from `text` (offsets index its scalars).
    public func entities(tokens: [Token], text: String) -> [Entity] {
        let tags = tag(tokens: tokens)
        let scalars = Array(text.unicodeScalars)
        var found: [(text: String, type: String, range: Range<Int>, words: [String])] = []
        for span in TagSet.spans(bio: tags) {
            var words = tokens[span.range].map(\.text)
            var first = span.range.lowerBound
            var last = span.range.upperBound - 1
            // A possessive or trailing punctuation is never part of a name.
            while last > first, tokens[last].kind == .punctuation || tokens[last].text == "'s" || tokens[last].text == "\u{2019}s" {
                last -= 1; words.removeLast()
            }
            while first < last, tokens[first].kind == .punctuation { first += 1; words.removeFirst() }
            // A title is a cue, not part of the name: "Senator Paul" is Paul (so it joins "Rand Paul").
            while span.type == "PER", first < last, Cues.isTitle(tokens[first].text) { first += 1; words.removeFirst() }
            let range = tokens[first].start..<tokens[last].end
            var s = ""
            s.unicodeScalars.append(contentsOf: scalars[range])
            found.append((s, span.type, range, words))
        }
        return merge(found)
    }

    func merge(_ found: [(text: String, type: String, range: Range<Int>, words: [String])]) -> [Entity] {
        struct Group { var text: String; var words: [String]; var votes: [String: Int]; var mentions: [Range<Int>] }
        var groups: [Group] = []
        var index: [String: Int] = [:]
        var surnameOwner: [String: Int] = [:]
        // Full person names first, so that "Paul" finds "Rand Paul" wherever it stands.
        for f in found where f.words.count > 1 && f.type == "PER" {
            if index[f.text] == nil {
                index[f.text] = groups.count
                groups.append(Group(text: f.text, words: f.words, votes: [:], mentions: []))
            }
            if let lastWord = f.words.last, surnameOwner[lastWord] == nil { surnameOwner[lastWord] = index[f.text] }
        }
        // Places with several names ("Russian Federation", "Russia") share one group.
        var placeOwner: [String: Int] = [:]
        for f in found {
            let k: Int
            let place = f.type == "LOC" ? PlaceAliases.key(f.text) : nil
            if let g = index[f.text] {
                k = g
            } else if f.words.count == 1, let g = surnameOwner[f.text] {
                k = g
            } else if let place, let g = placeOwner[place] {
                k = g
                // The longer, official form names the group.
                if f.text.count > groups[g].text.count { groups[g].text = f.text; groups[g].words = f.words }
            } else {
                k = groups.count
                index[f.text] = k
                groups.append(Group(text: f.text, words: f.words, votes: [:], mentions: []))
            }
            if let place, placeOwner[place] == nil { placeOwner[place] = k }
            groups[k].mentions.append(f.range)
            groups[k].votes[f.type, default: 0] += 1
        }
        var entities: [Entity] = []
        for g in groups where !g.mentions.isEmpty {
            let order = ["PER", "ORG", "LOC", "MISC"]
            var type = g.votes.max { a, b in
                a.value != b.value ? a.value < b.value : order.firstIndex(of: a.key)! > order.firstIndex(of: b.key)!
            }!.key
            // The hand-written lists of modern names (scripts/ner/curated.py) settle the type
            // where CoNLL's conventions differ from a news watcher's ("Kremlin", "White House": ORG).
            if let curated = NERTagger.curatedType(extractor.gazetteer.lists(of: g.words)) { type = curated }
            entities.append(Entity(text: g.text, kind: Entity.Kind(rawValue: type) ?? .misc, mentions: g.mentions.sorted { $0.lowerBound < $1.lowerBound }))
        }
        return entities.sorted {
            $0.mentions.count != $1.mentions.count ? $0.mentions.count > $1.mentions.count : $0.mentions[0].lowerBound < $1.mentions[0].lowerBound
        }
    }
}

extension NERTagger {
    static func curatedType(_ lists: [String]) -> String? {
        if lists.contains("person") { return "PER" }
        if lists.contains("org") { return "ORG" }
        if lists.contains("place") { return "LOC" }
        return nil
    }
}

func readFileBytes(_ path: String) -> [UInt8]? {
    guard let data = FileManager.default.contents(atPath: path) else { return nil }
    return [UInt8](data)
}
