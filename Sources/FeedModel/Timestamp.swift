/// A moment in UTC, to the second.
///
/// Feeds give dates in a dozen textual forms; everything downstream (dedup, backfill, the alert
/// log) only needs an ordered instant that prints as RFC 3339. Foundation's `Date` would do,
/// but its formatters cost ~40 µs a call on Linux, so this type does its own civil-calendar
/// arithmetic.
public struct Timestamp: Hashable, Comparable, Sendable, Codable {
    /// Seconds since 1970-01-01T00:00:00Z (negative before).
    public var secondsSince1970: Int64

    public init(secondsSince1970: Int64) {
        self.secondsSince1970 = secondsSince1970
    }

    /// Builds a timestamp from UTC calendar fields; returns nil when a field is out of range.
    public init?(year: Int, month: Int, day: Int, hour: Int = 0, minute: Int = 0, second: Int = 0,
                 offsetSeconds: Int = 0) {
        guard (1...12).contains(month), day >= 1, day <= Timestamp.daysIn(month: month, year: year),
              (0...23).contains(hour) || (hour == 24 && minute == 0 && second == 0),
              (0...59).contains(minute), (0...60).contains(second)
        else { return nil }
        let days = Timestamp.daysFromCivil(year: year, month: month, day: day)
        // A leap second is folded into the next second, as feedparser does.
        let seconds = Int64(days) * 86_400 + Int64(hour * 3600 + minute * 60 + second)
        secondsSince1970 = seconds - Int64(offsetSeconds)
    }

    public static func < (lhs: Timestamp, rhs: Timestamp) -> Bool {
        lhs.secondsSince1970 < rhs.secondsSince1970
    }

    /// The calendar fields of this instant in UTC.
    public var components: (year: Int, month: Int, day: Int, hour: Int, minute: Int, second: Int) {
        let days = Int(secondsSince1970 >= 0 ? secondsSince1970 / 86_400 : (secondsSince1970 - 86_399) / 86_400)
        let rest = Int(secondsSince1970 - Int64(days) * 86_400)
        let (y, m, d) = Timestamp.civilFromDays(days)
        return (y, m, d, rest / 3600, rest % 3600 / 60, rest % 60)
    }

    /// `2018-08-08T10:00:00Z`: the one date format of feedwatch's output.
    public var rfc3339: String {
        let c = components
        var out = ""
        out.reserveCapacity(20)
        func pad(_ value: Int, _ width: Int) {
            let s = String(value)
            if s.count < width { out += String(repeating: "0", count: width - s.count) }
            out += s
        }
        if c.year < 0 { out += "-" }
        pad(abs(c.year), 4); out += "-"; pad(c.month, 2); out += "-"; pad(c.day, 2)
        out += "T"; pad(c.hour, 2); out += ":"; pad(c.minute, 2); out += ":"; pad(c.second, 2); out += "Z"
        return out
    }

    public static func isLeapYear(_ year: Int) -> Bool {
        (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
    }

    public static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return isLeapYear(year) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// Howard Hinnant's days-from-civil: days since 1970-01-01 in the proleptic Gregorian calendar.
    static func daysFromCivil(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    static func civilFromDays(_ days: Int) -> (Int, Int, Int) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (m <= 2 ? 1 : 0), m, d)
    }
}
