/// What to fetch, and under which limits.
public struct FetchRequest: Sendable {
    public var url: String
    /// Whether a `file:` URL may be read. Only true for URLs the user wrote in the config:
    /// a redirect can never lead to a file, whatever this says.
    public var allowFileURL: Bool
    /// Validators from the previous fetch, sent back for a conditional GET.
    public var etag: String?
    public var lastModified: String?
    public var limits: FetchLimits
    /// Extra headers from the feed's config (`headers:`), sent after the fetcher's own; any
    /// with a `problem` are not sent.
    public var headers: [HTTPHeader] = []

    public init(url: String, allowFileURL: Bool = false, etag: String? = nil, lastModified: String? = nil,
                limits: FetchLimits = FetchLimits(), headers: [HTTPHeader] = []) {
        self.headers = headers
        self.url = url
        self.allowFileURL = allowFileURL
        self.etag = etag
        self.lastModified = lastModified
        self.limits = limits
    }
}

/// Bounds that keep a slow, huge or hostile server from holding a transfer or memory for long.
public struct FetchLimits: Sendable, Equatable {
    public var connectTimeoutSeconds: Int = 15
    public var totalTimeoutSeconds: Int = 60
    /// A transfer slower than `lowSpeedBytesPerSecond` for `lowSpeedSeconds` is aborted (trickling servers).
    public var lowSpeedBytesPerSecond: Int = 64
    public var lowSpeedSeconds: Int = 20
    /// Largest body kept, after decompression; bigger transfers are aborted.
    public var maxBodyBytes: Int = 16 << 20
    public var maxRedirects: Int = 5

    public init() {}
}
