/// Finds names in news text.
///
/// The statistical tagger (`NERTagger`, docs/ner.md) does the work when its model is found;
/// the rules below are the fallback when it is not (a broken install), so feedwatch still
/// names names. The rules: runs of capitalised words (allowing "of", "de", "von" …
/// inside) are name candidates; a sentence-initial single word counts only when it appears
/// capitalised elsewhere too. Types come from cues: a title before it ("Senator", "Mr.") or a
/// known first name makes a person, an organisation word ("Committee", "Inc") an organisation,
/// a place cue ("in", "from" + known place) a location. A later surname-only mention is merged
/// into the full name ("Rand Paul" … "Paul"). The statistical tagger of issue 6 replaces the
/// typing; the interface stays.
public struct EntityExtractor: Sendable {
    private let tokenizer = Tokenizer()
    private let splitter = SentenceSplitter()

    public init() {}

    /// The shipped model, loaded once per process (about 12 ms); nil when it cannot be found.
    public static let tagger: NERTagger? = try? NERTagger.shipped()

    public func extract(_ text: String) -> [Entity] {
        if let tagger = Self.tagger { return tagger.entities(in: text) }
        return extract(tokens: tokenizer.tokenize(text))
    }

    public func extract(tokens: [Token]) -> [Entity] {
        let sentences = splitter.split(tokens)
        var sentenceStart = Set<Int>()
        for s in sentences { sentenceStart.insert(s.lowerBound) }
        // Skip opening quotes/brackets when deciding what starts a sentence.
        for s in sentences {
            var i = s.lowerBound
            while i < s.upperBound, tokens[i].kind == .punctuation { i += 1; sentenceStart.insert(i) }
        }
        let capitalizedElsewhere = Set(tokens.indices.filter { !sentenceStart.contains($0) && tokens[$0].isCapitalized }
            .map { tokens[$0].text })

        var found: [(text: String, kind: Entity.Kind, range: Range<Int>, words: [String])] = []
        var i = 0
        while i < tokens.count {
            guard isNameWord(tokens[i]) else { i += 1; continue }
            var j = i + 1
            while j < tokens.count, !tokens[j].lineBreakBefore {
                if isNameWord(tokens[j]) { j += 1; continue }
                if j + 1 < tokens.count, Cues.connectors.contains(tokens[j].text), isNameWord(tokens[j + 1]),
                   !tokens[j + 1].lineBreakBefore { j += 2; continue }
                break
            }
            var words = tokens[i..<j].map(\.text)
            var first = i
            // Titles are cues, not part of the name: "Senator Paul" → "Paul".
            var titled = false
            // Sentence-initial function words are not part of the name: "While Trump" → "Trump".
            while words.count > 1, Cues.isTitle(words[0]) || Cues.functionWords.contains(words[0]) {
                if Cues.isTitle(words[0]) { titled = true }
                words.removeFirst()
                first += 1
            }
            if words.count == 1, Cues.isTitle(words[0]) { i = j; continue }
            let lone = words.count == 1
            let startsSentence = sentenceStart.contains(first)
            if words.isEmpty || (lone && startsSentence && !titled && !capitalizedElsewhere.contains(words[0]))
                || (lone && Cues.stopwords.contains(words[0])) {
                i = j
                continue
            }
            let before = i > 0 ? tokens[i - 1].text : ""
            let kind = Cues.classify(words: words, titled: titled, before: before)
            found.append((words.joined(separator: " "), kind, tokens[first].start..<tokens[j - 1].end, words))
            i = j
        }
        return merge(found)
    }

    private func isNameWord(_ t: Token) -> Bool {
        t.kind == .word && t.isCapitalized && t.text != "'s" && t.text != "'S"
    }

    /// Groups mentions: identical text, and a single word that is the last (or first) word of a
    /// longer person name already seen, join that name.
    private func merge(_ found: [(text: String, kind: Entity.Kind, range: Range<Int>, words: [String])]) -> [Entity] {
        var entities: [Entity] = []
        var index: [String: Int] = [:]
        // Longer names first, so that "Paul" can find "Rand Paul" wherever it stands.
        var surnameOwner: [String: Int] = [:]
        for f in found where f.words.count > 1 {
            if index[f.text] == nil {
                index[f.text] = entities.count
                entities.append(Entity(text: f.text, kind: f.kind, mentions: []))
                if f.kind == .person, let last = f.words.last { surnameOwner[last] = surnameOwner[last] ?? index[f.text] }
            }
        }
        for f in found {
            if let k = index[f.text] ?? (f.words.count == 1 ? surnameOwner[f.text] : nil) {
                entities[k].mentions.append(f.range)
                // One string, one type: a mention with a cue (a title, an organisation word) decides.
                if entities[k].kind == .misc { entities[k].kind = f.kind }
            } else {
                index[f.text] = entities.count
                entities.append(Entity(text: f.text, kind: f.kind, mentions: [f.range]))
            }
        }
        for k in entities.indices {
            entities[k].mentions.sort { $0.lowerBound < $1.lowerBound }
        }
        return entities.sorted { $0.mentions.count != $1.mentions.count ? $0.mentions.count > $1.mentions.count : $0.mentions[0].lowerBound < $1.mentions[0].lowerBound }
    }
}
