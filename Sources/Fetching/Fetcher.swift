/// Fetches feeds over HTTP(S) — and configured `file:` URLs — on one shared libcurl multi handle.
///
/// Many concurrent `fetch` calls share connections, TLS sessions and DNS answers, and libcurl
/// enforces the global and per-host connection caps, so a thousand feeds on one host queue
/// politely instead of opening a thousand sockets.
public final class Fetcher: Sendable {
    /// nil when libcurl could not be loaded: every fetch then fails with `FetchError.libcurlUnavailable`,
    /// and a command that only reads files never notices.
    private let loop: CurlMultiLoop?

    /// The User-Agent sent with every request: names feedwatch so server operators can reach us.
    public static let defaultUserAgent = "feedwatch/\(FeedwatchVersion.string) (+https://github.com/feedwatch/feedwatch)"

    /// The default of `max_buffered_bytes`: 256 MiB of bodies held at once, received or waiting
    /// to be parsed, across every feed (BodyBudget says why there is a cap).
    public static let defaultMaxBufferedBytes = 256 << 20

    public init(userAgent: String = Fetcher.defaultUserAgent, maxConnections: Int = 64, maxConnectionsPerHost: Int = 2,
                maxBufferedBytes: Int = Fetcher.defaultMaxBufferedBytes) {
        loop = CurlGlobal.loadFailure == nil
            ? CurlMultiLoop(userAgent: userAgent, maxConnections: maxConnections, maxConnectionsPerHost: maxConnectionsPerHost,
                            maxBufferedBytes: maxBufferedBytes)
            : nil
    }

    /// Response bytes held now (transfers receiving, bodies not yet dropped) and the most held
    /// at once so far: for tests, metrics and `max_buffered_bytes` tuning.
    public var bufferedBytes: (held: Int, peak: Int) {
        loop?.budget.usage ?? (0, 0)
    }

    deinit {
        loop?.stop()
    }

    /// Fetches one URL. Throws `FetchError`; a 304 is a success with `notModified` set.
    public func fetch(_ request: FetchRequest) async throws -> FetchResponse {
        let scheme = request.url.split(separator: ":", maxSplits: 1).first.map { $0.lowercased() } ?? ""
        guard scheme == "http" || scheme == "https" || (scheme == "file" && request.allowFileURL) else {
            throw FetchError.unsupportedScheme(request.url)
        }
        guard let loop else {
            throw FetchError.libcurlUnavailable(CurlGlobal.loadFailure ?? "cannot load libcurl")
        }
        guard let transfer = Transfer(request: request) else {
            throw FetchError.transport(code: 2, message: "libcurl could not create a handle")
        }
        return try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { continuation in
                if transfer.attach(continuation) {
                    loop.submit(transfer)
                }
            }
        } onCancel: {
            transfer.complete(.failure(FetchError.cancelled))
            loop.cancel(transfer)
        }
    }

    /// Stops the loop thread; pending fetches fail with `FetchError.cancelled`.
    public func shutdown() {
        loop?.stop()
    }

    /// libcurl's version and features, for `feedwatch --version` and bug reports.
    public static var libcurlVersion: String { CurlGlobal.version }
}
