/// The tagger's tags: BILOU over four types, decoded to BIO for output.
///
/// Tag 0 is `O`; type k (PER, ORG, LOC, MISC) has B = 1 + 4k, I = 2 + 4k, L = 3 + 4k, U = 4 + 4k.
public enum TagSet {
    public static let types = ["PER", "ORG", "LOC", "MISC"]
    public static let count = 17
    public static let outside = 0

    enum Position: Int { case begin = 0, inside = 1, last = 2, unit = 3 }

    static func tag(type: Int, _ p: Position) -> Int { 1 + 4 * type + p.rawValue }
    /// Entity type of a tag, nil for O.
    static func type(of tag: Int) -> Int? { tag == 0 ? nil : (tag - 1) / 4 }
    static func position(of tag: Int) -> Position? { tag == 0 ? nil : Position(rawValue: (tag - 1) % 4) }

    /// Whether `next` may follow `previous` (nil: sentence start).
    static func allowed(_ previous: Int?, _ next: Int) -> Bool {
        let pPos = previous.flatMap(position(of:))
        let nPos = position(of: next)
        let open = pPos == .begin || pPos == .inside
        if open {
            return (nPos == .inside || nPos == .last) && type(of: next) == type(of: previous!)
        }
        return nPos == nil || nPos == .begin || nPos == .unit
    }

    /// A tag may end a sentence.
    static func canEnd(_ tag: Int) -> Bool {
        let p = position(of: tag)
        return p == nil || p == .last || p == .unit
    }

    public static func name(_ tag: Int) -> String {
        guard let t = type(of: tag), let p = position(of: tag) else { return "O" }
        return ["B-", "I-", "L-", "U-"][p.rawValue] + types[t]
    }

    /// Entity spans of BIO (IOB1 or IOB2) tags, as conlleval reads them: (type, start, end).
    public static func spans(bio: [String]) -> [(type: String, range: Range<Int>)] {
        var out: [(type: String, range: Range<Int>)] = []
        var current: (type: String, start: Int)?
        for (i, tag) in bio.enumerated() {
            let prefix = tag.first
            let type = tag.count > 2 ? String(tag.dropFirst(2)) : ""
            let startsNew = prefix == "B" || prefix == "U" || ((prefix == "I" || prefix == "L") && current?.type != type)
            if tag == "O" || startsNew || current == nil {
                if let c = current { out.append((c.type, c.start..<i)) }
                current = tag == "O" ? nil : (type, i)
            }
        }
        if let c = current { out.append((c.type, c.start..<bio.count)) }
        return out
    }

    /// BILOU tag ids of BIO tags.
    public static func bilou(bio: [String]) -> [Int] {
        var out = Array(repeating: 0, count: bio.count)
        for span in spans(bio: bio) {
            guard let t = types.firstIndex(of: span.type) else { continue }
            if span.range.count == 1 {
                out[span.range.lowerBound] = tag(type: t, .unit)
            } else {
                for i in span.range { out[i] = tag(type: t, .inside) }
                out[span.range.lowerBound] = tag(type: t, .begin)
                out[span.range.upperBound - 1] = tag(type: t, .last)
            }
        }
        return out
    }

    /// IOB2 strings of BILOU tag ids.
    public static func bio(_ tags: [Int]) -> [String] {
        tags.map { tag in
            guard let t = type(of: tag), let p = position(of: tag) else { return "O" }
            return (p == .begin || p == .unit ? "B-" : "I-") + types[t]
        }
    }
}
