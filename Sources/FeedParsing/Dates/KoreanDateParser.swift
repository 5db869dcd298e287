import FeedModel

/// The two Korean blog-host formats feedparser supports, both in Korea Standard Time (+09:00),
/// the zone of the services that wrote them:
///
/// - OnBlog: `2004년 05월 28일  01:31:15` (year, month, day markers).
/// - Nate: `2004-05-25 오후 11:23:17` (오전 = AM, 오후 = PM, 12-hour clock).
enum KoreanDateParser {
    private static let yearMarker = Array("\u{B144}".utf8) // 년
    private static let monthMarker = Array("\u{C6D4}".utf8) // 월
    private static let dayMarker = Array("\u{C77C}".utf8) // 일
    private static let morning = Array("\u{C624}\u{C804}".utf8) // 오전
    private static let afternoon = Array("\u{C624}\u{D6C4}".utf8) // 오후
    private static let koreaStandardTime = 9 * 3600

    static func parse(_ bytes: UnsafeBufferPointer<UInt8>) -> Timestamp? {
        var scanner = DateScanner(bytes)
        guard let year = scanner.number(), year.digits == 4 else { return nil }
        if scanner.consume(yearMarker) {
            return onBlog(year: year.value, &scanner)
        }
        return nate(year: year.value, &scanner)
    }

    private static func onBlog(year: Int, _ scanner: inout DateScanner) -> Timestamp? {
        scanner.skipSpaces()
        guard let month = scanner.number(), month.digits <= 2, scanner.consume(monthMarker) else { return nil }
        scanner.skipSpaces()
        guard let day = scanner.number(), day.digits <= 2, scanner.consume(dayMarker),
              scanner.skipSpaces() > 0, let hour = scanner.number(),
              let time = DateClock.parse(afterHour: hour, &scanner, strict: false), scanner.isAtEnd
        else { return nil }
        return DateFields.timestamp(year: year, month: month.value, day: day.value, time: time,
                                    offsetSeconds: koreaStandardTime)
    }

    private static func nate(year: Int, _ scanner: inout DateScanner) -> Timestamp? {
        guard scanner.consume(DateByte.minus), let month = scanner.number(), month.digits <= 2,
              scanner.consume(DateByte.minus), let day = scanner.number(), day.digits <= 2,
              scanner.skipSpaces() > 0
        else { return nil }
        let isPM: Bool
        if scanner.consume(afternoon) {
            isPM = true
        } else if scanner.consume(morning) {
            isPM = false
        } else {
            return nil
        }
        guard scanner.skipSpaces() > 0, let hour = scanner.number(),
              var time = DateClock.parse(afterHour: hour, &scanner, strict: false), scanner.isAtEnd,
              let hour24 = DateFields.hour(time.hour, isPM: isPM)
        else { return nil }
        time.hour = hour24
        return DateFields.timestamp(year: year, month: month.value, day: day.value, time: time,
                                    offsetSeconds: koreaStandardTime)
    }
}
