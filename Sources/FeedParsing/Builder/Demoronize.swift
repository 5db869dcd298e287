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
            out.unicodeScalars.append(s)
            i += 1
        }
        return out
    }

    private static func needsFix(_ text: String) -> Bool {
        var sawAmp = false
        for s in text.unicodeScalars {
            if (0x80...0x9F).contains(s.value) { return true }
            if s == "&" { sawAmp = true }
        }
        return sawAmp && (text.contains("&#1") || text.contains("&#x8") || text.contains("&#x9") || text.contains("&#X"))
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
