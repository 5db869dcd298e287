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
        // Every character mojibake starts with (U+00C2–U+00F4) is written C3 xx in UTF-8: a field
        // without a 0xC3 byte (nearly all of them) is answered by one memchr.
        let candidate = text.utf8.withContiguousStorageIfAvailable { bytes -> Bool in
            guard let base = bytes.baseAddress else { return false }
            return memchr(base, 0xC3, bytes.count) != nil
        } ?? text.utf8.contains(0xC3)
        guard candidate else { return text }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            let v = scalar.value
            if v <= 0xFF {
                if v >= 0xC0, !Self.leads.contains(UInt8(v)) { return text }
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
