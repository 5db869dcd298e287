/// Why a fetch failed, worded for the log line a user reads.
public enum FetchError: Error, Equatable, CustomStringConvertible {
    /// The URL's scheme is not one we fetch (only http and https, and file when configured).
    case unsupportedScheme(String)
    /// libcurl gave up: DNS, connect, TLS, timeout, too many redirects …
    case transport(code: Int, message: String)
    /// The body grew past the configured limit.
    case tooLarge(limit: Int)
    /// The server answered with an error status.
    case httpStatus(Int)
    /// 429 or 503: the server asks us to slow down, perhaps saying for how long
    /// (`Retry-After` as written: seconds or an HTTP date). `from`: the URL that answered, after
    /// any redirects: its host is the one that must rest, not the configured URL's.
    case throttled(status: Int, retryAfter: String?, from: String? = nil)
    case cancelled
    /// libcurl is loaded when the first fetcher is made (dlopen, not linked) and could not be:
    /// the library names tried and the loader's reason.
    case libcurlUnavailable(String)

    public var description: String {
        switch self {
        case let .unsupportedScheme(url): return "refusing to fetch \(url): only http and https URLs are fetched (file: only when written in the config)"
        case let .transport(code, message): return "\(message) (curl error \(code))"
        case let .tooLarge(limit): return "response body larger than \(limit) bytes; transfer aborted"
        case let .httpStatus(status): return status == 410 ? "HTTP 410 Gone: the feed was removed" : "HTTP \(status)"
        case let .throttled(status, retryAfter, _):
            return "HTTP \(status): the server asks us to slow down" + (retryAfter.map { " (Retry-After: \($0))" } ?? "")
        case .cancelled: return "cancelled"
        case let .libcurlUnavailable(reason):
            return "\(reason) (fetching needs libcurl; on Debian: apt-get install libcurl4)"
        }
    }
}
