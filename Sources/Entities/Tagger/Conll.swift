/// CoNLL-format corpora: one token a line (token first, tag last), blank lines between
/// sentences, `-DOCSTART-` lines between documents.
public struct ConllDocument: Sendable {
    public var sentences: [[String]] = []
    public var tags: [[String]] = []
    public init(sentences: [[String]] = [], tags: [[String]] = []) {
        self.sentences = sentences
        self.tags = tags
    }

    /// Reads documents. With `sentencesPerDocument`, a corpus without `-DOCSTART-` is cut into
    /// documents of that many sentences.
    public static func parse(_ text: String, sentencesPerDocument: Int? = nil) -> [ConllDocument] {
        var docs: [ConllDocument] = []
        var doc = ConllDocument()
        var words: [String] = [], tags: [String] = []
        func endSentence() {
            if !words.isEmpty { doc.sentences.append(words); doc.tags.append(tags) }
            words = []; tags = []
            if let n = sentencesPerDocument, doc.sentences.count >= n { endDocument() }
        }
        func endDocument() {
            if !doc.sentences.isEmpty { docs.append(doc) }
            doc = ConllDocument()
        }
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let cols = line.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\r" })
            guard let first = cols.first else { endSentence(); continue }
            if first == "-DOCSTART-" { endSentence(); endDocument(); continue }
            words.append(String(first))
            tags.append(cols.count > 1 ? String(cols[cols.count - 1]) : "O")
        }
        endSentence()
        endDocument()
        return docs
    }
}

/// Entity-level precision, recall and F1 as conlleval counts them.
public struct NERScore: Sendable {
    public var correct: [String: Int] = [:]
    public var guessed: [String: Int] = [:]
    public var gold: [String: Int] = [:]
    public var tokens = 0
    public var tokensCorrect = 0

    public init() {}

    public mutating func add(gold goldTags: [String], predicted: [String]) {
        let g = TagSet.spans(bio: goldTags), p = TagSet.spans(bio: predicted)
        let gs = Set(g.map { "\($0.type)|\($0.range.lowerBound)|\($0.range.upperBound)" })
        for s in g { gold[s.type, default: 0] += 1 }
        for s in p {
            guessed[s.type, default: 0] += 1
            if gs.contains("\(s.type)|\(s.range.lowerBound)|\(s.range.upperBound)") { correct[s.type, default: 0] += 1 }
        }
        tokens += goldTags.count
        tokensCorrect += zip(goldTags, predicted).filter { $0 == $1 }.count
    }

    public func prf(_ type: String? = nil) -> (p: Double, r: Double, f: Double) {
        func sum(_ d: [String: Int]) -> Int { type.map { d[$0] ?? 0 } ?? d.values.reduce(0, +) }
        let c = Double(sum(correct)), gu = Double(sum(guessed)), go = Double(sum(gold))
        let p = gu > 0 ? 100 * c / gu : 0, r = go > 0 ? 100 * c / go : 0
        return (p, r, p + r > 0 ? 2 * p * r / (p + r) : 0)
    }

    public var report: String {
        var lines: [String] = []
        func fmt(_ v: Double) -> String { String(Int((v * 100).rounded())).leftPad(6, decimals: 2) }
        lines.append("type   precision  recall      F1   gold  guessed")
        for t in TagSet.types {
            let s = prf(t)
            lines.append("\(t.padding(5))  \(fmt(s.p))  \(fmt(s.r))  \(fmt(s.f))  \(String(gold[t] ?? 0).leftPad(5))  \(String(guessed[t] ?? 0).leftPad(7))")
        }
        let s = prf()
        lines.append("micro  \(fmt(s.p))  \(fmt(s.r))  \(fmt(s.f))  \(String(gold.values.reduce(0, +)).leftPad(5))  \(String(guessed.values.reduce(0, +)).leftPad(7))")
        lines.append("token accuracy \(fmt(tokens > 0 ? 100 * Double(tokensCorrect) / Double(tokens) : 0))% of \(tokens) tokens")
        return lines.joined(separator: "\n")
    }
}

extension String {
    func padding(_ n: Int) -> String { count >= n ? self : self + String(repeating: " ", count: n - count) }
    /// Right-aligns; with `decimals`, reads self as hundredths ("9123" → "91.23").
    func leftPad(_ n: Int, decimals: Int = 0) -> String {
        var s = self
        if decimals > 0 {
            let v = Int(self) ?? 0
            s = "\(v / 100).\(String(format2: v % 100))"
        }
        return s.count >= n ? s : String(repeating: " ", count: n - s.count) + s
    }
    init(format2 v: Int) { self = v < 10 ? "0\(v)" : "\(v)" }
}
