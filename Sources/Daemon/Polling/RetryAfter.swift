import FeedModel
import FeedParsing

/// `Retry-After`: delay-seconds or an HTTP date (RFC 9110 §10.2.3).
enum RetryAfter {
    /// Seconds to wait from `now`, at most a week (a hostile value cannot park a feed for ever).
    static func seconds(_ value: String, now: Timestamp) -> Int? {
        let trimmed = value.trimmedWhitespace
        if let seconds = Int(trimmed), seconds >= 0 { return min(seconds, 7 * 86_400) }
        guard let date = DateParser.parse(trimmed) else { return nil }
        return Int(max(0, min(date.secondsSince1970 - now.secondsSince1970, 7 * 86_400)))
    }
}
