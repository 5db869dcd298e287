/// A time of day as written, before any zone is applied.
struct ClockTime {
    var hour = 0
    var minute = 0
    var second = 0
}

/// Reads a time of day, `H[H]:MM[:SS][.fff]`, shared by every date form.
enum DateClock {
    /// Reads the rest of a clock time whose hour (`hour`, already consumed) is followed by
    /// `:`. `strict` (ISO 8601) wants two-digit minutes and seconds; the textual forms accept
    /// one digit too (`1:2:3` from sloppy generators). Ranges are checked later by `Timestamp`.
    static func parse(afterHour hour: DateNumber, _ scanner: inout DateScanner, strict: Bool) -> ClockTime? {
        guard hour.digits <= 2, scanner.consume(DateByte.colon),
              let minute = scanner.number(), isValid(minute, strict: strict)
        else { return nil }
        var time = ClockTime(hour: hour.value, minute: minute.value, second: 0)
        if scanner.consume(DateByte.colon) {
            guard let second = scanner.number(), isValid(second, strict: strict) else { return nil }
            time.second = second.value
            scanner.skipFraction()
        }
        return time
    }

    /// Reads ISO 8601 basic-format times: `HHMM` or `HHMMSS[.fff]` (hour already consumed).
    static func basic(_ digits: DateNumber, _ scanner: inout DateScanner) -> ClockTime? {
        switch digits.digits {
        case 4:
            return ClockTime(hour: digits.value / 100, minute: digits.value % 100, second: 0)
        case 6:
            scanner.skipFraction()
            return ClockTime(hour: digits.value / 10_000, minute: digits.value / 100 % 100,
                             second: digits.value % 100)
        default:
            return nil
        }
    }

    private static func isValid(_ number: DateNumber, strict: Bool) -> Bool {
        number.digits == 2 || (!strict && number.digits == 1)
    }
}
