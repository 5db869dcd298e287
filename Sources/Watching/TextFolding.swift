/// How words are compared: without case, without diacritics, with German transliteration.
///
/// "Müller", "Mueller" and "Muller" all fold to "muller": umlauts lose their dots and the
/// transliterated digraphs ae/oe/ue after a consonant lose their e. Both the watch list and
/// the text are folded the same way, so the rule only has to be consistent, not linguistic.
public enum TextFolding {
    /// - Parameter transliterate: fold German ae/oe/ue digraphs too (names); topic words keep
    ///   them, so that "embargoed" still stems to "embargo".
    public static func fold(_ word: String, transliterate: Bool = true) -> String {
        var out = ""
        out.unicodeScalars.reserveCapacity(word.unicodeScalars.count)
        var previous: Unicode.Scalar?
        for scalar in word.lowercased().unicodeScalars {
            let folded = fold(scalar)
            for s in folded.unicodeScalars {
                if transliterate, s == "e", let p = previous, p == "a" || p == "o" || p == "u",
                   let before = out.unicodeScalars.dropLast().last, isConsonant(before) {
                    previous = s
                    continue
                }
                out.unicodeScalars.append(s)
                previous = s
            }
        }
        return out
    }

    private static func isConsonant(_ s: Unicode.Scalar) -> Bool {
        s.properties.isAlphabetic && !"aeiouy".unicodeScalars.contains(s)
    }

    /// One scalar without its diacritics; ß becomes ss, æ ae, ø o, curly apostrophes straight.
    static func fold(_ scalar: Unicode.Scalar) -> String {
        switch scalar {
        case "ß": return "ss"
        case "æ": return "ae"
        case "œ": return "oe"
        case "ø": return "o"
        case "đ": return "d"
        case "ł": return "l"
        case "\u{2019}", "\u{2018}", "\u{02BC}": return "'"
        default: break
        }
        guard scalar.value >= 0x80 else { return String(Character(scalar)) }
        // Latin letters lose their diacritics; other scripts pass through.
        let decomposed = LatinDecomposition.table[scalar.value] ?? String(Character(scalar))
        var out = ""
        for s in decomposed.unicodeScalars where s.properties.generalCategory != .nonspacingMark {
            out.unicodeScalars.append(s)
        }
        return out
    }
}
