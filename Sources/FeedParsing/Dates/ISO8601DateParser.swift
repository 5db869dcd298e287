import FeedModel

/// ISO 8601 dates: RFC 3339 and W3C-DTF (what Atom and most RSS 1.0 feeds use), plus the
/// older ISO 8601 spellings feedparser accepts.
///
/// Unlike feedparser, which matches a prefix and ignores the rest, the whole text must be a
/// date: `2013-01-28T11:30:00-06:00Textra` is no date rather than a guess.
enum ISO8601DateParser {
    /// How much of ISO 8601 to accept.
    enum Profile {
        /// W3C-DTF / RFC 3339: four-digit years in extended format (`YYYY`, `YYYY-MM`,
        /// `YYYY-MM-DD`, then an optional time and zone).
        case w3c
        /// W3C-DTF plus basic format (`20031231`, `031231`), two-digit years (`03-12-31`),
        /// ordinal dates (`2003-335`, `03335`), truncated forms (`-0312`, `-03-12`) and the
        /// `2003-012-31` misspelling. Forms that need today's date to complete them (`--12-31`,
        /// `-335`) are refused: a feed date must not depend on when it is read.
        case iso8601
    }

    /// A calendar date, and whether it went down to the day (only those may carry a time).
    struct CalendarDate {
        var year: Int
        var month: Int
        var day: Int
        var isComplete: Bool
    }

    static func parse(_ bytes: UnsafeBufferPointer<UInt8>, profile: Profile) -> Timestamp? {
        var scanner = DateScanner(bytes)
        guard let date = date(&scanner, profile: profile) else { return nil }
        return timeAndZone(&scanner, after: date, profile: profile)
    }

    /// Reads the date part.
    static func date(_ scanner: inout DateScanner, profile: Profile) -> CalendarDate? {
        let full = profile == .iso8601
        if scanner.consume(DateByte.minus) {
            return full ? truncated(&scanner) : nil
        }
        guard let first = scanner.number() else { return nil }
        switch first.digits {
        case 4:
            return extended(year: first.value, &scanner, full: full)
        case 8 where full: // YYYYMMDD
            return CalendarDate(year: first.value / 10_000, month: first.value / 100 % 100,
                                day: first.value % 100, isComplete: true)
        case 7 where full: // YYYYDDD
            return ordinal(year: first.value / 1000, day: first.value % 1000)
        case 6 where full: // YYMMDD
            return CalendarDate(year: DateFields.isoYear(twoDigits: first.value / 10_000),
                                month: first.value / 100 % 100, day: first.value % 100, isComplete: true)
        case 5 where full: // YYDDD
            return ordinal(year: DateFields.isoYear(twoDigits: first.value / 1000), day: first.value % 1000)
        case 2 where full: // YY-MM-DD, YY-DDD
            let year = DateFields.isoYear(twoDigits: first.value)
            guard scanner.consume(DateByte.minus), let second = scanner.number() else { return nil }
            if second.digits == 3 { return ordinal(year: year, day: second.value) }
            guard second.digits == 2, scanner.consume(DateByte.minus),
                  let day = scanner.number(), day.digits == 2
            else { return nil }
            return CalendarDate(year: year, month: second.value, day: day.value, isComplete: true)
        default:
            return nil
        }
    }

    /// After a four-digit year: `YYYY`, `YYYY-M[M]`, `YYYY-M[M]-D[D]`, and in the full profile
    /// `YYYY-DDD` and `YYYY-0MM-DD`.
    private static func extended(year: Int, _ scanner: inout DateScanner, full: Bool) -> CalendarDate? {
        guard scanner.consume(DateByte.minus) else {
            return CalendarDate(year: year, month: 1, day: 1, isComplete: false)
        }
        guard let month = scanner.number() else { return nil }
        switch month.digits {
        case 1, 2:
            guard scanner.consume(DateByte.minus) else {
                return CalendarDate(year: year, month: month.value, day: 1, isComplete: false)
            }
            guard let day = scanner.number(), day.digits <= 2 else { return nil }
            return CalendarDate(year: year, month: month.value, day: day.value, isComplete: true)
        case 3 where full:
            guard scanner.consume(DateByte.minus) else { return ordinal(year: year, day: month.value) }
            // `2003-012-31`: a month with a stray leading zero.
            guard month.value < 100, let day = scanner.number(), day.digits == 2 else { return nil }
            return CalendarDate(year: year, month: month.value, day: day.value, isComplete: true)
        default:
            return nil
        }
    }

    /// After a leading `-`: `-YYMM` and `-YY-MM` (the first of that month).
    private static func truncated(_ scanner: inout DateScanner) -> CalendarDate? {
        guard let first = scanner.number() else { return nil }
        switch first.digits {
        case 4:
            return CalendarDate(year: DateFields.isoYear(twoDigits: first.value / 100),
                                month: first.value % 100, day: 1, isComplete: false)
        case 2:
            guard scanner.consume(DateByte.minus), let month = scanner.number(), month.digits == 2 else { return nil }
            return CalendarDate(year: DateFields.isoYear(twoDigits: first.value), month: month.value, day: 1,
                                isComplete: false)
        default:
            return nil
        }
    }

    private static func ordinal(year: Int, day: Int) -> CalendarDate? {
        guard let (month, dayOfMonth) = DateFields.monthAndDay(ordinal: day, year: year) else { return nil }
        return CalendarDate(year: year, month: month, day: dayOfMonth, isComplete: true)
    }

    /// Reads what may follow a date — `T` or spaces, a time, optional spaces, a zone — and
    /// builds the timestamp. No time means midnight UTC; a time without a zone means UTC.
    static func timeAndZone(_ scanner: inout DateScanner, after date: CalendarDate, profile: Profile) -> Timestamp? {
        var time = ClockTime()
        var offset = 0
        if !scanner.isAtEnd {
            guard date.isComplete else { return nil }
            let separator = scanner.peek
            if separator == UInt8(ascii: "T") || separator == UInt8(ascii: "t") {
                scanner.advance()
            } else if scanner.skipSpaces() == 0 {
                return nil
            }
            guard let hour = scanner.number() else { return nil }
            if hour.digits <= 2 {
                guard let extended = DateClock.parse(afterHour: hour, &scanner, strict: true) else { return nil }
                time = extended
            } else {
                guard profile == .iso8601, let basic = DateClock.basic(hour, &scanner) else { return nil }
                time = basic
            }
            scanner.skipSpaces()
            if !scanner.isAtEnd {
                guard let zone = DateZones.parse(&scanner, unknownNamesAreUTC: false), scanner.isAtEnd
                else { return nil }
                offset = zone
            }
        }
        return DateFields.timestamp(year: date.year, month: date.month, day: date.day, time: time,
                                    offsetSeconds: offset)
    }
}
