#if canImport(Glibc)
import Glibc
#endif

/// Windows-1252 punctuation written as C1 control characters or their character references.
///
/// Feeds made on Windows often put "smart quotes" in as code points 128–159 (U+0080–U+009F,
/// control characters nobody means), or as `&#146;` inside escaped HTML. Like feedparser, we
/// read them as the Windows-1252 characters they stand for: `don&#146;t` is "don’t".
enum Demoronize {
    /// Windows-1252 0x80–0x9F; nil where the code page leaves a hole.
    static let table: [UInt32?] = [
        0x20AC, nil, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, nil, 0x017D, nil,
        nil, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, nil, 0x017E, 0x0178,
    ]

    static func fix(_ text: String) -> String {
        guard needsFix(text) else { return text }
        var out = ""
        out.unicodeScalars.reserveCapacity(text.unicodeScalars.count)
        let scalars = Array(text.unicodeScalars)
        var i = 0
        while i < scalars.count {
            let s = scalars[i]
            if (0x80...0x9F).contains(s.value), let mapped = table[Int(s.value - 0x80)], let u = Unicode.Scalar(mapped) {
                out.unicodeScalars.append(u)
                i += 1
                continue
            }
            if s == "&", let (code, length) = characterReference(scalars, at: i), (0x80...0x9F).contains(code),
               let mapped = table[Int(code - 0x80)] {
                out += "&#x" + String(mapped, radix: 16) + ";"
                i += length
                continue
            }
            // `&#X61;` is not a reference in XML or HTML5 parsers' strict modes: spell it `&#x61;`.
            if s == "&", i + 2 < scalars.count, scalars[i + 1] == "#", scalars[i + 2] == "X" {
                out += "&#x"
                i += 3
                continue
            }
            out.unicodeScalars.append(s)
            i += 1
        }
        return out
    }

    /// One pass over the UTF-8 bytes: a C1 code point (0xC2 0x80–0x9F), or `&#` with a value
    /// of 128–159. Almost every field answers no, and then costs nothing more.
    static func needsFix(_ text: String) -> Bool {
        text.utf8.withContiguousStorageIfAvailable(scan) ?? Array(text.utf8).withUnsafeBufferPointer(scan)
    }

    private static func scan(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = bytes.baseAddress else { return false }
        let n = bytes.count
        // Two memchr passes (C speed) instead of one byte loop: most fields have no 0xC2 at all,
        // and the `&` that escaped HTML is full of are checked where they are.
        var i = 0
        while i < n, let hit = memchr(base + i, 0xC2, n - i) {
            i = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
            if i + 1 < n, (0x80...0x9F).contains(bytes[i + 1]) { return true }
            i += 1
        }
        i = 0
        while i < n, let hit = memchr(base + i, Int32(UInt8(ascii: "&")), n - i) {
            i = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
            if referenceNeedsFix(bytes, at: i) { return true }
            i += 1
        }
        return false
    }

    /// `&#X…` (any), or `&#128;`–`&#159;` / `&#x80;`–`&#x9f;` at `i`.
    @inline(__always)
    private static func referenceNeedsFix(_ bytes: UnsafeBufferPointer<UInt8>, at i: Int) -> Bool {
        let n = bytes.count
        guard i + 2 < n, bytes[i + 1] == UInt8(ascii: "#") else { return false }
        var j = i + 2
        var hex = false
        if bytes[j] == UInt8(ascii: "X") { return true }
        if bytes[j] == UInt8(ascii: "x") { hex = true; j += 1 }
        var value = 0
        let start = j
        while j < n, j - start < 7 {
            let d = bytes[j]
            if d >= 0x30 && d <= 0x39 { value = value * (hex ? 16 : 10) + Int(d - 0x30) }
            else if hex, (d | 0x20) >= 0x61 && (d | 0x20) <= 0x66 { value = value * 16 + Int((d | 0x20) - 0x61 + 10) }
            else { break }
            j += 1
        }
        return j > start && j < n && bytes[j] == UInt8(ascii: ";") && (0x80...0x9F).contains(value)
    }

    /// `&#146;` or `&#x92;` at `i`: the code and the reference's length.
    private static func characterReference(_ s: [Unicode.Scalar], at i: Int) -> (UInt32, Int)? {
        guard i + 3 < s.count, s[i + 1] == "#" else { return nil }
        var j = i + 2
        let hex = s[j] == "x" || s[j] == "X"
        if hex { j += 1 }
        var value: UInt32 = 0
        let start = j
        while j < s.count, j - start < 6, let digit = Int(String(s[j]), radix: hex ? 16 : 10) {
            value = value * (hex ? 16 : 10) + UInt32(digit)
            j += 1
        }
        guard j > start, j < s.count, s[j] == ";" else { return nil }
        return (value, j + 1 - i)
    }
}
