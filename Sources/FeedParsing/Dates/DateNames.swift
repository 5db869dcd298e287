/// Month and weekday names: English in any case and any abbreviation, plus the Greek and
/// Hungarian spellings feedparser learned from real feeds.
enum DateNames {
    private static let englishMonths: [[UInt8]] = [
        "january", "february", "march", "april", "may", "june",
        "july", "august", "september", "october", "november", "december",
    ].map { Array($0.utf8) }

    private static let englishWeekdays: [[UInt8]] = [
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
    ].map { Array($0.utf8) }

    /// Greek month abbreviations, with the spelling variants (accents, diaeresis) seen in feeds.
    /// Written as escapes: several Greek capitals look exactly like Latin ones.
    private static let greekMonths: [([UInt8], Int)] = [
        ("\u{0399}\u{03B1}\u{03BD}", 1), // Ιαν
        ("\u{03A6}\u{03B5}\u{03B2}", 2), // Φεβ
        ("\u{039C}\u{03AC}\u{03CE}", 3), // Μάώ
        ("\u{039C}\u{03B1}\u{03CE}", 3), // Μαώ
        ("\u{0391}\u{03C0}\u{03C1}", 4), // Απρ
        ("\u{039C}\u{03AC}\u{03B9}", 5), // Μάι
        ("\u{039C}\u{03B1}\u{03CA}", 5), // Μαϊ
        ("\u{039C}\u{03B1}\u{03B9}", 5), // Μαι
        ("\u{0399}\u{03BF}\u{03CD}\u{03BD}", 6), // Ιούν
        ("\u{0399}\u{03BF}\u{03BD}", 6), // Ιον
        ("\u{0399}\u{03BF}\u{03CD}\u{03BB}", 7), // Ιούλ
        ("\u{0399}\u{03BF}\u{03BB}", 7), // Ιολ
        ("\u{0391}\u{03CD}\u{03B3}", 8), // Αύγ
        ("\u{0391}\u{03C5}\u{03B3}", 8), // Αυγ
        ("\u{03A3}\u{03B5}\u{03C0}", 9), // Σεπ
        ("\u{039F}\u{03BA}\u{03C4}", 10), // Οκτ
        ("\u{039D}\u{03BF}\u{03AD}", 11), // Νοέ
        ("\u{039D}\u{03BF}\u{03B5}", 11), // Νοε
        ("\u{0394}\u{03B5}\u{03BA}", 12), // Δεκ
    ].map { (Array($0.0.utf8), $0.1) }

    private static let greekWeekdays: [[UInt8]] = [
        "\u{039A}\u{03C5}\u{03C1}", // Κυρ
        "\u{0394}\u{03B5}\u{03C5}", // Δευ
        "\u{03A4}\u{03C1}\u{03B9}", // Τρι
        "\u{03A4}\u{03B5}\u{03C4}", // Τετ
        "\u{03A0}\u{03B5}\u{03BC}", // Πεμ
        "\u{03A0}\u{03B1}\u{03C1}", // Παρ
        "\u{03A3}\u{03B1}\u{03B2}", // Σαβ
    ].map { Array($0.utf8) }

    /// Hungarian month names, lower case; feedparser's misspellings `februári` and `máujus` too.
    private static let hungarianMonths: [([UInt8], Int)] = [
        ("janu\u{00E1}r", 1), // január
        ("febru\u{00E1}r", 2), // február
        ("febru\u{00E1}ri", 2), // februári
        ("m\u{00E1}rcius", 3), // március
        ("\u{00E1}prilis", 4), // április
        ("m\u{00E1}jus", 5), // május
        ("m\u{00E1}ujus", 5), // máujus
        ("j\u{00FA}nius", 6), // június
        ("j\u{00FA}lius", 7), // július
        ("augusztus", 8),
        ("szeptember", 9),
        ("okt\u{00F3}ber", 10), // október
        ("november", 11),
        ("december", 12),
    ].map { (Array($0.0.utf8), $0.1) }

    /// The month (1...12) a word names: an English name or any abbreviation of at least three
    /// letters (`Sep`, `Sept`, `SEPTEMBER`), or a Greek abbreviation.
    static func month(_ word: Range<Int>, in bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        if let index = englishPrefixIndex(word, bytes, englishMonths) { return index + 1 }
        return exactIndex(word, bytes, greekMonths, caseInsensitive: false)
    }

    /// Whether a word is a weekday (English, any case, abbreviated to three letters or more,
    /// or Greek). Weekdays are checked for spelling only: feeds get them wrong too often to
    /// let them veto a date.
    static func isWeekday(_ word: Range<Int>, in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        if englishPrefixIndex(word, bytes, englishWeekdays) != nil { return true }
        return greekWeekdays.contains { matches(word, bytes, $0, caseInsensitive: false) }
    }

    /// The month a Hungarian month name gives (ASCII letters in any case).
    static func hungarianMonth(_ word: Range<Int>, in bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        exactIndex(word, bytes, hungarianMonths, caseInsensitive: true)
    }

    /// Index of the first name the word is a case-insensitive prefix of, three letters or more.
    private static func englishPrefixIndex(_ word: Range<Int>, _ bytes: UnsafeBufferPointer<UInt8>,
                                           _ names: [[UInt8]]) -> Int? {
        guard word.count >= 3 else { return nil }
        for (index, name) in names.enumerated() where word.count <= name.count {
            var offset = 0
            while offset < word.count, DateByte.lowercased(bytes[word.lowerBound + offset]) == name[offset] {
                offset += 1
            }
            if offset == word.count { return index }
        }
        return nil
    }

    private static func exactIndex(_ word: Range<Int>, _ bytes: UnsafeBufferPointer<UInt8>,
                                   _ table: [([UInt8], Int)], caseInsensitive: Bool) -> Int? {
        for (name, value) in table where matches(word, bytes, name, caseInsensitive: caseInsensitive) {
            return value
        }
        return nil
    }

    private static func matches(_ word: Range<Int>, _ bytes: UnsafeBufferPointer<UInt8>, _ name: [UInt8],
                                caseInsensitive: Bool) -> Bool {
        guard word.count == name.count else { return false }
        for offset in 0..<name.count {
            var byte = bytes[word.lowerBound + offset]
            if caseInsensitive, byte < 0x80 { byte = DateByte.lowercased(byte) }
            if byte != name[offset] { return false }
        }
        return true
    }
}
