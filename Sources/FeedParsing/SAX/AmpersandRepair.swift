import CLibXML2

/// Escapes the ampersands libxml2 would otherwise drop.
///
/// In recovery mode libxml2 drops an undefined entity (`&doesnotexist;`) and everything
/// after an error loses its entity references; feeds are full of bare `&` in URLs
/// (`?a=1&b=2`). Before parsing, every `&` that does not start a character reference or a
/// known entity (XML's five, or HTML's, which `HTMLEntityResolver` answers) becomes `&amp;`,
/// and `&#X41;` becomes `&#x41;`. CDATA sections and comments are left alone. The document
/// is copied only when something changes.
enum AmpersandRepair {
    struct Result {
        var bytes: [UInt8]
        /// How many ampersands were escaped, and the line of the first, for the bozo message.
        var repairs: Int
        var firstLine: Int
    }

    static func repair(_ input: [UInt8]) -> Result {
        var out: [UInt8] = []
        var copiedUpTo = 0
        var repairs = 0
        var firstLine = 0
        var line = 1
        var i = 0
        let n = input.count
        func startCopy() { if out.isEmpty { out.reserveCapacity(n + n / 50 + 16) } }
        while i < n {
            let byte = input[i]
            if byte == 0x0A { line += 1; i += 1; continue }
            if byte == UInt8(ascii: "<"), i + 3 < n, input[i + 1] == UInt8(ascii: "!") {
                if let end = skipSpecial(input, from: i, line: &line) { i = end; continue }
            }
            guard byte == UInt8(ascii: "&") else { i += 1; continue }
            switch classify(input, at: i) {
            case .valid:
                i += 1
            case .uppercaseHex:
                startCopy()
                out.append(contentsOf: input[copiedUpTo...(i + 1)])
                out.append(UInt8(ascii: "x"))
                copiedUpTo = i + 3
                i += 3
            case .bare:
                startCopy()
                out.append(contentsOf: input[copiedUpTo...i])
                out.append(contentsOf: "amp;".utf8)
                copiedUpTo = i + 1
                if repairs == 0 { firstLine = line }
                repairs += 1
                i += 1
            }
        }
        if copiedUpTo == 0 && out.isEmpty { return Result(bytes: input, repairs: 0, firstLine: 0) }
        out.append(contentsOf: input[copiedUpTo..<n])
        return Result(bytes: out, repairs: repairs, firstLine: firstLine)
    }

    enum Kind { case valid, bare, uppercaseHex }

    private static let predefined: Set<String> = ["amp", "lt", "gt", "quot", "apos"]

    static func classify(_ s: [UInt8], at amp: Int) -> Kind {
        var j = amp + 1
        if j < s.count, s[j] == UInt8(ascii: "#") {
            j += 1
            var hex = false
            var upper = false
            if j < s.count, s[j] == UInt8(ascii: "x") || s[j] == UInt8(ascii: "X") { hex = true; upper = s[j] == UInt8(ascii: "X"); j += 1 }
            let start = j
            while j < s.count, j - start < 10, isDigit(s[j], hex: hex) { j += 1 }
            guard j > start, j < s.count, s[j] == UInt8(ascii: ";") else { return .bare }
            return upper ? .uppercaseHex : .valid
        }
        let start = j
        while j < s.count, j - start < 32, isNameByte(s[j]) { j += 1 }
        guard j > start, j < s.count, s[j] == UInt8(ascii: ";") else { return .bare }
        let name = String(decoding: s[start..<j], as: UTF8.self)
        if predefined.contains(name) { return .valid }
        return name.withCString { htmlEntityLookup(UnsafeRawPointer($0).assumingMemoryBound(to: xmlChar.self)) } != nil ? .valid : .bare
    }

    private static func isDigit(_ b: UInt8, hex: Bool) -> Bool {
        (b >= 0x30 && b <= 0x39) || (hex && ((b >= 0x41 && b <= 0x46) || (b >= 0x61 && b <= 0x66)))
    }

    private static func isNameByte(_ b: UInt8) -> Bool {
        (b >= 0x30 && b <= 0x39) || (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A) || b == 0x5F || b == 0x2D || b == 0x2E || b >= 0x80
    }

    /// Skips `<![CDATA[ … ]]>` and `<!-- … -->`; returns the index after them, or nil for other `<!`.
    private static func skipSpecial(_ s: [UInt8], from i: Int, line: inout Int) -> Int? {
        let cdata = Array("<![CDATA[".utf8), comment = Array("<!--".utf8)
        let terminator: [UInt8]
        if s[i...].starts(with: cdata) { terminator = Array("]]>".utf8) }
        else if s[i...].starts(with: comment) { terminator = Array("-->".utf8) }
        else { return nil }
        var j = i + 4
        while j + terminator.count <= s.count {
            if s[j] == 0x0A { line += 1 }
            if s[j] == terminator[0], s[j...].starts(with: terminator) { return j + terminator.count }
            j += 1
        }
        return s.count
    }
}
