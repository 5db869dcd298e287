/// Decoding of `&...` character references, following the HTML5 tokenizer where it matters for
/// text: numeric references with or without `;`, the Windows-1252 remapping browsers apply to
/// `&#128;`–`&#159;` (feeds made from old CMS exports are full of `&#146;`), and named references.
///
/// Anything that is not a reference is reported as such and the caller keeps the `&` as text, so
/// "AT&T", "a && b" and "&unknown;" come through as written.
enum HTMLCharacterReferences {
    /// A decoded reference: the scalar value and the index just past the reference.
    struct Match: Equatable {
        var scalar: UInt32
        var end: Int
    }

    /// Decodes the reference starting at `input[start]`, which must be `&`; nil when there is none.
    /// Reads at most a bounded number of name characters, and every digit it reads is consumed,
    /// so scanning a document costs linear time however many `&` it holds.
    static func match(_ input: UnsafeBufferPointer<UInt8>, at start: Int) -> Match? {
        let n = input.count
        var i = start + 1
        guard i < n else { return nil }
        if input[i] == UInt8(ascii: "#") {
            return numeric(input, from: i + 1)
        }
        // Named: letters and digits, then `;`. Names are at most 8 bytes, so stop reading at 9.
        let nameStart = i
        while i < n, i - nameStart <= 8, isAlphanumeric(input[i]) { i += 1 }
        let length = i - nameStart
        guard length > 0, length <= 8, let value = named[packedName(input, from: nameStart, to: i)] else {
            return nil
        }
        let scalar = value & 0x1F_FFFF
        if i < n, input[i] == UInt8(ascii: ";") {
            return Match(scalar: scalar, end: i + 1)
        }
        // Without `;` only the legacy names decode, and only when the name is not followed by
        // something that makes it look like part of a word or a URL query ("&copy=1", "&notice").
        // The name run already ended at a non-alphanumeric byte, so only `=` is left to check.
        guard value & legacyFlag != 0, !(i < n && input[i] == UInt8(ascii: "=")) else { return nil }
        return Match(scalar: scalar, end: i)
    }

    /// `&#...`, starting just after the `#`.
    private static func numeric(_ input: UnsafeBufferPointer<UInt8>, from start: Int) -> Match? {
        let n = input.count
        var i = start
        var hex = false
        if i < n, (input[i] | 0x20) == UInt8(ascii: "x") {
            hex = true
            i += 1
        }
        let digitsStart = i
        var value: UInt32 = 0
        // Saturate above the Unicode range so a million digits neither overflow nor loop back.
        while i < n {
            let byte = input[i]
            let digit: UInt32
            if byte >= 0x30 && byte <= 0x39 {
                digit = UInt32(byte - 0x30)
            } else if hex, (byte | 0x20) >= 0x61, (byte | 0x20) <= 0x66 {
                digit = UInt32((byte | 0x20) - 0x61 + 10)
            } else {
                break
            }
            if value <= 0x10FFFF { value = value * (hex ? 16 : 10) + digit }
            i += 1
        }
        guard i > digitsStart else { return nil }
        if i < n, input[i] == UInt8(ascii: ";") { i += 1 }
        return Match(scalar: numericScalar(value), end: i)
    }

    /// The scalar a numeric reference stands for: U+FFFD for 0, surrogates and values past
    /// U+10FFFF (none of which is a character), Windows-1252 for the C1 range as HTML5 says.
    static func numericScalar(_ value: UInt32) -> UInt32 {
        switch value {
        case 0, 0xD800...0xDFFF, 0x110000...:
            return 0xFFFD
        case 0x80...0x9F:
            let mapped = windows1252[Int(value - 0x80)]
            return mapped == 0 ? value : mapped  // the five unassigned ones stay C1, then get dropped
        default:
            return value
        }
    }

    /// Windows-1252 meanings of 0x80–0x9F; 0 where Windows-1252 has none.
    private static let windows1252: [UInt32] = [
        0x20AC, 0, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
        0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0, 0x017D, 0,
        0, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
        0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0, 0x017E, 0x0178,
    ]

    private static let legacyFlag: UInt32 = 0x8000_0000

    /// Named entities keyed by their bytes packed little-endian into a `UInt64` (case matters:
    /// `&Eacute;` is not `&eacute;`); the value holds the scalar and the legacy flag.
    private static let named: [UInt64: UInt32] = {
        var table: [UInt64: UInt32] = [:]
        table.reserveCapacity(HTMLEntityTable.entries.count)
        for entry in HTMLEntityTable.entries {
            let key = entry.name.withUTF8Buffer { packedName($0, from: 0, to: $0.count) }
            table[key] = entry.scalar | (entry.legacy ? legacyFlag : 0)
        }
        return table
    }()

    @inline(__always)
    private static func packedName(_ input: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int) -> UInt64 {
        var key: UInt64 = 0
        var shift: UInt64 = 0
        for i in start..<end {
            key |= UInt64(input[i]) << shift
            shift += 8
        }
        return key
    }

    @inline(__always)
    private static func isAlphanumeric(_ byte: UInt8) -> Bool {
        let lower = byte | 0x20
        return (lower >= 0x61 && lower <= 0x7A) || (byte >= 0x30 && byte <= 0x39)
    }
}
