import FeedModel
import Foundation

/// Resolves relative links against xml:base or the document's URL.
enum URLResolver {
    static func resolve(_ reference: String, against base: String?) -> String {
        let trimmed = reference.trimmedWhitespace
        // RFC 3986 §5.2: an empty reference is the base itself (`<link rel="self" href=""/>`).
        if trimmed.isEmpty, let base, !base.isEmpty { return base }
        guard let base, !base.isEmpty, !trimmed.isEmpty, !hasScheme(trimmed) else { return trimmed }
        guard let baseURL = URL(string: base), let resolved = URL(string: trimmed, relativeTo: baseURL) else {
            return trimmed
        }
        return resolved.absoluteString
    }

    /// "http:", "mailto:" …: RFC 3986 scheme = ALPHA *( ALPHA / DIGIT / "+" / "-" / "." ) ":".
    static func hasScheme(_ s: String) -> Bool {
        var first = true
        for byte in s.utf8 {
            switch byte {
            case UInt8(ascii: ":"): return !first
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"): break
            case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "."):
                if first { return false }
            default: return false
            }
            first = false
        }
        return false
    }
}
