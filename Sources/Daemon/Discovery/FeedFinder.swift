import FeedModel
import FeedParsing
import Fetching

/// `feeds add https://example.org/`: what to subscribe to when the user gives a site's address.
///
/// The address is fetched with the daemon's fetcher (same limits, http/https only). A feed is
/// taken as is; an HTML page's announced feeds (`FeedDiscovery`) are fetched and those that
/// parse as feeds offered; a page that announces none that work has the common paths
/// (`/feed`, `/rss.xml`, …) tried, keeping those that parse as feeds.
public struct FeedFinder: Sendable {
    public let fetcher: Fetcher
    public var limits: FetchLimits
    /// The headers the feed will be fetched with (`feeds add --header`): a feed behind an API
    /// key answers 401 or 403 without them, so discovery must send them too. Sent to the
    /// address and to the common paths on its site, never to an announced feed elsewhere.
    public var headers: [HTTPHeader]

    public init(fetcher: Fetcher, limits: FetchLimits = FetchLimits(), headers: [HTTPHeader] = []) {
        self.fetcher = fetcher
        self.limits = limits
        self.headers = headers
    }

    public struct Found: Sendable {
        public enum How: Sendable, Equatable {
            /// The address is a feed.
            case direct
            /// The page's `<link rel="alternate">`s.
            case announced
            /// Common paths on the site.
            case probed
        }
        public var how: How
        public var candidates: [FeedDiscovery.Candidate]
        /// Announced feeds that did not answer with a feed (a dead link, an HTML page), each
        /// with why: offering them would subscribe the user to something that never works.
        public var rejected: [(candidate: FeedDiscovery.Candidate, reason: String)] = []
        /// Announced feeds past the first `maxChecked`, neither fetched nor offered.
        public var unchecked = 0
    }

    /// How many announced feeds are fetched: a page may announce thousands (a hostile one, to
    /// make `feeds add` fetch thousands of addresses of its choosing).
    public static let maxChecked = 16

    /// Throws `FetchError` when the address itself cannot be fetched.
    public func find(_ url: String) async throws -> Found {
        let response = try await fetcher.fetch(FetchRequest(url: url, limits: limits, headers: headers))
        let parsed = FeedParser().parse(response.body, documentURL: response.effectiveURL, httpContentType: response.contentType)
        if parsed.version != .unknown {
            return Found(how: .direct, candidates: [FeedDiscovery.Candidate(url: url, title: Self.title(parsed), type: parsed.version.rawValue)])
        }
        let announced = FeedDiscovery().candidates(inHTML: response.body, pageURL: response.effectiveURL)
        let (working, rejected) = await check(Array(announced.prefix(Self.maxChecked)), address: url)
        let unchecked = max(0, announced.count - Self.maxChecked)
        if !working.isEmpty { return Found(how: .announced, candidates: working, rejected: rejected, unchecked: unchecked) }
        let probes = FeedDiscovery.fallbackURLs(for: response.effectiveURL)
        struct Probed: Sendable { var candidate: FeedDiscovery.Candidate; var effectiveURL: String }
        let headers = headers
        let found = await withTaskGroup(of: (Int, Probed?).self) { group in
            for (index, probe) in probes.enumerated() {
                group.addTask {
                    guard let answer = try? await fetcher.fetch(FetchRequest(url: probe, limits: limits, headers: headers)) else { return (index, nil) }
                    let feed = FeedParser().parse(answer.body, documentURL: answer.effectiveURL, httpContentType: answer.contentType)
                    guard feed.version != .unknown, !feed.entries.isEmpty || feed.feed.title != nil else { return (index, nil) }
                    return (index, Probed(candidate: FeedDiscovery.Candidate(url: probe, title: Self.title(feed), type: feed.version.rawValue),
                                          effectiveURL: answer.effectiveURL))
                }
            }
            var out: [(Int, Probed)] = []
            for await (index, probed) in group { if let probed { out.append((index, probed)) } }
            // `/feed` often redirects to `/feed.xml` or the like: offer one address per feed.
            var seen = Set<String>()
            return out.sorted { $0.0 < $1.0 }.map(\.1).filter { seen.insert($0.effectiveURL).inserted }.map(\.candidate)
        }
        return Found(how: .probed, candidates: found, rejected: rejected, unchecked: unchecked)
    }

    /// Fetches each announced feed (at once) and keeps those that parse as feeds, in order.
    /// The user's headers go only to the address's own origin: an announced feed on another
    /// host gets none of them.
    private func check(_ candidates: [FeedDiscovery.Candidate], address: String) async
        -> (working: [FeedDiscovery.Candidate], rejected: [(candidate: FeedDiscovery.Candidate, reason: String)]) {
        guard !candidates.isEmpty else { return ([], []) }
        let (fetcher, limits, headers) = (fetcher, limits, headers)
        let outcomes = await withTaskGroup(of: (Int, String?, String?).self) { group in
            for (index, candidate) in candidates.enumerated() {
                group.addTask {
                    let request = FetchRequest(url: candidate.url, limits: limits,
                                               headers: HTTPHeader.sameOrigin(address, candidate.url) ? headers : [])
                    let answer: FetchResponse
                    do { answer = try await fetcher.fetch(request) } catch { return (index, "\(error)", nil) }
                    let feed = FeedParser().parse(answer.body, documentURL: answer.effectiveURL, httpContentType: answer.contentType)
                    guard feed.version != .unknown else {
                        return (index, "not a feed" + (answer.contentType.map { " (\($0))" } ?? ""), nil)
                    }
                    return (index, nil, Self.title(feed))
                }
            }
            var all: [(Int, String?, String?)] = []
            for await outcome in group { all.append(outcome) }
            return all.sorted { $0.0 < $1.0 }
        }
        var working: [FeedDiscovery.Candidate] = []
        var rejected: [(candidate: FeedDiscovery.Candidate, reason: String)] = []
        for (index, problem, title) in outcomes {
            var candidate = candidates[index]
            if let problem { rejected.append((candidate, problem)); continue }
            if candidate.title == nil { candidate.title = title }
            working.append(candidate)
        }
        return (working, rejected)
    }

    static func title(_ feed: ParsedFeed) -> String? {
        guard let title = feed.feed.title.map({ HTMLText.normalizedPlainText($0.value).collapsedWhitespace }), !title.isEmpty else { return nil }
        return title
    }
}
