import CLibXML2

/// Escapes the ampersands libxml2 would otherwise drop.
///
/// In recovery mode libxml2 drops an undefined entity (`&doesnotexist;`) and everything
/// after an error loses its entity references; feeds are full of bare `&` in URLs
/// (`?a=1&b=2`). So every `&` that does not start a character reference or a known entity
/// (XML's five, or HTML's, which `HTMLEntityResolver` answers) becomes `&amp;`, and `&#X41;`
/// becomes `&#x41;`; CDATA sections, comments, processing instructions and the DOCTYPE are left
/// alone. The document is copied only when something changes. FeedParser reads a document as
/// written first and repairs it only when that reading meets an error or an unknown entity.
enum AmpersandRepair {
    struct Result {
        var bytes: [UInt8]
        /// How many ampersands were escaped, and the line of the first, for the bozo message.
        var repairs: Int
        var firstLine: Int
    }

    static func repair(_ input: [UInt8]) -> Result {
        let (edits, repairs, firstAt) = input.withUnsafeBufferPointer { findEdits($0) }
        guard !edits.isEmpty else { return Result(bytes: input, repairs: 0, firstLine: 0) }
        var out: [UInt8] = []
        out.reserveCapacity(input.count + edits.count * 4)
        var copiedUpTo = 0
        for edit in edits {
            switch edit {
            case let .escape(at):
                out.append(contentsOf: input[copiedUpTo...at])
                out.append(contentsOf: "amp;".utf8)
                copiedUpTo = at + 1
            case let .lowercaseHex(at):
                out.append(contentsOf: input[copiedUpTo...(at + 1)])
                out.append(UInt8(ascii: "x"))
                copiedUpTo = at + 3
            }
        }
        out.append(contentsOf: input[copiedUpTo...])
        // Lines are counted only when there is something to report, once.
        let firstLine = firstAt.map { at in 1 + input[..<at].reduce(0) { $0 + ($1 == 0x0A ? 1 : 0) } } ?? 0
        return Result(bytes: out, repairs: repairs, firstLine: firstLine)
    }

    private enum Edit {
        /// A bare `&` at this index becomes `&amp;`.
        case escape(Int)
        /// `&#X` at this index becomes `&#x`.
        case lowercaseHex(Int)
    }

    /// One pass over the bytes, without bounds checks: most documents need no edit, and this
    /// runs over every byte of every feed before libxml2 does.
    private static func findEdits(_ s: UnsafeBufferPointer<UInt8>) -> ([Edit], Int, Int?) {
        var edits: [Edit] = []
        var repairs = 0
        var firstAt: Int?
        let n = s.count
        var i = 0
        let base = s.baseAddress
        while i < n {
            // Eight bytes at a time: jump straight to the first `&` or `<` of the word, or past it.
            if i + 8 <= n, let base {
                let word = UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self)
                let hits = matches(word, UInt8(ascii: "&")) | matches(word, UInt8(ascii: "<"))
                if hits == 0 { i += 8; continue }
                i += hits.trailingZeroBitCount >> 3
            }
            let byte = s[i]
            if byte != UInt8(ascii: "&") && byte != UInt8(ascii: "<") { i += 1; continue }
            if byte == UInt8(ascii: "<") {
                if i + 1 < n, s[i + 1] == UInt8(ascii: "!") || s[i + 1] == UInt8(ascii: "?"),
                   let end = skipSpecial(s, from: i) { i = end } else { i += 1 }
                continue
            }
            // `&lt;`, `&gt;` and `&amp;` are most of the references in a feed (escaped HTML): one
            // four-byte compare each, before the general classification.
            if i + 5 <= n, let base {
                let next = UnsafeRawPointer(base + i + 1).loadUnaligned(as: UInt32.self)
                let three = next & 0x00FF_FFFF
                if three == Self.ltSemicolon || three == Self.gtSemicolon { i += 4; continue }
                if next == Self.ampSemicolon { i += 5; continue }
            }
            switch classify(s, at: i) {
            case .valid:
                i += 1
            case .uppercaseHex:
                edits.append(.lowercaseHex(i))
                i += 3
            case .bare:
                edits.append(.escape(i))
                if firstAt == nil { firstAt = i }
                repairs += 1
                i += 1
            }
        }
        return (edits, repairs, firstAt)
    }

    /// "lt;", "gt;" and "amp;" as little-endian words, for the fast path in `findEdits`.
    private static let ltSemicolon = UInt32(UInt8(ascii: "l")) | UInt32(UInt8(ascii: "t")) << 8 | UInt32(UInt8(ascii: ";")) << 16
    private static let gtSemicolon = UInt32(UInt8(ascii: "g")) | UInt32(UInt8(ascii: "t")) << 8 | UInt32(UInt8(ascii: ";")) << 16
    private static let ampSemicolon = UInt32(UInt8(ascii: "a")) | UInt32(UInt8(ascii: "m")) << 8
        | UInt32(UInt8(ascii: "p")) << 16 | UInt32(UInt8(ascii: ";")) << 24

    /// The high bit set in each byte of `word` (little-endian) that may equal `byte`: the classic
    /// SWAR zero-byte test on `word ^ byte…byte`. Zero means no byte matches; the lowest set bit is
    /// always a true match (a false one can only sit above a true one), which is all the scan uses.
    @inline(__always)
    static func matches(_ word: UInt64, _ byte: UInt8) -> UInt64 {
        let x = word ^ (0x0101_0101_0101_0101 &* UInt64(byte))
        return (x &- 0x0101_0101_0101_0101) & ~x & 0x8080_8080_8080_8080
    }

    enum Kind { case valid, bare, uppercaseHex }

    static func classify(_ s: UnsafeBufferPointer<UInt8>, at amp: Int) -> Kind {
        var j = amp + 1
        if j < s.count, s[j] == UInt8(ascii: "#") {
            j += 1
            var hex = false
            var upper = false
            if j < s.count, s[j] == UInt8(ascii: "x") || s[j] == UInt8(ascii: "X") { hex = true; upper = s[j] == UInt8(ascii: "X"); j += 1 }
            let start = j
            // Leading zeros, any number of them (libxml2 reads `&#0000000000065;` as "A"), then at
            // most ten digits: more can only overflow.
            while j < s.count, s[j] == UInt8(ascii: "0") { j += 1 }
            let significant = j
            while j < s.count, j - significant < 10, isDigit(s[j], hex: hex) { j += 1 }
            guard j > start, j < s.count, s[j] == UInt8(ascii: ";") else { return .bare }
            return upper ? .uppercaseHex : .valid
        }
        let start = j
        while j < s.count, j - start < 32, isNameByte(s[j]) { j += 1 }
        guard j > start, j < s.count, s[j] == UInt8(ascii: ";") else { return .bare }
        // XML's five come first and most often (escaped HTML is full of `&lt;` and `&amp;`):
        // compared in place, without building a string.
        if isPredefined(s, from: start, to: j) { return .valid }
        let name = String(decoding: s[start..<j], as: UTF8.self)
        return name.withCString { htmlEntityLookup(UnsafeRawPointer($0).assumingMemoryBound(to: xmlChar.self)) } != nil ? .valid : .bare
    }

    @inline(__always)
    private static func isPredefined(_ s: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int) -> Bool {
        switch end - start {
        case 2: return (s[start] == UInt8(ascii: "l") || s[start] == UInt8(ascii: "g")) && s[start + 1] == UInt8(ascii: "t")
        case 3: return s[start] == UInt8(ascii: "a") && s[start + 1] == UInt8(ascii: "m") && s[start + 2] == UInt8(ascii: "p")
        case 4:
            return ByteScan.hasPrefix(UnsafeBufferPointer(rebasing: s[start..<end]), at: 0, "quot")
                || ByteScan.hasPrefix(UnsafeBufferPointer(rebasing: s[start..<end]), at: 0, "apos")
        default: return false
        }
    }

    private static func isDigit(_ b: UInt8, hex: Bool) -> Bool {
        (b >= 0x30 && b <= 0x39) || (hex && ((b >= 0x41 && b <= 0x46) || (b >= 0x61 && b <= 0x66)))
    }

    private static func isNameByte(_ b: UInt8) -> Bool {
        (b >= 0x30 && b <= 0x39) || (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A) || b == 0x5F || b == 0x2D || b == 0x2E || b >= 0x80
    }

    /// Skips what holds no references: `<![CDATA[ … ]]>`, `<!-- … -->`, processing instructions
    /// (`<?xml-stylesheet href="a?b=1&c=2"?>` is well-formed) and the DOCTYPE declaration (its
    /// literals); returns the index after them (the end of the document when unterminated), or
    /// nil for other `<!`. libxml2 reports no error for an `&` in any of them, so FeedParser's
    /// first reading, of the document as written, keeps them as they are too.
    private static func skipSpecial(_ s: UnsafeBufferPointer<UInt8>, from i: Int) -> Int? {
        let terminator: StaticString
        if ByteScan.hasPrefix(s, at: i, "<?") { return ByteScan.end(of: "?>", in: s, from: i + 2, limit: s.count) ?? s.count }
        if ByteScan.hasPrefix(s, at: i, "<![CDATA[") { terminator = "]]>" }
        else if ByteScan.hasPrefix(s, at: i, "<!--") { terminator = "-->" }
        else if ByteScan.hasPrefix(s, at: i, "<!DOCTYPE") { return doctypeEnd(s, from: i + 9) }
        else { return nil }
        return ByteScan.end(of: terminator, in: s, from: i + 4, limit: s.count) ?? s.count
    }

    /// The index after the `>` that closes a DOCTYPE: outside quoted literals and the internal
    /// subset's brackets (InternalSubset has usually taken the subset out already).
    private static func doctypeEnd(_ s: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        var quote: UInt8 = 0
        var depth = 0
        var j = start
        while j < s.count {
            let b = s[j]
            if quote != 0 {
                if b == quote { quote = 0 }
            } else if b == UInt8(ascii: "\"") || b == UInt8(ascii: "'") {
                quote = b
            } else if b == UInt8(ascii: "[") {
                depth += 1
            } else if b == UInt8(ascii: "]") {
                depth = max(0, depth - 1)
            } else if b == UInt8(ascii: ">"), depth == 0 {
                return j + 1
            }
            j += 1
        }
        return s.count
    }
}
