import Foundation

extension Config {
    /// Polling faster than once a minute is allowed (a local test server, one's own site) but
    /// rarely meant: most servers answer it with 429s or a ban, and the ban costs every feed on
    /// that host. `check` prints these and the daemon logs them at start; nothing is refused.
    /// Files and loopback hosts are the user's own and never warned about.
    public var politenessWarnings: [String] {
        let floor = 60
        var out: [String] = []
        // Hosts are looked at only for feeds that poll fast (rare): parsing 10,000 URLs on every
        // start and `run --once` would cost more than the check is worth.
        func remote(_ feed: FeedConfig) -> Bool { !feed.isFile && !Self.isLoopback(feed.url) }
        let risk = "servers often answer that with 429 or a ban (for every feed on the host)"
        if interval < floor {
            let usingDefault = activeFeeds.filter { $0.interval == nil && remote($0) }.count
            if usingDefault > 0 {
                out.append("interval: \(Duration.format(seconds: interval)) polls \(usingDefault) feed\(usingDefault == 1 ? "" : "s") more than once a minute; \(risk)")
            }
        }
        for feed in activeFeeds {
            if let own = feed.interval, own < floor, remote(feed) {
                out.append("\(URLCredentials.redacted(feed.url)): interval: \(Duration.format(seconds: own)) is more than once a minute; \(risk)")
            }
        }
        if let adaptive, adaptive.minimum < floor, activeFeeds.contains(where: remote) {
            out.append("adaptive: min: \(Duration.format(seconds: adaptive.minimum)) lets busy feeds be polled more than once a minute")
        }
        return out
    }

    static func isLoopback(_ url: String) -> Bool {
        guard let host = URLComponents(string: url)?.host?.lowercased() else { return false }
        let octets = host.split(separator: ".", omittingEmptySubsequences: false)
        let ipv4Loopback = octets.count == 4 && octets.first == "127" && octets.allSatisfy { UInt8($0) != nil }
        return ipv4Loopback || host == "localhost" || host == "::1" || host == "[::1]" || host.hasSuffix(".localhost")
    }
}
