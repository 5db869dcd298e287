/// A run of ASCII digits as read from a date: its value and how many digits spelled it.
///
/// The digit count matters as much as the value: `031231`, `2003` and `03` are told apart by
/// length alone, and a two-digit year means something else than a four-digit one.
struct DateNumber {
    var value: Int
    var digits: Int
}

/// A cursor over the UTF-8 bytes of one date string.
///
/// Every date form is read by walking bytes: no `Character` grapheme breaking, no allocation,
/// no Foundation. The cursor never traps: peeking past the end yields 0 (a byte no date form
/// accepts), and numbers stop accumulating after 18 digits instead of overflowing, so callers
/// only need to check `digits`.
struct DateScanner {
    let bytes: UnsafeBufferPointer<UInt8>
    var index = 0

    init(_ bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
    }

    var isAtEnd: Bool { index >= bytes.count }

    /// The current byte, or 0 at the end.
    var peek: UInt8 { index < bytes.count ? bytes[index] : 0 }

    /// The byte `offset` places ahead, or 0 past the end.
    func peek(ahead offset: Int) -> UInt8 {
        let position = index + offset
        return position < bytes.count ? bytes[position] : 0
    }

    mutating func advance(by count: Int = 1) {
        index += count
    }

    /// Consumes `byte` if it is next.
    mutating func consume(_ byte: UInt8) -> Bool {
        guard peek == byte, !isAtEnd else { return false }
        index += 1
        return true
    }

    /// Consumes the byte sequence `expected` if it comes next.
    mutating func consume(_ expected: [UInt8]) -> Bool {
        guard bytes.count - index >= expected.count else { return false }
        for (offset, byte) in expected.enumerated() where bytes[index + offset] != byte {
            return false
        }
        index += expected.count
        return true
    }

    /// Skips ASCII white space; returns how much was skipped.
    @discardableResult
    mutating func skipSpaces() -> Int {
        let start = index
        while index < bytes.count, DateByte.isSpace(bytes[index]) { index += 1 }
        return index - start
    }

    /// Reads a run of ASCII digits; nil when the next byte is not a digit.
    mutating func number() -> DateNumber? {
        var value = 0
        var digits = 0
        while index < bytes.count, DateByte.isDigit(bytes[index]) {
            if digits < 18 { value = value * 10 + Int(bytes[index] &- DateByte.zero) }
            digits += 1
            index += 1
        }
        return digits == 0 ? nil : DateNumber(value: value, digits: digits)
    }

    /// Skips a decimal fraction (`.538`, `,5`). Feeds carry at most milliseconds of meaning and
    /// `Timestamp` keeps whole seconds, so the digits are dropped (truncated, as feedparser does).
    mutating func skipFraction() {
        guard peek == DateByte.period || peek == DateByte.comma, DateByte.isDigit(peek(ahead: 1)) else { return }
        index += 1
        while index < bytes.count, DateByte.isDigit(bytes[index]) { index += 1 }
    }

    /// Whether a word (see `word()`) starts here.
    var isAtWord: Bool { !isAtEnd && DateByte.isWordByte(peek) }

    /// Reads a word: a run of ASCII letters and non-ASCII bytes (Greek or Korean names are
    /// words too). Returns the byte range, or nil when no word starts here.
    mutating func word() -> Range<Int>? {
        let start = index
        while index < bytes.count, DateByte.isWordByte(bytes[index]) { index += 1 }
        return index == start ? nil : start..<index
    }

    /// Reads a run of ASCII letters only (zone names).
    mutating func asciiWord() -> Range<Int>? {
        let start = index
        while index < bytes.count, DateByte.isLetter(bytes[index]) { index += 1 }
        return index == start ? nil : start..<index
    }
}

/// The handful of ASCII bytes and classes the date parsers compare against.
enum DateByte {
    static let zero = UInt8(ascii: "0")
    static let plus = UInt8(ascii: "+")
    static let minus = UInt8(ascii: "-")
    static let colon = UInt8(ascii: ":")
    static let comma = UInt8(ascii: ",")
    static let period = UInt8(ascii: ".")
    static let slash = UInt8(ascii: "/")
    static let openParen = UInt8(ascii: "(")
    static let closeParen = UInt8(ascii: ")")

    static func isDigit(_ byte: UInt8) -> Bool { byte &- zero < 10 }

    static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || (byte >= 0x09 && byte <= 0x0D)
    }

    /// ASCII letters fold to lower case with one OR; other bytes keep out of `a...z`.
    static func lowercased(_ byte: UInt8) -> UInt8 { byte | 0x20 }

    static func isLetter(_ byte: UInt8) -> Bool { (byte | 0x20) &- UInt8(ascii: "a") < 26 }

    static func isWordByte(_ byte: UInt8) -> Bool { byte >= 0x80 || isLetter(byte) }
}
