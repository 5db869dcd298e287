import FeedModel

/// W3C-DTF with a Hungarian month name in place of the number: `2004-július-13T9:15-05:00`
/// (a blog host's format feedparser supports). The time and zone read as in ISO 8601.
enum HungarianDateParser {
    static func parse(_ bytes: UnsafeBufferPointer<UInt8>) -> Timestamp? {
        var scanner = DateScanner(bytes)
        guard let year = scanner.number(), year.digits == 4, scanner.consume(DateByte.minus),
              let word = scanner.word(), let month = DateNames.hungarianMonth(word, in: bytes),
              scanner.consume(DateByte.minus), let day = scanner.number(), day.digits <= 2
        else { return nil }
        let date = ISO8601DateParser.CalendarDate(year: year.value, month: month, day: day.value, isComplete: true)
        return ISO8601DateParser.timeAndZone(&scanner, after: date, profile: .w3c)
    }
}
