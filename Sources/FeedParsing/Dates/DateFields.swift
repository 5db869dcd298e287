import FeedModel

/// Turns parsed fields into a `Timestamp`, with the checks every date form shares.
enum DateFields {
    /// 0001-01-01T00:00:00Z: feedparser's results are Python datetimes, which stop here.
    static let earliest: Int64 = -62_135_596_800
    /// 9999-12-31T23:59:59Z, the other end of that range.
    static let latest: Int64 = 253_402_300_799

    /// The instant the fields name in a zone `offsetSeconds` east of UTC, or nil when a field is
    /// out of range or the result falls outside years 1...9999.
    static func timestamp(year: Int, month: Int, day: Int, time: ClockTime = ClockTime(),
                          offsetSeconds: Int = 0) -> Timestamp? {
        guard year >= 1, year <= 9999,
              let stamp = Timestamp(year: year, month: month, day: day, hour: time.hour,
                                    minute: time.minute, second: time.second, offsetSeconds: offsetSeconds),
              stamp.secondsSince1970 >= earliest, stamp.secondsSince1970 <= latest
        else { return nil }
        return stamp
    }

    /// An RFC 822-family year: four digits as written; two digits by RFC 2822 §4.3
    /// (00–49 → 20xx, 50–99 → 19xx); three digits plus 1900, also RFC 2822 §4.3 (the output of
    /// `getYear()`-style bugs). One digit or more than four is no year.
    static func textualYear(_ number: DateNumber) -> Int? {
        switch number.digits {
        case 4: return number.value
        case 3: return 1900 + number.value
        case 2: return number.value < 50 ? 2000 + number.value : 1900 + number.value
        default: return nil
        }
    }

    /// A two-digit ISO 8601 year. ISO 8601 means the current century; fixing it at 20xx keeps
    /// the result independent of the clock (and equal to feedparser's until 2100).
    static func isoYear(twoDigits value: Int) -> Int { 2000 + value }

    /// Month and day of the `ordinal`th day of `year` (1 = 1 January), or nil past the year's end.
    static func monthAndDay(ordinal: Int, year: Int) -> (month: Int, day: Int)? {
        guard ordinal >= 1 else { return nil }
        var rest = ordinal
        for month in 1...12 {
            let length = Timestamp.daysIn(month: month, year: year)
            if rest <= length { return (month, rest) }
            rest -= length
        }
        return nil
    }

    /// Applies an AM/PM marker to a 12-hour clock hour: 12 AM is 0, 12 PM is 12.
    static func hour(_ hour: Int, isPM: Bool) -> Int? {
        guard hour >= 0, hour <= 12 else { return nil }
        return hour % 12 + (isPM ? 12 : 0)
    }
}
