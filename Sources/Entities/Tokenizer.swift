/// Splits news text into tokens, keeping offsets into the original.
///
/// Rules chosen for names in news: possessives split off (`Mueller's` → `Mueller`, `'s`),
/// hyphenated compounds split at the hyphen (`Putin-backed` → `Putin`, `-`, `backed`) so the
/// name inside still matches, abbreviations with inner dots stay whole (`U.S.`, `Sen.` keeps its
/// dot when it is a known abbreviation), curly apostrophes count as apostrophes, and URLs
/// stay one token.
public struct Tokenizer: Sendable {
    public init() {}

    public func tokenize(_ text: String) -> [Token] {
        let scalars = Array(text.unicodeScalars)
        var tokens: [Token] = []
        tokens.reserveCapacity(scalars.count / 5)
        var i = 0
        var spaceBefore = true
        var lineBreak = false
        while i < scalars.count {
            let c = scalars[i]
            if c.properties.isWhitespace || c.value < 0x20 {
                spaceBefore = true
                if c == "\n" || c == "\r" || c == "\u{2028}" || c == "\u{2029}" { lineBreak = true }
                i += 1
                continue
            }
            let countBefore = tokens.count
            let start = i
            if let end = urlEnd(scalars, from: i) {
                i = end
                tokens.append(make(scalars, start, i, .url, spaceBefore))
            } else if isWordScalar(c) {
                i = wordEnd(scalars, from: i)
                let isNumber = scalars[start..<i].allSatisfy { $0.properties.numericType != nil || $0 == "," || $0 == "." }
                tokens.append(make(scalars, start, i, isNumber ? .number : .word, spaceBefore))
            } else if isApostrophe(c), i + 1 < scalars.count, scalars[i + 1] == "s" || scalars[i + 1] == "S",
                      i + 2 >= scalars.count || !isWordScalar(scalars[i + 2]), !tokens.isEmpty, !spaceBefore {
                i += 2
                tokens.append(make(scalars, start, i, .word, false))
            } else {
                i += 1
                tokens.append(make(scalars, start, i, .punctuation, spaceBefore))
            }
            if lineBreak, tokens.count > countBefore, countBefore > 0 { tokens[countBefore].lineBreakBefore = true }
            spaceBefore = false
            lineBreak = false
        }
        return tokens
    }

    /// `http://…` or `https://…` up to the next whitespace, less trailing punctuation.
    private func urlEnd(_ s: [Unicode.Scalar], from start: Int) -> Int? {
        guard s[start] == "h" || s[start] == "H" else { return nil }
        var prefix = ""
        var i = start
        while i < s.count, i < start + 8 { prefix.unicodeScalars.append(s[i]); i += 1 }
        let lower = prefix.lowercased()
        guard lower.hasPrefix("http://") || lower.hasPrefix("https://") else { return nil }
        var end = start
        while end < s.count, !s[end].properties.isWhitespace, s[end] != "\"", s[end] != "<", s[end] != ">" { end += 1 }
        while end > start, [".", ",", ";", ":", "!", "?", ")", "'", "\u{201D}"].contains(s[end - 1]) { end -= 1 }
        return end
    }

    private func make(_ s: [Unicode.Scalar], _ start: Int, _ end: Int, _ kind: Token.Kind, _ space: Bool) -> Token {
        var text = ""
        text.unicodeScalars.append(contentsOf: s[start..<end])
        return Token(text: text, kind: kind, start: start, end: end, spaceBefore: space)
    }

    private func isWordScalar(_ c: Unicode.Scalar) -> Bool {
        c.properties.isAlphabetic || c.properties.numericType != nil || c.properties.generalCategory == .nonspacingMark
    }

    private func isApostrophe(_ c: Unicode.Scalar) -> Bool {
        c == "'" || c == "\u{2019}" || c == "\u{02BC}"
    }

    /// A word runs over letters and digits, inner apostrophes (O'Brien, don't) except a final
    /// possessive 's, inner dots of abbreviations (U.S., a.m.) and decimal points or thousands
    /// separators between digits (3.5, 10,000).
    private func wordEnd(_ s: [Unicode.Scalar], from start: Int) -> Int {
        var i = start
        while i < s.count {
            let c = s[i]
            if isWordScalar(c) { i += 1; continue }
            let next = i + 1 < s.count ? s[i + 1] : nil
            if isApostrophe(c), let next, isWordScalar(next) {
                // A possessive "'s" at the end of the word is split off.
                let afterS = i + 2 < s.count ? s[i + 2] : nil
                if (next == "s" || next == "S"), afterS.map({ !isWordScalar($0) }) ?? true { break }
                i += 1; continue
            }
            if (c == "." || c == ","), let next, next.properties.numericType != nil,
               s[i - 1].properties.numericType != nil {
                i += 1; continue
            }
            if c == ".", isAbbreviation(s, start, i) {
                i += 1
                continue
            }
            break
        }
        return i
    }

    /// "U.S." / "U.K." / "a.m.": single letters separated by dots; and common titles ("Sen.", "Dr.").
    private func isAbbreviation(_ s: [Unicode.Scalar], _ start: Int, _ dot: Int) -> Bool {
        let length = dot - start
        // Single letter followed by a dot and another letter-dot: U.S.
        if length >= 1 {
            let segmentStart = (start..<dot).last { s[$0] == "." }.map { $0 + 1 } ?? start
            if dot - segmentStart == 1, s[segmentStart].properties.isAlphabetic {
                if dot + 2 < s.count + 1, dot + 1 < s.count, s[dot + 1].properties.isAlphabetic,
                   dot + 2 < s.count, s[dot + 2] == "." { return true }
                if segmentStart > start { return true } // final dot of U.S.
            }
        }
        // A middle initial: "Robert S. Mueller" (a lone capital letter before a capitalised word).
        if length == 1, s[start].properties.isUppercase, dot + 2 < s.count, s[dot + 1] == " ",
           s[dot + 2].properties.isUppercase {
            return true
        }
        var word = ""
        word.unicodeScalars.append(contentsOf: s[start..<dot])
        return Abbreviations.titles.contains(word) || Abbreviations.other.contains(word)
    }
}

/// Abbreviations that end with a dot which does not end a sentence.
public enum Abbreviations {
    /// Titles that come before a person's name: they also make a following surname a person.
    public static let titles: Set<String> = [
        "Mr", "Mrs", "Ms", "Dr", "Prof", "Sen", "Rep", "Gov", "Gen", "Lt", "Col", "Capt", "Sgt",
        "Adm", "Pres", "Rev", "Sr", "Jr", "Hon", "Amb", "Cmdr", "Maj", "Supt", "Atty",
    ]
    public static let other: Set<String> = [
        "Inc", "Corp", "Co", "Ltd", "St", "vs", "etc", "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug",
        "Sep", "Sept", "Oct", "Nov", "Dec", "No", "Mt", "Ft", "Ave", "approx", "est", "Dept", "Univ",
    ]
}
