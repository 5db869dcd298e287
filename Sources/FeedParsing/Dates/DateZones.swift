/// Time zones as feeds write them: numeric offsets and the abbreviations seen in the wild.
///
/// Choices, where an abbreviation or rule is ambiguous:
/// - `CST` is US Central (RFC 822), not China; `BST` is British Summer Time, not Bangladesh;
///   `IST` is India (+05:30), the most frequent user by far in English-language news feeds.
/// - Military letters other than `Z` are read as UTC: RFC 822 gave them with reversed signs,
///   so RFC 1123 §5.2.14 says they "carry no information" and RFC 5322 §4.3 says to treat them
///   as -0000. (feedparser uses RFC 822's signs for A, M, N and Y.)
/// - In RFC 822 dates, any other alphabetic zone of up to five letters is also UTC
///   (RFC 5322 §4.3: unknown zones "SHOULD be considered equivalent to -0000"); ISO 8601 dates
///   take only known names.
/// - `GMT+2`, `UTC-05:00` mean what they say; `Etc/GMT+5` follows the tz database and means
///   five hours *behind* UTC.
enum DateZones {
    /// Offsets in minutes east of UTC, keyed by lower-case name.
    private static let namedMinutes: [(String, Int)] = [
        ("z", 0), ("ut", 0), ("utc", 0), ("gmt", 0), ("uct", 0), ("wet", 0),
        // North America (RFC 822 names first, then the two-letter forms feedparser knows).
        ("est", -300), ("edt", -240), ("cst", -360), ("cdt", -300),
        ("mst", -420), ("mdt", -360), ("pst", -480), ("pdt", -420),
        ("ast", -240), ("adt", -180), ("at", -240), ("et", -300), ("ct", -360), ("mt", -420), ("pt", -480),
        ("nst", -210), ("ndt", -150), ("akst", -540), ("akdt", -480), ("hst", -600),
        // Europe.
        ("west", 60), ("bst", 60), ("cet", 60), ("cest", 120), ("met", 60), ("mest", 120),
        ("mez", 60), ("mesz", 120), ("eet", 120), ("eest", 180), ("msk", 180),
        // Asia and Oceania.
        ("ist", 330), ("pkt", 300), ("wib", 420), ("ict", 420), ("hkt", 480), ("sgt", 480),
        ("pht", 480), ("awst", 480), ("jst", 540), ("kst", 540), ("acst", 570), ("acdt", 630),
        ("aest", 600), ("aedt", 660), ("nzst", 720), ("nzdt", 780),
    ]

    /// The same table keyed by `key(_:)`, in seconds.
    private static let namedSeconds: [UInt64: Int] = {
        var table: [UInt64: Int] = [:]
        for (name, minutes) in namedMinutes {
            table[key(name.utf8)] = minutes * 60
        }
        return table
    }()

    /// Names after which a numeric offset may follow directly (`GMT-01:01`, `UTC+2`).
    private static let utcNames: [UInt64] = ["gmt", "utc", "ut", "uct"].map { key($0.utf8) }
    private static let etc = key("etc".utf8)

    /// Reads a zone at the scanner and returns its offset east of UTC in seconds, or nil when
    /// what follows is not a zone. `unknownNamesAreUTC` applies the RFC 5322 rule above.
    static func parse(_ scanner: inout DateScanner, unknownNamesAreUTC: Bool) -> Int? {
        let first = scanner.peek
        if first == DateByte.plus || first == DateByte.minus {
            return numericOffset(&scanner)
        }
        guard var word = scanner.asciiWord(), word.count <= 8 else { return nil }
        var name = key(scanner.bytes[word])
        var isEtc = false
        if name == etc, scanner.consume(DateByte.slash) {
            guard let next = scanner.asciiWord(), next.count <= 8 else { return nil }
            word = next
            name = key(scanner.bytes[word])
            isEtc = true
        }
        if utcNames.contains(name), scanner.peek == DateByte.plus || scanner.peek == DateByte.minus {
            guard let offset = numericOffset(&scanner) else { return nil }
            return isEtc ? -offset : offset
        }
        if let known = namedSeconds[name] { return known }
        return unknownNamesAreUTC && !isEtc && word.count <= 5 ? 0 : nil
    }

    /// `±HH:MM`, `±H:MM`, `±HHMM`, `±HMM`, `±HH`, `±H`; hours up to 23, minutes up to 59.
    static func numericOffset(_ scanner: inout DateScanner) -> Int? {
        let sign = scanner.peek == DateByte.minus ? -1 : 1
        scanner.advance()
        guard let digits = scanner.number() else { return nil }
        var hours = 0
        var minutes = 0
        switch digits.digits {
        case 1, 2:
            hours = digits.value
            if scanner.consume(DateByte.colon) {
                guard let tail = scanner.number(), tail.digits == 2 else { return nil }
                minutes = tail.value
            }
        case 3, 4:
            hours = digits.value / 100
            minutes = digits.value % 100
        default:
            return nil
        }
        guard hours <= 23, minutes <= 59 else { return nil }
        return sign * (hours * 3600 + minutes * 60)
    }

    /// Packs up to eight ASCII letters, lower-cased, into one integer for the table lookup.
    private static func key(_ letters: some Sequence<UInt8>) -> UInt64 {
        letters.reduce(0) { $0 << 8 | UInt64(DateByte.lowercased($1)) }
    }
}
