import Testing
import FeedModel

/// `Timestamp`: civil-calendar conversions (proleptic Gregorian, UTC), field validation and
/// RFC 3339 output. Expected epoch seconds come from Python's `datetime` (years 1–9999) or
/// from the well-known value of 0000-01-01T00:00:00Z (−62 167 219 200).
@Suite("Timestamp")
struct TimestampTests {
    @Test("Calendar fields → epoch seconds", arguments: [
        (1970, 1, 1, 0, 0, 0, Int64(0)),
        (1970, 1, 2, 0, 0, 0, 86_400),
        (1969, 12, 31, 0, 0, 0, -86_400),
        (1969, 12, 31, 23, 59, 59, -1),
        (2018, 8, 8, 10, 0, 0, 1_533_722_400),
        (2000, 2, 29, 12, 34, 56, 951_827_696),
        (1900, 3, 1, 0, 0, 0, -2_203_891_200),
        (1600, 2, 29, 0, 0, 0, -11_670_998_400),
        (2100, 3, 1, 0, 0, 0, 4_107_542_400),
        (2016, 12, 31, 23, 59, 59, 1_483_228_799),
        (1, 1, 1, 0, 0, 0, -62_135_596_800),
        (9999, 12, 31, 23, 59, 59, 253_402_300_799),
        (0, 1, 1, 0, 0, 0, -62_167_219_200),
    ])
    func fieldsToSeconds(y: Int, mo: Int, d: Int, h: Int, mi: Int, s: Int, expected: Int64) throws {
        let t = try #require(Timestamp(year: y, month: mo, day: d, hour: h, minute: mi, second: s))
        #expect(t.secondsSince1970 == expected)
        let c = Timestamp(secondsSince1970: expected).components
        #expect(c.year == y && c.month == mo && c.day == d && c.hour == h && c.minute == mi && c.second == s)
    }

    @Test func rfc3339IsZeroPaddedUTC() {
        #expect(Timestamp(secondsSince1970: 0).rfc3339 == "1970-01-01T00:00:00Z")
        #expect(Timestamp(secondsSince1970: 1_533_722_400).rfc3339 == "2018-08-08T10:00:00Z")
        #expect(Timestamp(secondsSince1970: 951_827_696).rfc3339 == "2000-02-29T12:34:56Z")
        #expect(Timestamp(secondsSince1970: -1).rfc3339 == "1969-12-31T23:59:59Z")
        #expect(Timestamp(secondsSince1970: -86_401).rfc3339 == "1969-12-30T23:59:59Z")
        #expect(Timestamp(secondsSince1970: -62_135_596_800).rfc3339 == "0001-01-01T00:00:00Z")
        #expect(Timestamp(secondsSince1970: 253_402_300_799).rfc3339 == "9999-12-31T23:59:59Z")
        #expect(Timestamp(year: 99, month: 12, day: 31, hour: 23)?.rfc3339 == "0099-12-31T23:00:00Z")
    }

    @Test func negativeSecondsUseFloorDivision() {
        // The first second before each midnight belongs to the previous day, not the next one.
        for days in [-1, -2, -365, -719_528, -1_000_000] as [Int64] {
            let midnight = Timestamp(secondsSince1970: days * 86_400)
            #expect(midnight.components.hour == 0 && midnight.components.minute == 0 && midnight.components.second == 0)
            let before = Timestamp(secondsSince1970: days * 86_400 - 1).components
            #expect(before.hour == 23 && before.minute == 59 && before.second == 59)
        }
    }

    @Test func leapYearRulesIncludingYearZeroAndNegativeYears() {
        for year in [2000, 2024, 1600, 4, 0, -4, -400, -2000] { #expect(Timestamp.isLeapYear(year), "\(year)") }
        for year in [1900, 2100, 2023, 1, -1, -100, -200, -1900] { #expect(!Timestamp.isLeapYear(year), "\(year)") }
        #expect(Timestamp(year: 0, month: 2, day: 29) != nil)
        #expect(Timestamp(year: -4, month: 2, day: 29) != nil)
        #expect(Timestamp(year: -400, month: 2, day: 29) != nil)
        #expect(Timestamp(year: -1, month: 2, day: 29) == nil)
        #expect(Timestamp(year: -100, month: 2, day: 29) == nil)
        #expect(Timestamp(year: 1900, month: 2, day: 29) == nil)
        #expect(Timestamp(year: 2100, month: 2, day: 29) == nil)
    }

    @Test func negativeYearsConvertBothWays() throws {
        // 0000-01-01 minus the 365 days of year −1 (not a leap year).
        let minusOne = try #require(Timestamp(year: -1, month: 1, day: 1))
        #expect(minusOne.secondsSince1970 == -62_167_219_200 - 365 * 86_400)
        // Year 0 is a leap year: 0000-03-01 is 31 + 29 days after 0000-01-01.
        // Unwrapped first: `#expect(optionalInt64 == …)` trips AddressSanitizer inside the
        // compiler-generated AnyHashable thunk (Swift 6.3.1; docs/reliability.md, "Sanitizers").
        let marchFirst = try #require(Timestamp(year: 0, month: 3, day: 1))
        #expect(marchFirst.secondsSince1970 == -62_167_219_200 + 60 * 86_400)
        // The day before 0000-01-01 is −0001-12-31.
        let c = Timestamp(secondsSince1970: -62_167_219_200 - 1).components
        #expect(c.year == -1 && c.month == 12 && c.day == 31 && c.hour == 23)
        // −400 … 0 is one full 400-year cycle of 146 097 days.
        let cycleStart = try #require(Timestamp(year: -400, month: 1, day: 1))
        #expect(-62_167_219_200 - cycleStart.secondsSince1970 == 146_097 * 86_400)
        let back = Timestamp(secondsSince1970: cycleStart.secondsSince1970 + 59 * 86_400).components
        #expect(back.year == -400 && back.month == 2 && back.day == 29)
    }

    /// Walks day by day across year 0 and 1970 and checks that every day is the calendar successor
    /// of the one before, and that fields → seconds → fields round-trips.
    @Test func consecutiveDaysFollowTheCalendar() throws {
        for startYear in [-2, 1968, 1899, 2099] {
            var t = try #require(Timestamp(year: startYear, month: 1, day: 1, hour: 12))
            var previous = t.components
            for _ in 0..<(4 * 366) {
                t = Timestamp(secondsSince1970: t.secondsSince1970 + 86_400)
                let c = t.components
                let expected: (Int, Int, Int)
                if previous.day < Timestamp.daysIn(month: previous.month, year: previous.year) {
                    expected = (previous.year, previous.month, previous.day + 1)
                } else if previous.month < 12 {
                    expected = (previous.year, previous.month + 1, 1)
                } else {
                    expected = (previous.year + 1, 1, 1)
                }
                try #require(c.year == expected.0 && c.month == expected.1 && c.day == expected.2 && c.hour == 12,
                             "after \(previous) came \(c)")
                #expect(Timestamp(year: c.year, month: c.month, day: c.day, hour: 12) == t)
                previous = c
            }
        }
    }

    @Test func roundTripsOverAWideRange() throws {
        var s: Int64 = -80_000_000_000
        while s < 260_000_000_000 {
            let c = Timestamp(secondsSince1970: s).components
            let back = try #require(Timestamp(year: c.year, month: c.month, day: c.day, hour: c.hour, minute: c.minute, second: c.second))
            try #require(back.secondsSince1970 == s, "\(s) → \(c)")
            s += 987_654_321
        }
    }

    @Test("Out-of-range fields are rejected", arguments: [
        (2018, 0, 1, 0, 0, 0), (2018, 13, 1, 0, 0, 0), (2018, 1, 0, 0, 0, 0), (2018, 1, 32, 0, 0, 0),
        (2018, 4, 31, 0, 0, 0), (2018, 6, 31, 0, 0, 0), (2018, 9, 31, 0, 0, 0), (2018, 11, 31, 0, 0, 0),
        (2018, 2, 29, 0, 0, 0), (2018, 2, 30, 0, 0, 0), (2000, 2, 30, 0, 0, 0),
        (2018, 1, 1, 25, 0, 0), (2018, 1, 1, -1, 0, 0), (2018, 1, 1, 24, 1, 0), (2018, 1, 1, 24, 0, 1),
        (2018, 1, 1, 0, 60, 0), (2018, 1, 1, 0, -1, 0), (2018, 1, 1, 0, 0, 61), (2018, 1, 1, 0, 0, -1),
    ])
    func invalidFields(y: Int, mo: Int, d: Int, h: Int, mi: Int, s: Int) {
        #expect(Timestamp(year: y, month: mo, day: d, hour: h, minute: mi, second: s) == nil)
    }

    @Test func endOfDayAndLeapSecondRollOver() {
        // 24:00:00 is the next midnight; a leap second :60 folds into the next second.
        #expect(Timestamp(year: 2018, month: 12, day: 31, hour: 24)?.rfc3339 == "2019-01-01T00:00:00Z")
        #expect(Timestamp(year: 2016, month: 12, day: 31, hour: 23, minute: 59, second: 60)?.rfc3339 == "2017-01-01T00:00:00Z")
        #expect(Timestamp(year: 2018, month: 1, day: 31)?.rfc3339 == "2018-01-31T00:00:00Z")
        #expect(Timestamp(year: 2018, month: 4, day: 30)?.rfc3339 == "2018-04-30T00:00:00Z")
    }

    @Test func offsetsAreSubtractedToReachUTC() {
        // 10:00+02:00 is 08:00Z; 22:30-05:00 is 03:30Z the next day.
        #expect(Timestamp(year: 2018, month: 8, day: 8, hour: 10, offsetSeconds: 7_200)?.rfc3339 == "2018-08-08T08:00:00Z")
        #expect(Timestamp(year: 2018, month: 12, day: 31, hour: 22, minute: 30, offsetSeconds: -18_000)?.rfc3339
            == "2019-01-01T03:30:00Z")
        #expect(Timestamp(year: 1970, month: 1, day: 1, hour: 0, offsetSeconds: 3_600)?.secondsSince1970 == -3_600)
        #expect(Timestamp(year: 2018, month: 8, day: 8, hour: 10, minute: 0, offsetSeconds: 19_800)?.rfc3339
            == "2018-08-08T04:30:00Z")
    }

    @Test func orderingFollowsTheInstant() {
        let a = Timestamp(secondsSince1970: -5), b = Timestamp(secondsSince1970: 0), c = Timestamp(secondsSince1970: 7)
        #expect(a < b && b < c && !(c < a))
        #expect([c, a, b].sorted() == [a, b, c])
        #expect(Timestamp(year: 2018, month: 8, day: 8, hour: 12, offsetSeconds: 7_200)
            == Timestamp(year: 2018, month: 8, day: 8, hour: 10))
    }

    @Test func daysInMonth() {
        let lengths = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
        for (n, days) in lengths.enumerated() {
            #expect(Timestamp.daysIn(month: n + 1, year: 2019) == days)
        }
        #expect(Timestamp.daysIn(month: 2, year: 2020) == 29)
        #expect(Timestamp.daysIn(month: 2, year: 0) == 29)
    }

    @Test
    func rfc3339OfNegativeYearKeepsTheSignInFront() throws {
        // ISO 8601 expanded years put the sign first: −0001-01-01.
        let t = try #require(Timestamp(year: -1, month: 1, day: 1))
        #expect(t.rfc3339 == "-0001-01-01T00:00:00Z")
    }
}
