/// What a fetch brought back.
public struct FetchResponse: Sendable {
    /// HTTP status of the final response (200 for a file read).
    public var status: Int
    public var body: [UInt8]
    /// The URL the body came from after redirects.
    public var effectiveURL: String
    public var contentType: String?
    public var etag: String?
    public var lastModified: String?
    /// Status codes of the redirects followed, in order (e.g. [301]).
    public var redirects: [Int]
    /// Caching headers as sent, for the scheduler: `Cache-Control`, `Expires`, `Date`.
    public var cacheControl: String?
    public var expires: String?
    public var date: String?
    /// Counts `body` against the fetcher's memory budget until dropped (BodyBudget).
    var lease: BodyLease?

    public init(status: Int, body: [UInt8], effectiveURL: String, contentType: String? = nil,
                etag: String? = nil, lastModified: String? = nil, redirects: [Int] = []) {
        self.status = status
        self.body = body
        self.effectiveURL = effectiveURL
        self.contentType = contentType
        self.etag = etag
        self.lastModified = lastModified
        self.redirects = redirects
    }

    /// Drops the body once it is parsed, so its bytes stop counting against the fetcher's
    /// budget (`max_buffered_bytes`) while the rest of the poll waits on the state store.
    public mutating func releaseBody() {
        body = []
        lease = nil
    }

    /// 304: the feed did not change since the validators we sent; nothing to parse.
    public var notModified: Bool { status == 304 }

    /// True when every redirect followed was permanent (301/308), so the feed's URL should change.
    public var permanentlyMoved: Bool {
        !redirects.isEmpty && redirects.allSatisfy { $0 == 301 || $0 == 308 }
    }
}
