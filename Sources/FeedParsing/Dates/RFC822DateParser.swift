import FeedModel

/// RFC 822 / RFC 2822 dates (what RSS 2.0 asks for) and the textual relatives feeds emit:
///
/// - `Sat, 07 Sep 2002 00:00:01 GMT` and its deviations: weekday optional, full or abbreviated,
///   with or without comma (`Fri,24 Nov`); one-digit days; two-, three- or four-digit years;
///   `Sept`, `January`, any case; `13 Feb, 2012`; `30-Apr-2015`; no seconds; no time; no zone
///   (UTC); `4:31 PM`; a trailing comment (`+0200 (CEST)`); zones as in `DateZones`.
/// - Month first: `Thu Aug 30 2012 17:26:16 GMT+0200 (CEST)` (JavaScript's `Date.toString`).
/// - asctime: `Sun Jan  4 16:29:06 2004`, also with a zone before the year (Twitter).
/// - Perforce: `Fri, 2006/09/15 08:19:53 EDT`.
/// - Greek: `Κυρ, 11 Ιούλ 2004 12:00:00 EST` (same layout, Greek names).
enum RFC822DateParser {
    static func parse(_ bytes: UnsafeBufferPointer<UInt8>) -> Timestamp? {
        var scanner = DateScanner(bytes)
        skipWeekday(&scanner)
        if scanner.isAtWord {
            return monthFirst(&scanner)
        }
        guard let first = scanner.number() else { return nil }
        if first.digits == 4, scanner.peek == DateByte.slash {
            return perforce(year: first.value, &scanner)
        }
        return dayFirst(day: first, &scanner)
    }

    /// Skips `Thu`, `thursday,`, `Thu.,`, `Fri,` (then maybe no space) — or nothing, if the
    /// first word is not a weekday.
    private static func skipWeekday(_ scanner: inout DateScanner) {
        let start = scanner.index
        guard let word = scanner.word(), DateNames.isWeekday(word, in: scanner.bytes) else {
            scanner.index = start
            return
        }
        _ = scanner.consume(DateByte.period)
        scanner.skipSpaces()
        if scanner.consume(DateByte.comma) { scanner.skipSpaces() }
    }

    /// `07 Sep 2002 …`, `7-Sep-02 …`, `13 Feb, 2012 …`.
    private static func dayFirst(day: DateNumber, _ scanner: inout DateScanner) -> Timestamp? {
        guard day.digits <= 2 else { return nil }
        let dashed = scanner.consume(DateByte.minus)
        if !dashed { scanner.skipSpaces() }
        guard let word = scanner.word(), let month = DateNames.month(word, in: scanner.bytes) else { return nil }
        _ = scanner.consume(DateByte.period)
        _ = scanner.consume(DateByte.comma)
        guard (dashed ? scanner.consume(DateByte.minus) : scanner.skipSpaces() > 0),
              let yearDigits = scanner.number(), let year = DateFields.textualYear(yearDigits)
        else { return nil }
        return timeAndZone(&scanner, year: year, month: month, day: day.value)
    }

    /// `Aug 30 2012 17:26:16 …` or asctime's `Jan  4 16:29:06 [zone] 2004`.
    private static func monthFirst(_ scanner: inout DateScanner) -> Timestamp? {
        guard let word = scanner.word(), let month = DateNames.month(word, in: scanner.bytes) else { return nil }
        _ = scanner.consume(DateByte.period)
        guard scanner.skipSpaces() > 0, let day = scanner.number(), day.digits <= 2 else { return nil }
        skipOrdinalSuffix(&scanner)
        _ = scanner.consume(DateByte.comma)
        guard scanner.skipSpaces() > 0, let next = scanner.number() else { return nil }
        guard scanner.peek == DateByte.colon else {
            guard let year = DateFields.textualYear(next) else { return nil }
            return timeAndZone(&scanner, year: year, month: month, day: day.value)
        }
        // asctime: the time comes before the year.
        guard let time = DateClock.parse(afterHour: next, &scanner, strict: false),
              scanner.skipSpaces() > 0
        else { return nil }
        var offset = 0
        if !DateByte.isDigit(scanner.peek) {
            guard let zone = DateZones.parse(&scanner, unknownNamesAreUTC: true), scanner.skipSpaces() > 0
            else { return nil }
            offset = zone
        }
        guard let yearDigits = scanner.number(), let year = DateFields.textualYear(yearDigits),
              endsAfterComment(&scanner)
        else { return nil }
        return DateFields.timestamp(year: year, month: month, day: day.value, time: time, offsetSeconds: offset)
    }

    /// `2006/09/15 …` after a weekday (Perforce).
    private static func perforce(year: Int, _ scanner: inout DateScanner) -> Timestamp? {
        guard scanner.consume(DateByte.slash), let month = scanner.number(), month.digits <= 2,
              scanner.consume(DateByte.slash), let day = scanner.number(), day.digits <= 2
        else { return nil }
        return timeAndZone(&scanner, year: year, month: month.value, day: day.value)
    }

    /// After the year: `[,] [time [AM|PM]] [zone] [(comment)]`, then nothing else.
    private static func timeAndZone(_ scanner: inout DateScanner, year: Int, month: Int, day: Int) -> Timestamp? {
        _ = scanner.consume(DateByte.comma)
        var spaced = scanner.skipSpaces() > 0
        var time = ClockTime()
        if DateByte.isDigit(scanner.peek) {
            guard spaced, let hour = scanner.number(),
                  let clock = DateClock.parse(afterHour: hour, &scanner, strict: false)
            else { return nil }
            time = clock
            spaced = scanner.skipSpaces() > 0
            if spaced, let isPM = meridiem(&scanner) {
                guard let hour = DateFields.hour(time.hour, isPM: isPM) else { return nil }
                time.hour = hour
                spaced = scanner.skipSpaces() > 0
            }
        }
        var offset = 0
        if !scanner.isAtEnd, scanner.peek != DateByte.openParen {
            // A name must stand apart (`2004x` is no zone); a sign may follow the time directly.
            guard spaced || scanner.peek == DateByte.plus || scanner.peek == DateByte.minus,
                  let zone = DateZones.parse(&scanner, unknownNamesAreUTC: true)
            else { return nil }
            offset = zone
        }
        guard endsAfterComment(&scanner) else { return nil }
        return DateFields.timestamp(year: year, month: month, day: day, time: time, offsetSeconds: offset)
    }

    /// Consumes `AM` or `PM` (any case) when it stands alone; returns whether it was PM.
    private static func meridiem(_ scanner: inout DateScanner) -> Bool? {
        let first = DateByte.lowercased(scanner.peek)
        guard first == UInt8(ascii: "a") || first == UInt8(ascii: "p"),
              DateByte.lowercased(scanner.peek(ahead: 1)) == UInt8(ascii: "m"),
              !DateByte.isWordByte(scanner.peek(ahead: 2))
        else { return nil }
        scanner.advance(by: 2)
        return first == UInt8(ascii: "p")
    }

    /// `1st`, `2nd`, `3rd`, `4th` after a day number.
    private static func skipOrdinalSuffix(_ scanner: inout DateScanner) {
        let pair = (DateByte.lowercased(scanner.peek), DateByte.lowercased(scanner.peek(ahead: 1)))
        switch pair {
        case (UInt8(ascii: "s"), UInt8(ascii: "t")), (UInt8(ascii: "n"), UInt8(ascii: "d")),
             (UInt8(ascii: "r"), UInt8(ascii: "d")), (UInt8(ascii: "t"), UInt8(ascii: "h")):
            if !DateByte.isWordByte(scanner.peek(ahead: 2)) { scanner.advance(by: 2) }
        default:
            break
        }
    }

    /// True when only spaces and at most one parenthesised comment (`(CEST)`) remain.
    private static func endsAfterComment(_ scanner: inout DateScanner) -> Bool {
        scanner.skipSpaces()
        if scanner.consume(DateByte.openParen) {
            while !scanner.isAtEnd, scanner.peek != DateByte.closeParen { scanner.advance() }
            guard scanner.consume(DateByte.closeParen) else { return false }
            scanner.skipSpaces()
        }
        return scanner.isAtEnd
    }
}
