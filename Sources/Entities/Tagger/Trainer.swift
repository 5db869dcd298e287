/// Trains the tagger: a structured averaged perceptron (Collins 2002) over BILOU tags with
/// Viterbi decoding; the history features use the model's own predictions for earlier
/// sentences of the document, as at run time.
public struct NERTrainer {
    struct Sentence {
        var infos: [TokenInfo]
        var rows: [Int32]
        var offsets: [Int]
        var gold: [Int]
    }

    let extractor: FeatureExtractor
    static let T = TagSet.count
    /// Rows 0..<T + 1 hold transitions (row T: sentence start).
    static let transitionRows = TagSet.count + 1
    var index: [UInt64: Int32] = [:]
    var rowKeys: [UInt64]
    var w: [Float]
    var u: [Float]
    var c: Float = 1
    var documents: [[Sentence]] = []
    public private(set) var tokenCount = 0

    public init(gazetteer: Gazetteer) {
        extractor = FeatureExtractor(gazetteer: gazetteer)
        rowKeys = Array(repeating: 0, count: NERTrainer.transitionRows)
        w = Array(repeating: 0, count: NERTrainer.transitionRows * NERTrainer.T)
        u = w
    }

    public var featureCount: Int { rowKeys.count - NERTrainer.transitionRows }

    mutating func row(_ key: UInt64) -> Int32 {
        if let r = index[key] { return r }
        let r = Int32(rowKeys.count)
        index[key] = r
        rowKeys.append(key)
        w.append(contentsOf: repeatElement(0, count: NERTrainer.T))
        u.append(contentsOf: repeatElement(0, count: NERTrainer.T))
        return r
    }

    public mutating func add(_ docs: [ConllDocument]) {
        for d in docs {
            let infos = d.sentences.map { $0.map(TokenInfo.init) }
            let ctx = DocumentContext(infos)
            var sentences: [Sentence] = []
            for (s, tags) in zip(infos, d.tags) {
                var keys: [UInt64] = [], offsets = [0]
                extractor.features(s, doc: ctx, keys: &keys, offsets: &offsets)
                let rows = keys.map { row($0) }
                sentences.append(Sentence(infos: s, rows: rows, offsets: offsets, gold: TagSet.bilou(bio: tags)))
                tokenCount += s.count
            }
            documents.append(sentences)
        }
    }

    /// One pass over the documents in an order drawn from `seed`; returns the tokens mis-tagged.
    public mutating func epoch(seed: UInt64) -> Int {
        var rng = SplitMix(seed)
        var order = Array(documents.indices)
        for i in stride(from: order.count - 1, to: 0, by: -1) { order.swapAt(i, Int(rng.next() % UInt64(i + 1))) }
        let T = NERTrainer.T
        var errors = 0
        var extra: [UInt64] = []
        for d in order {
            var history = History()
            for s in documents[d] {
                let n = s.infos.count
                var allRows: [[Int32]] = []
                allRows.reserveCapacity(n)
                for i in 0..<n {
                    extra.removeAll(keepingCapacity: true)
                    extractor.historyFeatures(s.infos, i, history: history, into: &extra)
                    var r = Array(s.rows[s.offsets[i]..<s.offsets[i + 1]])
                    for k in extra { r.append(row(k)) }
                    allRows.append(r)
                }
                var em = [Float](repeating: 0, count: n * T)
                for i in 0..<n {
                    for r in allRows[i] {
                        let base = Int(r) * T
                        for t in 0..<T { em[i * T + t] += w[base + t] }
                    }
                }
                let trans = Array(w[0..<(NERTrainer.transitionRows * T)])
                let pred = Viterbi.decode(emissions: em, count: n, transitions: trans)
                if pred != s.gold {
                    for i in 0..<n {
                        let g = s.gold[i], p = pred[i]
                        if g != p {
                            errors += 1
                            for r in allRows[i] { update(Int(r), g, 1); update(Int(r), p, -1) }
                        }
                        let gp = i == 0 ? T : s.gold[i - 1], pp = i == 0 ? T : pred[i - 1]
                        if g != p || gp != pp { update(gp, g, 1); update(pp, p, -1) }
                    }
                }
                c += 1
                history.record(s.infos, pred)
            }
        }
        return errors
    }

    @inline(__always)
    mutating func update(_ row: Int, _ tag: Int, _ delta: Float) {
        let i = row * NERTrainer.T + tag
        w[i] += delta
        u[i] += c * delta
    }

    /// The averaged model.
    func averaged(gazetteer: Gazetteer) -> ModelFile {
        let T = NERTrainer.T
        var avg = [Float](repeating: 0, count: w.count)
        for i in w.indices { avg[i] = w[i] - u[i] / c }
        let tr = Array(avg[0..<(NERTrainer.transitionRows * T)])
        return ModelFile(transitions: tr, keys: Array(rowKeys[NERTrainer.transitionRows...]),
                         weights: Array(avg[(NERTrainer.transitionRows * T)...]), gazetteer: gazetteer)
    }

    /// The averaged model as a model file; rows whose weights all stay below `threshold` are dropped.
    public func modelData(threshold: Float) -> [UInt8] {
        averaged(gazetteer: extractor.gazetteer).serialize(threshold: threshold)
    }
}

struct SplitMix {
    var state: UInt64
    init(_ seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9e37_79b9_7f4a_7c15
        return FeatureHash.mix(state)
    }
}
