#if canImport(Glibc)
import Glibc
#endif

/// Text that was UTF-8, was read as Windows-1252 or Latin-1 somewhere before the feed was
/// written, and reached the feed as UTF-8 again: "donâ€™t" for "don’t", "Ã©tÃ©" for "été".
///
/// The most common mojibake in news feeds, and it sits in the headlines people read and the
/// names they watch ("Putinâ€™s"). Like feedparser, a field is repaired only as a whole, only
/// in a document read as UTF-8, and only when every character maps back to one byte and those
/// bytes are valid UTF-8: a field with one genuine "é" or "”" beside the mojibake is left as it
/// is. One more rule than feedparser's: each sequence must start with a character that starts
/// the mojibake of common text (Â Ã for Latin-1 letters, Ä Å for Central European ones, Î Ï
/// Greek, Ð Ñ Cyrillic, × Hebrew, Ø Ù Arabic, â for punctuation, ã–í for CJK and Hangul, ï for
/// a byte-order mark, ð for emoji), not with a capital such as É, which genuine text puts before
/// a closing quote: "CAFÉ”" is valid UTF-8 for "CAFɔ", and stays "CAFÉ”". (feedparser maps
/// back through Latin-1 only; the Windows-1252 punctuation, "€" and "™" in "â€™", is what real
/// feeds carry.)
enum DoubleEncoding {
    static func repair(_ text: String) -> String {
        var text = text
        guard text.withUTF8(isMojibake) else { return text }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            let v = scalar.value
            if v <= 0xFF {
                bytes.append(UInt8(v))
            } else if let byte = windows1252[v] {
                bytes.append(byte)
            } else {
                return text
            }
        }
        guard let repaired = String(validating: bytes, as: UTF8.self),
              // C1 controls are nobody's text: such a "repair" only traded one noise for another.
              !repaired.unicodeScalars.contains(where: { (0x80...0x9F).contains($0.value) }) else { return text }
        return repaired
    }

    /// Whether `utf8` is one byte per character through Windows-1252 (or Latin-1), and those
    /// bytes read as UTF-8 sequences with a lead from `leads`. Decided without a copy, and at
    /// the first character that rules it out: genuine text ("café", "Erdoğan") stops at its first
    /// letter beyond ASCII. `String(validating:)` still checks what this lets through.
    static func isMojibake(_ utf8: UnsafeBufferPointer<UInt8>) -> Bool {
        // Every character mojibake starts with (U+00C2–U+00F4) is written C3 xx in UTF-8: a field
        // without a 0xC3 byte (nearly all of them) is answered by one memchr.
        guard let base = utf8.baseAddress, let hit = memchr(base, 0xC3, utf8.count) else { return false }
        let n = utf8.count
        // Genuine text is ruled out where that byte is, without reading the field from its start:
        // a character written C3 xx always stands for a lead byte (xx + 0x40), which must be one
        // of `leads` and be followed by as many characters that stand for continuation bytes.
        // "á" (E1) is no lead here; "é" (E9) is, but not before plain ASCII.
        let p = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
        guard p + 1 < n, leads.contains(base[p + 1] &+ 0x40) else { return false }
        var q = p + 2
        for _ in 0..<(base[p + 1] &+ 0x40 >= 0xE0 ? 2 : 1) {
            guard q + 1 < n else { return false }
            switch base[q] {
            case 0xC2 where base[q + 1] >= 0x80 && base[q + 1] <= 0xBF: q += 2
            case 0xC5, 0xC6, 0xCB: q += 2
            case 0xE2: q += 3
            default: return false
            }
        }
        var i = 0
        var pending = 0 // continuation bytes the repaired sequence still needs
        // One sequence alone ("Ø" and a no-break space, "é®™") is too little to go on unless it
        // is the commonest mojibake there is: a Latin-1 letter (Ã©) or punctuation (â€™).
        var sequences = 0, strong = false
        while let j = UTF8Validation.firstNonASCII(utf8, from: i) {
            if pending > 0, j > i { return false } // an ASCII byte inside a sequence
            guard j + 1 < n else { return false }
            let byte: UInt8
            var length = 2
            switch base[j] {
            case 0xC2: byte = base[j + 1]
            case 0xC3: byte = base[j + 1] &+ 0x40
            case 0xC5, 0xC6, 0xCB, 0xE2:
                // Windows-1252's own characters: Œ Š Ž ƒ ˆ ˜, and the punctuation, € and ™.
                length = base[j] == 0xE2 ? 3 : 2
                guard j + length <= n else { return false }
                var value = UInt32(base[j] & (length == 2 ? 0x1F : 0x0F))
                for k in 1..<length { value = value << 6 | UInt32(base[j + k] & 0x3F) }
                guard let mapped = windows1252[value] else { return false }
                byte = mapped
            default:
                return false
            }
            if pending > 0 {
                guard byte >= 0x80, byte <= 0xBF else { return false }
                pending -= 1
            } else {
                guard leads.contains(byte) else { return false }
                pending = byte >= 0xF0 ? 3 : byte >= 0xE0 ? 2 : 1
                sequences += 1
                if byte == 0xC2 || byte == 0xC3 { strong = true }
                if byte == 0xE2, let next = nextByte(after: j + length, in: utf8), next == 0x80 { strong = true }
            }
            i = j + length
        }
        return pending == 0 && i > 0 && (sequences >= 2 || strong)
    }

    /// The byte the character at `index` stands for (Windows-1252 or Latin-1), if it is one of
    /// C2 xx or the Windows-1252 punctuation: enough to see that "â" is followed by "€".
    private static func nextByte(after index: Int, in utf8: UnsafeBufferPointer<UInt8>) -> UInt8? {
        guard index + 1 < utf8.count else { return nil }
        if utf8[index] == 0xC2 { return utf8[index + 1] }
        if utf8[index] == 0xE2, index + 2 < utf8.count {
            let value = UInt32(utf8[index] & 0x0F) << 12 | UInt32(utf8[index + 1] & 0x3F) << 6 | UInt32(utf8[index + 2] & 0x3F)
            return windows1252[value]
        }
        return nil
    }

    /// The first bytes of the UTF-8 sequences repaired (see above).
    static let leads: Set<UInt8> = [0xC2, 0xC3, 0xC4, 0xC5, 0xCE, 0xCF, 0xD0, 0xD1, 0xD7, 0xD8, 0xD9,
                                    0xE2, 0xE3, 0xE4, 0xE5, 0xE6, 0xE7, 0xE8, 0xE9, 0xEA, 0xEB, 0xEC, 0xED, 0xEF, 0xF0]

    /// Windows-1252's characters outside Latin-1, to the byte they stand for (0x80–0x9F).
    static let windows1252: [UInt32: UInt8] = {
        var map: [UInt32: UInt8] = [:]
        for (offset, scalar) in Demoronize.table.enumerated() {
            if let scalar { map[scalar] = UInt8(0x80 + offset) }
        }
        return map
    }()
}
