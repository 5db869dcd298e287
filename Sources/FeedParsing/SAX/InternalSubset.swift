#if canImport(Glibc)
import Glibc
#endif

/// Takes the internal DTD subset out of a feed before libxml2 sees it.
///
/// Feeds sometimes declare a few text entities (`<!ENTITY id "tag:example.com,">`) or pull in
/// XHTML's entity sets by parameter entity. libxml2 must never load the latter (no network, no
/// files) and must not expand declarations at all (billion laughs); feedparser still honours
/// plain literal entities. So: the subset is removed, literal general entities whose values
/// hold no markup or references are kept, and their references are replaced by the (escaped)
/// value — at most 64 entities of at most 1 KiB each, and at most 1 MiB of growth in all.
enum InternalSubset {
    struct Result {
        var bytes: [UInt8]
        var entities: Int
    }

    static let maxEntities = 64
    static let maxValueBytes = 1024
    static let maxGrowth = 1 << 20

    static func strip(_ input: [UInt8]) -> Result {
        guard let (open, close) = locate(input) else { return Result(bytes: input, entities: 0) }
        let declarations = literalEntities(Array(input[(open + 1)..<close]))
        var out = Array(input[..<open])
        var rest = Array(input[(close + 1)...])
        // Drop the "]" and keep the DOCTYPE's closing ">".
        out.append(contentsOf: rest.prefix { $0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D })
        rest.removeFirst(out.count - open)
        out += rest
        guard !declarations.isEmpty else { return Result(bytes: out, entities: 0) }
        return Result(bytes: substitute(out, declarations, from: open), entities: declarations.count)
    }

    /// The `[` and `]` of `<!DOCTYPE name [ … ]>` in the document's prolog.
    ///
    /// Only the prolog is searched, the way an XML parser reads it: the XML declaration,
    /// processing instructions and comments are stepped over (a comment may mention
    /// `<!DOCTYPE`), and the search ends at the first other markup — the root element, after
    /// which no DOCTYPE can come. It runs before every parse, so it jumps from `<` to `<` with
    /// memchr instead of comparing at every byte of the first 8 KiB.
    private static func locate(_ s: [UInt8]) -> (Int, Int)? {
        let limit = min(s.count, 8192)
        let found: Int? = s.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return nil }
            var i = 0
            while i < limit {
                guard let hit = memchr(base + i, Int32(UInt8(ascii: "<")), limit - i) else { return nil }
                i = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
                if ByteScan.hasPrefix(buffer, at: i, "<!DOCTYPE") { return i }
                if ByteScan.hasPrefix(buffer, at: i, "<!--") {
                    guard let next = ByteScan.end(of: "-->", in: buffer, from: i + 4, limit: limit) else { return nil }
                    i = next
                } else if ByteScan.hasPrefix(buffer, at: i, "<?") {
                    guard let next = ByteScan.end(of: "?>", in: buffer, from: i + 2, limit: limit) else { return nil }
                    i = next
                } else {
                    return nil
                }
            }
            return nil
        }
        guard let start = found else { return nil }
        let marker = "<!DOCTYPE".utf8.count
        var i = start + marker
        var quote: UInt8?
        while i < s.count {
            let b = s[i]
            if let q = quote { if b == q { quote = nil } }
            else if b == 0x22 || b == 0x27 { quote = b }
            else if b == UInt8(ascii: ">") { return nil }          // no internal subset
            else if b == UInt8(ascii: "[") { break }
            i += 1
        }
        guard i < s.count else { return nil }
        let open = i
        quote = nil
        i += 1
        while i < s.count {
            let b = s[i]
            if let q = quote { if b == q { quote = nil } }
            else if b == 0x22 || b == 0x27 { quote = b }
            else if b == UInt8(ascii: "]") { return (open, i) }
            i += 1
        }
        return nil
    }

    /// `<!ENTITY name "value">` declarations with plain-text values.
    private static func literalEntities(_ subset: [UInt8]) -> [(name: [UInt8], value: [UInt8])] {
        var found: [(name: [UInt8], value: [UInt8])] = []
        let marker = Array("<!ENTITY".utf8)
        var i = 0
        while i + marker.count < subset.count, found.count < maxEntities {
            guard subset[i..<(i + marker.count)].elementsEqual(marker) else { i += 1; continue }
            var j = i + marker.count
            func skipSpace() { while j < subset.count, [0x20, 0x09, 0x0A, 0x0D].contains(subset[j]) { j += 1 } }
            skipSpace()
            guard j < subset.count, subset[j] != UInt8(ascii: "%") else { i = j; continue } // parameter entity
            let nameStart = j
            while j < subset.count, ![0x20, 0x09, 0x0A, 0x0D, 0x22, 0x27, 0x3E].contains(subset[j]) { j += 1 }
            let name = Array(subset[nameStart..<j])
            skipSpace()
            guard j < subset.count, subset[j] == 0x22 || subset[j] == 0x27, !name.isEmpty else { i = j; continue }
            let q = subset[j]
            let valueStart = j + 1
            guard let valueEnd = subset[valueStart...].firstIndex(of: q) else { break }
            let value = Array(subset[valueStart..<valueEnd])
            if value.count <= maxValueBytes, !value.contains(UInt8(ascii: "&")), !value.contains(UInt8(ascii: "%")),
               !value.contains(UInt8(ascii: "<")) {
                found.append((name, value))
            }
            i = valueEnd + 1
        }
        return found
    }

    private static func substitute(_ s: [UInt8], _ entities: [(name: [UInt8], value: [UInt8])], from start: Int) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(s.count)
        out += s[..<start]
        var growth = 0
        var i = start
        outer: while i < s.count {
            if s[i] == UInt8(ascii: "&") {
                for entity in entities {
                    let end = i + 1 + entity.name.count
                    if end < s.count, s[end] == UInt8(ascii: ";"), s[(i + 1)..<end].elementsEqual(entity.name),
                       growth + entity.value.count <= maxGrowth {
                        out += entity.value
                        growth += entity.value.count
                        i = end + 1
                        continue outer
                    }
                }
            }
            out.append(s[i])
            i += 1
        }
        return out
    }
}
