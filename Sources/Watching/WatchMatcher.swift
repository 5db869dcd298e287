import Entities

/// Matches every watch of every list against an entry in one pass per field.
///
/// Built once per (re)load: names and aliases go into a trie of folded words, topic terms
/// into a second trie of folded, stemmed words, so the cost per entry grows with the text,
/// not with the number of watches.
public struct WatchMatcher: Sendable {
    public let watches: [Watch]
    public let rules: [Rule]

    /// Folded names and aliases → watch name, for rules that name a watch by an alias.
    public private(set) var watchNames: [String: String] = [:]
    private var exact = PhraseTrie()
    private var stemmed = PhraseTrie()
    private var patterns: [Pattern] = []
    private let tokenizer = Tokenizer()

    struct Pattern: Sendable {
        enum Role: Sendable { case name, alias, term, context, exclude }
        let watch: Int
        let role: Role
        /// A one-word alias that needs support (context, a title, or the full name).
        let weak: Bool
        /// An acronym written in capitals ("US", "IS", "NATO"): the words as written, which the
        /// text must match case for case, so "US" never fires on "us" and "IS" not on "is".
        var acronym: [String]? = nil
    }

    /// - Parameter nameLists: which lists a name is on (the entity tagger's gazetteers); a
    ///   one-word person alias that is a common first name or surname ("Paul") is weak.
    public init(watches: [Watch], rules: [Rule] = [], nameLists: (@Sendable ([String]) -> [String])? = WatchMatcher.shippedNameLists) {
        self.watches = watches
        self.rules = rules
        for watch in watches {
            for form in [watch.name] + watch.aliases where watchNames[WatchMatcher.key(form)] == nil {
                watchNames[WatchMatcher.key(form)] = watch.name
            }
        }
        for (w, watch) in watches.enumerated() {
            let hasContext = !watch.context.isEmpty
            add(watch.name, Pattern(watch: w, role: .name, weak: false), stem: watch.kind == .topic)
            for alias in watch.aliases {
                let oneWord = WatchMatcher.words(alias).count == 1
                let commonName = oneWord && (nameLists?([alias]).contains { $0 == "firstname" || $0 == "surname" } ?? false)
                let weak = watch.kind == .person && oneWord && (hasContext || commonName)
                add(alias, Pattern(watch: w, role: .alias, weak: weak), stem: watch.kind == .topic)
            }
            for term in watch.terms { add(term, Pattern(watch: w, role: .term, weak: false), stem: true) }
            for phrase in watch.context { add(phrase, Pattern(watch: w, role: .context, weak: false), stem: true) }
            for phrase in watch.exclude { add(phrase, Pattern(watch: w, role: .exclude, weak: false), stem: false) }
        }
    }

    private mutating func add(_ phrase: String, _ pattern: Pattern, stem: Bool) {
        let words = WatchMatcher.words(phrase)
        guard !words.isEmpty else { return }
        var pattern = pattern
        if pattern.role == .name || pattern.role == .alias, let written = WatchMatcher.acronymWords(phrase) {
            pattern.acronym = written
        }
        patterns.append(pattern)
        if stem {
            stemmed.insert(WatchMatcher.topicWords(phrase), payload: patterns.count - 1)
        } else {
            exact.insert(words, payload: patterns.count - 1)
        }
    }

    /// The shipped gazetteers' lists for a name, when the entity model is installed.
    public static let shippedNameLists: (@Sendable ([String]) -> [String])? = {
        guard let tagger = EntityExtractor.tagger else { return nil }
        let lookup: @Sendable ([String]) -> [String] = { words in tagger.gazetteer.lists(of: words) }
        return lookup
    }()

    /// The words of `phrase` as written when it is an acronym: every word has letters, all of
    /// them capitals, and at least one word has two or more ("US", "U.S.", "NATO", "IS"). A name
    /// such as "Putin" or "A Team" is not one.
    static func acronymWords(_ phrase: String) -> [String]? {
        let tokens = Tokenizer().tokenize(phrase).filter { $0.kind != .punctuation }.map(\.text)
        guard !tokens.isEmpty else { return nil }
        var long = false
        for token in tokens {
            let letters = token.unicodeScalars.filter { $0.properties.isAlphabetic }
            guard !letters.isEmpty, letters.allSatisfy({ $0.properties.isUppercase }) else { return nil }
            if letters.count >= 2 { long = true }
        }
        return long ? tokens : nil
    }

    /// How a name is looked up: its folded words joined by spaces.
    static func key(_ name: String) -> String { words(name).joined(separator: " ") }

    /// The watch a rule means by `name` (its name or one of its aliases).
    public func watchName(for name: String) -> String? { watchNames[WatchMatcher.key(name)] }

    /// Folded words of a phrase as written in a watch list.
    static func words(_ phrase: String) -> [String] {
        Tokenizer().tokenize(phrase).filter { $0.kind != .punctuation }.map { TextFolding.fold($0.text) }
            .filter { $0 != "'s" }
    }

    /// Stemmed words of a topic phrase: folded without transliteration, then stemmed.
    static func topicWords(_ phrase: String) -> [String] {
        Tokenizer().tokenize(phrase).filter { $0.kind != .punctuation && $0.text != "'s" }
            .map { Stemmer.stem(TextFolding.fold($0.text, transliterate: false)) }
    }

    /// The watches that fire on `text`, each with its match locations, in watch-list order.
    public func match(_ text: EntryText) -> [WatchHit] {
        evaluate(text).hits
    }

    /// The watches that fire, and the rules that hold given where they fired and the entry's words.
    public func evaluate(_ text: EntryText) -> (hits: [WatchHit], rules: [Rule]) {
        let (hits, context, _) = matchWithContext(text)
        return (hits, rules.filter { $0.expression.evaluate(in: context) })
    }

    /// Why each watch did or did not fire on `text`, in watch-list order: for `feedwatch scan`.
    public func explain(_ text: EntryText) -> [(watch: String, fired: Bool, reason: String)] {
        let (hits, _, diagnostics) = matchWithContext(text)
        let fired = Dictionary(uniqueKeysWithValues: hits.map { ($0.watch.name, $0) })
        return watches.enumerated().map { w, watch in
            if let hit = fired[watch.name] {
                let forms = Set(hit.locations.map(\.text)).sorted().map { "\"\($0)\"" }.joined(separator: ", ")
                return (watch.name, true, "matched \(forms) (\(hit.locations.count) time\(hit.locations.count == 1 ? "" : "s"))")
            }
            if let phrase = diagnostics.excludedBy[w] { return (watch.name, false, "excluded: the entry mentions \"\(phrase)\"") }
            if let weak = diagnostics.weakOnly[w] {
                let needs = watch.context.isEmpty ? "a title before it or the full name" : "a title, the full name, or one of: \(watch.context.joined(separator: ", "))"
                return (watch.name, false, "only the weak alias \"\(weak)\" matched, without \(needs)")
            }
            return (watch.name, false, "not mentioned")
        }
    }

    struct Diagnostics {
        var excludedBy: [Int: String] = [:]
        var weakOnly: [Int: String] = [:]
    }

    func matchWithContext(_ text: EntryText) -> ([WatchHit], RuleContext, Diagnostics) {
        var diagnostics = Diagnostics()
        var locations: [Int: [MatchLocation]] = [:]   // by watch, strong or supported matches
        var weak: [Int: [MatchLocation]] = [:]        // weak alias matches awaiting support
        var positions: [Int: [RuleContext.Position]] = [:]
        var weakPositions: [Int: [RuleContext.Position]] = [:]
        var supported = Set<Int>()                      // watches whose full name (or a multi-word alias) matched
        var contextSeen = Set<Int>()                    // watches whose context terms appear
        var otherPerson = Set<Int>()                    // a weak alias also stands in someone else's name here
        var excluded = Set<Int>()
        var fieldWords: [Field: [String]] = [:]

        for (field, value) in text.fields {
            let scalars = Array(value.unicodeScalars)
            let tokens = tokenizer.tokenize(value).filter { $0.kind != .punctuation && $0.text != "'s" && $0.text != "'S" }
            let folded = tokens.map { TextFolding.fold($0.text) }
            if !rules.isEmpty { fieldWords[field] = folded }
            let stems = tokens.map { Stemmer.stem(TextFolding.fold($0.text, transliterate: false)) }
            // In an all-caps or Title Case headline capitals say nothing about names.
            let casingTellsNames = !WatchMatcher.isHeadlineCased(tokens)
            for i in tokens.indices {
                let hits = exact.matches(in: folded, from: i).map { ($0, false) } + stemmed.matches(in: stems, from: i).map { ($0, true) }
                for ((payload, length), _) in hits {
                    let p = patterns[payload]
                    if let acronym = p.acronym, !tokens[i..<(i + length)].map(\.text).elementsEqual(acronym) { continue }
                    let watch = watches[p.watch]
                    let first = tokens[i], last = tokens[i + length - 1]
                    switch p.role {
                    case .exclude:
                        excluded.insert(p.watch)
                        if diagnostics.excludedBy[p.watch] == nil {
                            var written = ""
                            written.unicodeScalars.append(contentsOf: scalars[tokens[i].start..<tokens[i + length - 1].end])
                            diagnostics.excludedBy[p.watch] = written
                        }
                        continue
                    case .context:
                        contextSeen.insert(p.watch)
                        continue
                    default: break
                    }
                    if !watch.fields.isEmpty, !watch.fields.contains(field) { continue }
                    var written = ""
                    written.unicodeScalars.append(contentsOf: scalars[first.start..<last.end])
                    let location = MatchLocation(text: written, field: field, start: first.start, end: last.end,
                                                 snippet: Snippet.make(scalars, start: first.start, end: last.end))
                    if p.weak {
                        if casingTellsNames, partOfAnotherName(tokens, i, length) {
                            // "Paul McCartney", "Thomas Müller": someone else. Context alone no
                            // longer vouches for a bare "Paul" in this entry.
                            otherPerson.insert(p.watch)
                            continue
                        }
                        if hasTitleBefore(value: scalars, tokens: tokens, i) {
                            locations[p.watch, default: []].append(location)
                            positions[p.watch, default: []].append(RuleContext.Position(field: field, index: i))
                        } else {
                            weak[p.watch, default: []].append(location)
                            weakPositions[p.watch, default: []].append(RuleContext.Position(field: field, index: i))
                        }
                    } else {
                        locations[p.watch, default: []].append(location)
                        positions[p.watch, default: []].append(RuleContext.Position(field: field, index: i))
                        if p.role == .name || (p.role == .alias && WatchMatcher.words(watch.name).count > 1 && length > 1) {
                            supported.insert(p.watch)
                        }
                    }
                }
            }
        }
        // A weak alias counts with the full name or a titled mention in the entry, or with a
        // context term unless the entry also names someone else by that word.
        func vouched(_ w: Int) -> Bool {
            supported.contains(w) || locations[w] != nil || (contextSeen.contains(w) && !otherPerson.contains(w))
        }
        for (w, found) in weak where !vouched(w) {
            diagnostics.weakOnly[w] = found.first?.text
        }
        for (w, found) in weak where vouched(w) {
            locations[w, default: []].append(contentsOf: found)
            positions[w, default: []].append(contentsOf: weakPositions[w] ?? [])
        }
        var watchPositions: [String: [RuleContext.Position]] = [:]
        for (w, found) in positions where !excluded.contains(w) && locations[w]?.isEmpty == false {
            watchPositions[watches[w].name] = found
        }
        let context = RuleContext(watchPositions: watchPositions, fieldWords: fieldWords, watchNames: watchNames)
        let hits: [WatchHit] = watches.indices.compactMap { w in
            guard !excluded.contains(w), var found = locations[w], !found.isEmpty else { return nil }
            found.sort { ($0.field.order, $0.start, -$0.end) < ($1.field.order, $1.start, -$1.end) }
            // "Putin" inside "Vladimir Putin" is one mention: keep the longest of overlapping matches.
            var kept: [MatchLocation] = []
            for location in found {
                if let last = kept.last, last.field == location.field, location.start < last.end { continue }
                kept.append(location)
            }
            return WatchHit(watch: watches[w], locations: kept)
        }
        return (hits, context, diagnostics)
    }

    /// The rules whose formulas hold for the set of watches that fired (no positions or words:
    /// NEAR counts as AND, field terms as false). `evaluate(_:)` is the full check.
    public func firedRules(_ hits: [WatchHit]) -> [Rule] {
        let names = Set(hits.map(\.watch.name))
        return rules.filter { $0.expression.evaluate(names) }
    }

    /// "Paul" in "Paul Ryan" or "St. Paul": a capitalised neighbour makes it someone else's name,
    /// unless the neighbour is an ordinary word that happens to be capitalised ("On Tuesday Paul",
    /// "The Mueller report").
    private func partOfAnotherName(_ tokens: [Token], _ i: Int, _ length: Int) -> Bool {
        let after = i + length
        // Punctuation tokens are filtered out before matching, so a gap of exactly one scalar
        // means nothing but a space stands between: "Paul Ryan", "St. Paul". "Moscow. Paul" is two names.
        if after < tokens.count, tokens[after].isCapitalized, tokens[after].kind == .word,
           tokens[after].start - tokens[after - 1].end == 1, !Cues.isOrdinaryCapitalized(tokens[after].text) {
            return true
        }
        if i > 0, tokens[i - 1].isCapitalized, tokens[i - 1].kind == .word,
           tokens[i].start - tokens[i - 1].end == 1, !isTitle(tokens[i - 1].text),
           !Cues.isOrdinaryCapitalized(tokens[i - 1].text) {
            return true
        }
        return false
    }

    /// All caps ("PAUL CARRIES LETTER") or Title Case ("Paul Says Senate Should Vote"): most
    /// words of four or more letters start with a capital.
    static func isHeadlineCased(_ tokens: [Token]) -> Bool {
        let long = tokens.filter { $0.kind == .word && $0.text.unicodeScalars.count >= 4 }
        guard long.count >= 3 else { return false }
        return long.filter(\.isCapitalized).count * 10 >= long.count * 8
    }

    private func hasTitleBefore(value: [Unicode.Scalar], tokens: [Token], _ i: Int) -> Bool {
        i > 0 && isTitle(tokens[i - 1].text)
    }

    private func isTitle(_ word: String) -> Bool {
        let bare = word.hasSuffix(".") ? String(word.dropLast()) : word
        return Abbreviations.titles.contains(bare) || PersonTitles.words.contains(bare.lowercased())
    }
}

/// Words that, placed before a surname, say it is that person.
enum PersonTitles {
    static let words: Set<String> = [
        "mr", "mrs", "ms", "dr", "senator", "sen", "president", "representative", "rep", "governor",
        "gov", "minister", "secretary", "chancellor", "judge", "justice", "general", "counsel",
        "director", "ambassador", "mayor", "speaker", "professor", "prof", "sir", "lord", "lady",
    ]
}

extension Field {
    var order: Int { Field.allCases.firstIndex(of: self)! }
}
