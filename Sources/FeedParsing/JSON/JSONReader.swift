/// A strict RFC 8259 JSON reader over UTF-8 bytes, bounded in nesting and string length.
///
/// Hand-written rather than `JSONSerialization` so that the nesting bound is enforced while
/// reading (recursion never goes deeper than `maximumDepth`, whatever the input), numbers keep
/// their text, booleans stay booleans, and errors name a line and column.
struct JSONReader {
    /// A syntax error, or nesting beyond `maximumDepth`, at a byte offset of the document.
    struct Failure: Error, Equatable {
        var message: String
        var offset: Int
    }

    /// Containers nested deeper than this reject the document: a JSON Feed needs about six.
    static let maximumDepth = 64

    private let bytes: [UInt8]
    private var index: Int
    private let maxStringBytes: Int
    /// A string was longer than `maxStringBytes` and was cut (at a character boundary).
    private(set) var truncatedStrings = false
    /// A string held bytes that are not UTF-8; they were replaced with U+FFFD.
    private(set) var invalidUTF8 = false

    init(_ bytes: [UInt8], from start: Int = 0, maxStringBytes: Int = .max) {
        self.bytes = bytes
        self.index = start
        self.maxStringBytes = max(0, maxStringBytes)
    }

    /// Reads one value. Returns it with the offset of the first non-space byte after it, if any
    /// (trailing data: the caller decides whether that is fatal).
    mutating func readDocument() throws(Failure) -> (value: JSONNode, trailingOffset: Int?) {
        let value = try readValue(depth: 0)
        skipWhitespace()
        return (value, index < bytes.count ? index : nil)
    }

    /// "line 3, column 7" (1-based, columns in bytes) for a byte offset of `bytes`.
    static func position(of offset: Int, in bytes: [UInt8]) -> String {
        var line = 1
        var lineStart = 0
        for i in 0..<min(offset, bytes.count) where bytes[i] == UInt8(ascii: "\n") {
            line += 1
            lineStart = i + 1
        }
        return "line \(line), column \(offset - lineStart + 1)"
    }

    // MARK: Values

    private mutating func readValue(depth: Int) throws(Failure) -> JSONNode {
        skipWhitespace()
        guard index < bytes.count else { throw failure("unexpected end of document, expected a value") }
        switch bytes[index] {
        case UInt8(ascii: "{"): return try readObject(depth: depth + 1)
        case UInt8(ascii: "["): return try readArray(depth: depth + 1)
        case UInt8(ascii: "\""): return .string(try readString())
        case UInt8(ascii: "t"): try readLiteral("true"); return .bool(true)
        case UInt8(ascii: "f"): try readLiteral("false"); return .bool(false)
        case UInt8(ascii: "n"): try readLiteral("null"); return .null
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return .number(try readNumber())
        default: throw failure("unexpected character \(describe(bytes[index])), expected a value")
        }
    }

    private mutating func readObject(depth: Int) throws(Failure) -> JSONNode {
        guard depth <= JSONReader.maximumDepth else {
            throw failure("arrays and objects nested deeper than \(JSONReader.maximumDepth) levels")
        }
        index += 1
        var members: [String: JSONNode] = [:]
        skipWhitespace()
        if index < bytes.count, bytes[index] == UInt8(ascii: "}") {
            index += 1
            return .object(members)
        }
        while true {
            skipWhitespace()
            guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") else {
                throw failure(index < bytes.count ? "expected a string key" : "unexpected end of document inside an object")
            }
            let key = try readString()
            skipWhitespace()
            guard index < bytes.count, bytes[index] == UInt8(ascii: ":") else { throw failure("expected ':' after an object key") }
            index += 1
            members[key] = try readValue(depth: depth)
            skipWhitespace()
            guard index < bytes.count else { throw failure("unexpected end of document inside an object") }
            switch bytes[index] {
            case UInt8(ascii: ","): index += 1
            case UInt8(ascii: "}"): index += 1; return .object(members)
            default: throw failure("expected ',' or '}' in an object, found \(describe(bytes[index]))")
            }
        }
    }

    private mutating func readArray(depth: Int) throws(Failure) -> JSONNode {
        guard depth <= JSONReader.maximumDepth else {
            throw failure("arrays and objects nested deeper than \(JSONReader.maximumDepth) levels")
        }
        index += 1
        var elements: [JSONNode] = []
        skipWhitespace()
        if index < bytes.count, bytes[index] == UInt8(ascii: "]") {
            index += 1
            return .array(elements)
        }
        while true {
            elements.append(try readValue(depth: depth))
            skipWhitespace()
            guard index < bytes.count else { throw failure("unexpected end of document inside an array") }
            switch bytes[index] {
            case UInt8(ascii: ","): index += 1
            case UInt8(ascii: "]"): index += 1; return .array(elements)
            default: throw failure("expected ',' or ']' in an array, found \(describe(bytes[index]))")
            }
        }
    }

    private mutating func readLiteral(_ word: StaticString) throws(Failure) {
        let count = word.utf8CodeUnitCount
        let matches = word.withUTF8Buffer { expected in
            index + count <= bytes.count && bytes[index..<index + count].elementsEqual(expected)
        }
        guard matches else { throw failure("unexpected character \(describe(bytes[index])), expected a value") }
        index += count
    }

    /// -? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?
    private mutating func readNumber() throws(Failure) -> String {
        let start = index
        if bytes[index] == UInt8(ascii: "-") { index += 1 }
        guard index < bytes.count, isDigit(bytes[index]) else { throw failure("a number needs digits") }
        if bytes[index] == UInt8(ascii: "0") {
            index += 1
            if index < bytes.count, isDigit(bytes[index]) { throw failure("a number cannot have leading zeros") }
        } else {
            skipDigits()
        }
        if index < bytes.count, bytes[index] == UInt8(ascii: ".") {
            index += 1
            guard index < bytes.count, isDigit(bytes[index]) else { throw failure("a number needs digits after '.'") }
            skipDigits()
        }
        if index < bytes.count, bytes[index] == UInt8(ascii: "e") || bytes[index] == UInt8(ascii: "E") {
            index += 1
            if index < bytes.count, bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-") { index += 1 }
            guard index < bytes.count, isDigit(bytes[index]) else { throw failure("a number needs digits in its exponent") }
            skipDigits()
        }
        return String(decoding: bytes[start..<index], as: UTF8.self)
    }

    // MARK: Strings

    private mutating func readString() throws(Failure) -> String {
        let openingQuote = index
        index += 1
        var out: [UInt8] = []
        var cut = false
        while true {
            // Copy the run of plain bytes up to the next quote, backslash or control character.
            let runStart = index
            while index < bytes.count, bytes[index] != UInt8(ascii: "\""), bytes[index] != UInt8(ascii: "\\"), bytes[index] >= 0x20 {
                index += 1
            }
            append(bytes[runStart..<index], to: &out, cut: &cut)
            guard index < bytes.count else {
                index = openingQuote
                throw failure("unterminated string")
            }
            let byte = bytes[index]
            if byte == UInt8(ascii: "\"") {
                index += 1
                break
            }
            if byte < 0x20 { throw failure("unescaped control character \(describe(byte)) in a string") }
            try readEscape(into: &out, cut: &cut)
        }
        if cut {
            truncatedStrings = true
            dropIncompleteTail(&out)
        }
        if let valid = String(validating: out, as: UTF8.self) { return valid }
        invalidUTF8 = true
        return String(decoding: out, as: UTF8.self)
    }

    /// Reads the escape sequence at `index` (a backslash) and appends what it stands for.
    private mutating func readEscape(into out: inout [UInt8], cut: inout Bool) throws(Failure) {
        index += 1
        guard index < bytes.count else { throw failure("unterminated string") }
        let simple: UInt8?
        switch bytes[index] {
        case UInt8(ascii: "\""): simple = UInt8(ascii: "\"")
        case UInt8(ascii: "\\"): simple = UInt8(ascii: "\\")
        case UInt8(ascii: "/"): simple = UInt8(ascii: "/")
        case UInt8(ascii: "b"): simple = 0x08
        case UInt8(ascii: "f"): simple = 0x0C
        case UInt8(ascii: "n"): simple = 0x0A
        case UInt8(ascii: "r"): simple = 0x0D
        case UInt8(ascii: "t"): simple = 0x09
        case UInt8(ascii: "u"): simple = nil
        default: throw failure("invalid escape sequence \\\(describe(bytes[index])) in a string")
        }
        if let simple {
            index += 1
            append(CollectionOfOne(simple), to: &out, cut: &cut)
            return
        }
        index += 1
        let unit = try readHex4()
        var scalar = Unicode.Scalar(unit)
        if (0xD800...0xDBFF).contains(unit), index + 1 < bytes.count,
           bytes[index] == UInt8(ascii: "\\"), bytes[index + 1] == UInt8(ascii: "u") {
            let save = index
            index += 2
            let low = try readHex4()
            if (0xDC00...0xDFFF).contains(low) {
                scalar = Unicode.Scalar(0x10000 + ((UInt32(unit) - 0xD800) << 10) + (UInt32(low) - 0xDC00))
            } else {
                index = save  // not a pair: the next escape stands on its own
            }
        }
        // A lone surrogate is not a character: it becomes U+FFFD, as invalid UTF-8 does.
        append(UTF8.encode(scalar ?? "\u{FFFD}")!, to: &out, cut: &cut)
    }

    private mutating func readHex4() throws(Failure) -> UInt16 {
        guard index + 4 <= bytes.count else { throw failure("\\u needs four hex digits") }
        var value: UInt16 = 0
        for _ in 0..<4 {
            let byte = bytes[index]
            let digit: UInt8
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
            default: throw failure("\\u needs four hex digits")
            }
            value = value << 4 | UInt16(digit)
            index += 1
        }
        return value
    }

    /// Appends while the string stays within `maxStringBytes`; past it, notes the cut instead.
    private func append<C: Collection>(_ part: C, to out: inout [UInt8], cut: inout Bool) where C.Element == UInt8 {
        if cut || part.isEmpty { return }
        let room = maxStringBytes - out.count
        if part.count <= room {
            out.append(contentsOf: part)
        } else {
            out.append(contentsOf: part.prefix(room))
            cut = true
        }
    }

    /// After a cut: drops a multi-byte character whose tail was cut off.
    private func dropIncompleteTail(_ out: inout [UInt8]) {
        var lead = out.count - 1
        while lead >= 0, lead >= out.count - 4, out[lead] & 0xC0 == 0x80 { lead -= 1 }
        guard lead >= 0 else { return }
        let byte = out[lead]
        let length = byte < 0x80 ? 1 : byte >= 0xF0 ? 4 : byte >= 0xE0 ? 3 : byte >= 0xC0 ? 2 : 1
        if lead + length > out.count { out.removeSubrange(lead...) }
    }

    // MARK: Bytes

    private mutating func skipWhitespace() {
        while index < bytes.count {
            switch bytes[index] {
            case 0x20, 0x09, 0x0A, 0x0D: index += 1
            default: return
            }
        }
    }

    private mutating func skipDigits() {
        while index < bytes.count, isDigit(bytes[index]) { index += 1 }
    }

    private func isDigit(_ byte: UInt8) -> Bool {
        byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")
    }

    private func describe(_ byte: UInt8) -> String {
        (0x21..<0x7F).contains(byte) ? "'\(Character(Unicode.Scalar(byte)))'" : "0x" + String(byte, radix: 16)
    }

    private func failure(_ message: String) -> Failure {
        Failure(message: message, offset: index)
    }
}
