/// What the tagger knows about one token, computed once: hashes of its forms and its flags.
struct TokenInfo {
    var word: UInt64 = 0
    /// Lower case, digits folded to 0.
    var lower: UInt64 = 0
    var shape: UInt64 = 0
    var shortShape: UInt64 = 0
    var prefix: (UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0)
    var suffix: (UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0)
    var scalars = 0
    var capitalized = false
    var allCaps = false
    var hasLower = false
    var hasDigit = false
    var lowerScalars: [UInt32] = []

    init(_ text: String) {
        var word = FeatureHash.offset, lower = FeatureHash.offset
        var shape = FeatureHash.offset, short = FeatureHash.offset
        var lastShort: UInt32 = 0
        var shapeLength = 0
        var letters = 0, upper = 0
        var ls: [UInt32] = []
        ls.reserveCapacity(text.utf8.count)
        for (n, u) in text.unicodeScalars.enumerated() {
            let v = u.value
            word = FeatureHash.add(word, v)
            var l = v
            var s: UInt32
            if v < 128 {
                if v >= 65 && v <= 90 { l = v + 32; s = 88; letters += 1; upper += 1 } // X
                else if v >= 97 && v <= 122 { s = 120; letters += 1; hasLower = true } // x
                else if v >= 48 && v <= 57 { l = 48; s = 100; hasDigit = true } // d
                else { s = v }
            } else if u.properties.isUppercase {
                l = u.properties.lowercaseMapping.unicodeScalars.first?.value ?? v
                s = 88; letters += 1; upper += 1
            } else if u.properties.isLowercase {
                s = 120; letters += 1; hasLower = true
            } else if u.properties.numericType != nil {
                l = 48; s = 100; hasDigit = true
            } else {
                s = v
            }
            if n == 0 { capitalized = s == 88 }
            lower = FeatureHash.add(lower, l)
            ls.append(l)
            if shapeLength < 8 { shape = FeatureHash.add(shape, s); shapeLength += 1 }
            if s != lastShort { short = FeatureHash.add(short, s); lastShort = s }
        }
        allCaps = letters > 0 && upper == letters && letters >= 2
        self.word = word
        self.lower = lower
        self.shape = shape
        self.shortShape = short
        self.scalars = ls.count
        // Affixes of the lower-case form, 1 to 4 scalars.
        var p = FeatureHash.offset
        var pre: [UInt64] = [0, 0, 0, 0]
        for i in 0..<min(4, ls.count) { p = FeatureHash.add(p, ls[i]); pre[i] = p }
        var suf: [UInt64] = [0, 0, 0, 0]
        for k in 1...4 where k <= ls.count {
            var h = FeatureHash.offset
            for i in (ls.count - k)..<ls.count { h = FeatureHash.add(h, ls[i]) }
            suf[k - 1] = h
        }
        prefix = (pre[0], pre[1], pre[2], pre[3])
        suffix = (suf[0], suf[1], suf[2], suf[3])
        lowerScalars = ls
    }
}

/// What a document says about its words, gathered before tagging any sentence of it.
struct DocumentContext {
    /// Lower forms seen capitalised where capitals say nothing else (not sentence-initial, not in an all-caps line).
    var capitalizedInside: Set<UInt64> = []
    /// Lower forms seen in lower case.
    var seenLower: Set<UInt64> = []

    init(_ sentences: [[TokenInfo]]) {
        for s in sentences {
            let caps = s.filter { $0.allCaps }.count
            let shouting = caps * 2 > s.count && s.count > 2
            var firstWord = true
            for t in s {
                let isWord = t.capitalized || t.hasLower
                if t.hasLower && !t.capitalized { seenLower.insert(t.lower) }
                if t.capitalized && !firstWord && !shouting && t.hasLower { capitalizedInside.insert(t.lower) }
                if isWord { firstWord = false }
            }
        }
    }
}

/// Predictions earlier in the same document: which types each (capitalised) word got.
struct History {
    var counts: [UInt64: (UInt16, UInt16, UInt16, UInt16, UInt16)] = [:]

    mutating func record(_ infos: [TokenInfo], _ tags: [Int]) {
        for (t, tag) in zip(infos, tags) where t.capitalized {
            var c = counts[t.lower] ?? (0, 0, 0, 0, 0)
            // Saturating: a hostile entry repeating one capitalised word 65,536 times once
            // overflowed these counters and crashed the daemon on every poll of its feed.
            func bump(_ n: inout UInt16) { if n < .max { n += 1 } }
            switch TagSet.type(of: tag) {
            case 0: bump(&c.0)
            case 1: bump(&c.1)
            case 2: bump(&c.2)
            case 3: bump(&c.3)
            default: bump(&c.4)
            }
            counts[t.lower] = c
        }
    }

    /// The majority earlier type of a word (4 = O), or nil when unseen.
    func majority(_ lower: UInt64) -> Int? {
        guard let c = counts[lower] else { return nil }
        let v = [c.0, c.1, c.2, c.3, c.4]
        var best = 0
        for i in 1..<5 where v[i] > v[best] { best = i }
        return best
    }
}

/// Feature templates. Numbers are part of the model format: append, never renumber.
enum Template: UInt64 {
    case bias = 1, word, lower, shape, shortShape, p1, p2, p3, p4, s1, s2, s3, s4
    case lowerM1, lowerP1, lowerM2, lowerP2, wordM1, wordP1
    case bigramM1, bigramP1, shapeM1, shapeP1, shapeTri
    case flags, gaz, gazM1, gazP1, docCap, docLower, history, historyM1, historyP1
    case length, shapeLowerM1, shapeLowerP1, firstWord, historyWord
}

struct FeatureExtractor {
    let gazetteer: Gazetteer

    static let boundary: UInt64 = 0x5eed

    /// Static features of each token of a sentence: keys appended to `keys`, one range per token in `offsets`.
    func features(_ s: [TokenInfo], doc: DocumentContext, keys: inout [UInt64], offsets: inout [Int]) {
        let n = s.count
        // Gazetteer: per token, (list, position) pairs as small numbers.
        var gaz = Array(repeating: [UInt64](), count: n)
        let matches = gazetteer.matches(lower: s.map(\.lowerScalars), capitalized: s.map { $0.capitalized })
        for m in matches {
            for list in 0..<Gazetteer.lists.count where m.mask & (1 << list) != 0 {
                for i in m.start..<(m.start + m.length) {
                    let pos: UInt64 = m.length == 1 ? 3 : i == m.start ? 0 : i == m.start + m.length - 1 ? 2 : 1
                    let v = UInt64(list) * 4 + pos + 1
                    if !gaz[i].contains(v) { gaz[i].append(v) }
                }
            }
        }
        let caps = s.filter { $0.allCaps }.count
        let shouting = caps * 2 > n && n > 2
        var firstWordIndex = 0
        while firstWordIndex < n, !(s[firstWordIndex].capitalized || s[firstWordIndex].hasLower) { firstWordIndex += 1 }
        let b = FeatureExtractor.boundary
        for i in 0..<n {
            let t = s[i]
            func add(_ tp: Template, _ v: UInt64) { keys.append(FeatureHash.key(tp.rawValue, v)) }
            func add(_ tp: Template, _ a: UInt64, _ c: UInt64) { keys.append(FeatureHash.key(tp.rawValue, a, c)) }
            let m1 = i > 0 ? s[i - 1] : nil, p1 = i + 1 < n ? s[i + 1] : nil
            let m2 = i > 1 ? s[i - 2] : nil, p2 = i + 2 < n ? s[i + 2] : nil
            add(.bias, 0)
            add(.word, t.word)
            add(.lower, t.lower)
            add(.shape, t.shape)
            add(.shortShape, t.shortShape)
            add(.p1, t.prefix.0); add(.p2, t.prefix.1); add(.p3, t.prefix.2); add(.p4, t.prefix.3)
            add(.s1, t.suffix.0); add(.s2, t.suffix.1); add(.s3, t.suffix.2); add(.s4, t.suffix.3)
            add(.lowerM1, m1?.lower ?? b)
            add(.lowerP1, p1?.lower ?? b)
            add(.lowerM2, m2?.lower ?? b)
            add(.lowerP2, p2?.lower ?? b)
            add(.wordM1, m1?.word ?? b)
            add(.wordP1, p1?.word ?? b)
            add(.bigramM1, m1?.lower ?? b, t.lower)
            add(.bigramP1, t.lower, p1?.lower ?? b)
            add(.shapeM1, m1?.shortShape ?? b, t.shortShape)
            add(.shapeP1, t.shortShape, p1?.shortShape ?? b)
            add(.shapeTri, FeatureHash.key(0, m1?.shortShape ?? b, t.shortShape), p1?.shortShape ?? b)
            add(.shapeLowerM1, m1?.lower ?? b, t.shortShape)
            add(.shapeLowerP1, t.shortShape, p1?.lower ?? b)
            let first = i == firstWordIndex
            let flags = UInt64(first ? 1 : 0) | UInt64(shouting ? 2 : 0) | UInt64(t.capitalized ? 4 : 0)
                | UInt64(t.allCaps ? 8 : 0) | UInt64(t.hasDigit ? 16 : 0)
            add(.flags, flags)
            add(.length, UInt64(min(t.scalars, 12)))
            if first { add(.firstWord, t.lower) }
            for v in gaz[i] { add(.gaz, v); add(.gaz, v, flags & 3) }
            if i > 0 { for v in gaz[i - 1] { add(.gazM1, v) } }
            if i + 1 < n { for v in gaz[i + 1] { add(.gazP1, v) } }
            if t.capitalized {
                let capInside = doc.capitalizedInside.contains(t.lower)
                let lowerSeen = doc.seenLower.contains(t.lower)
                add(.docCap, UInt64(capInside ? 1 : 0) | UInt64(lowerSeen ? 2 : 0) | (flags & 3) << 2)
            }
            offsets.append(keys.count)
        }
    }

    /// Features from earlier predictions in the document.
    func historyFeatures(_ s: [TokenInfo], _ i: Int, history: History, into keys: inout [UInt64]) {
        let t = s[i]
        if t.capitalized, let h = history.majority(t.lower) {
            keys.append(FeatureHash.key(Template.history.rawValue, UInt64(h)))
            keys.append(FeatureHash.key(Template.historyWord.rawValue, UInt64(h), t.allCaps ? 1 : 0))
        }
        if i > 0, s[i - 1].capitalized, let h = history.majority(s[i - 1].lower) {
            keys.append(FeatureHash.key(Template.historyM1.rawValue, UInt64(h)))
        }
        if i + 1 < s.count, s[i + 1].capitalized, let h = history.majority(s[i + 1].lower) {
            keys.append(FeatureHash.key(Template.historyP1.rawValue, UInt64(h)))
        }
    }
}
