import FeedModel

/// Parses the date forms found in RSS/Atom feeds into UTC.
///
/// Feeds date entries in RFC 822 (RSS 2.0), RFC 3339 / W3C-DTF (Atom, RSS 1.0) and a long
/// tail of near-misses; feedwatch needs them all as one ordered instant for dedup and backfill.
/// Foundation's `DateFormatter` costs about 40 µs a date on Linux and knows one pattern per
/// formatter, so this is a hand-written scanner over UTF-8 bytes (well under 1 µs a date),
/// covering the forms of feedparser's date tests (`date_parser_cases.json`).
public enum DateParser {
    /// Longer texts are not dates; refusing them up front keeps hostile input cheap.
    static let maximumLength = 128

    /// Returns nil when the text is not a date it understands (never traps, never throws).
    ///
    /// The whole text (less surrounding white space) must be one date: trailing junk makes it
    /// no date rather than a guess. A date without a zone is UTC; a date without a time is
    /// midnight. The families are tried in turn; each gives up at the first byte it cannot
    /// use, and the forms do not overlap, so the order only decides how soon a text is placed.
    public static func parse(_ text: String) -> Timestamp? {
        withTrimmedBytes(text) { bytes in
            ISO8601DateParser.parse(bytes, profile: .iso8601)
                ?? RFC822DateParser.parse(bytes)
                ?? KoreanDateParser.parse(bytes)
                ?? HungarianDateParser.parse(bytes)
        }
    }

    /// One family of date forms, for tests that check a family on its own, as feedparser's do.
    enum Family: String, CaseIterable, Sendable {
        /// W3C-DTF / RFC 3339 only.
        case w3dtf
        /// All the ISO 8601 forms `parse` accepts.
        case iso8601
        /// RFC 822 and relatives: asctime, JavaScript, Perforce, Greek names.
        case rfc822
        /// OnBlog and Nate.
        case korean
        /// W3C-DTF with Hungarian month names.
        case hungarian
    }

    /// Parses `text` with one family only.
    static func parse(_ text: String, family: Family) -> Timestamp? {
        withTrimmedBytes(text) { bytes in
            switch family {
            case .w3dtf: ISO8601DateParser.parse(bytes, profile: .w3c)
            case .iso8601: ISO8601DateParser.parse(bytes, profile: .iso8601)
            case .rfc822: RFC822DateParser.parse(bytes)
            case .korean: KoreanDateParser.parse(bytes)
            case .hungarian: HungarianDateParser.parse(bytes)
            }
        }
    }

    /// Runs `body` on the UTF-8 bytes of `text` without surrounding ASCII white space, or
    /// returns nil when nothing or too much remains.
    private static func withTrimmedBytes(
        _ text: String, _ body: (UnsafeBufferPointer<UInt8>) -> Timestamp?
    ) -> Timestamp? {
        let trimmedBody = { (bytes: UnsafeBufferPointer<UInt8>) -> Timestamp? in
            var start = 0
            var end = bytes.count
            while start < end, DateByte.isSpace(bytes[start]) { start += 1 }
            while end > start, DateByte.isSpace(bytes[end - 1]) { end -= 1 }
            guard end > start, end - start <= maximumLength else { return nil }
            return body(UnsafeBufferPointer(rebasing: bytes[start..<end]))
        }
        if let result = text.utf8.withContiguousStorageIfAvailable(trimmedBody) {
            return result
        }
        // Strings without contiguous UTF-8 (bridged ones) are copied once.
        return Array(text.utf8).withUnsafeBufferPointer(trimmedBody)
    }
}
