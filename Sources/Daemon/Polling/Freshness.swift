import Foundation
import FeedModel
import FeedParsing
import Fetching

/// How long the server says its answer stays fresh (`Cache-Control: max-age`, else
/// `Expires` − `Date`). The scheduler never polls sooner than that, up to `cap`: a server
/// cannot silence a feed for longer than six hours by asking for a day.
enum Freshness {
    static let cap = 6 * 3600

    static func seconds(_ response: FetchResponse, now: Timestamp) -> Int? {
        if let control = response.cacheControl?.lowercased() {
            if control.contains("no-cache") || control.contains("no-store") { return nil }
            for directive in control.split(separator: ",") {
                let parts = directive.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
                if parts.count == 2, parts[0] == "max-age", let age = Int(parts[1].trimmingCharacters(in: CharacterSet(charactersIn: "\""))) {
                    return min(max(age, 0), cap)
                }
            }
        }
        if let expires = response.expires.flatMap(DateParser.parse) {
            let reference = response.date.flatMap(DateParser.parse) ?? now
            let age = Int(expires.secondsSince1970 - reference.secondsSince1970)
            return age > 0 ? min(age, cap) : nil
        }
        return nil
    }
}
