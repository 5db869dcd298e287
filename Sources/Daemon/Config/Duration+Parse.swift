extension Duration {
    /// Seconds in "90s", "15m", "2h", "1d", "1h30m", "1w", or a bare number of seconds.
    public static func parseSeconds(_ text: String) -> Int? {
        let s = text.lowercased().filter { !$0.isWhitespace }
        guard !s.isEmpty else { return nil }
        if let n = Int(s) { return n }
        var total = 0
        var number = ""
        for ch in s {
            if ch.isASCII, ch.isNumber { number.append(ch); continue }
            guard let n = Int(number) else { return nil }
            let unit: Int
            switch ch {
            case "s": unit = 1
            case "m": unit = 60
            case "h": unit = 3600
            case "d": unit = 86_400
            case "w": unit = 604_800
            default: return nil
            }
            let (product, overflow) = n.multipliedReportingOverflow(by: unit)
            guard !overflow else { return nil }
            total += product
            number = ""
        }
        return number.isEmpty ? total : nil
    }

    /// "15m", "2h", "1d2h": the shortest spelling, for messages.
    public static func format(seconds: Int) -> String {
        if seconds == 0 { return "0s" }
        var rest = seconds
        var out = ""
        for (unit, name) in [(86_400, "d"), (3600, "h"), (60, "m"), (1, "s")] where rest >= unit {
            out += "\(rest / unit)\(name)"
            rest %= unit
        }
        return out
    }
}
