import ArgumentParser
import Daemon
import FeedParsing
import Fetching
import Foundation

struct FeedsAdd: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "add",
        abstract: "Add a feed, or find the feeds of a site's page and add one.",
        discussion: """
            A feed URL is added as it is. For a web page, the feeds it announces \
            (<link rel="alternate" type="application/rss+xml|atom+xml|feed+json">) are fetched \
            and those that are feeds offered; a page that announces none that work has /feed, /rss.xml, /atom.xml, /index.xml and /feed.xml \
            tried. With several, a terminal is asked which to add; otherwise they are listed and \
            the command exits with status 2 unless --first or --all says which. \
            The feed is written to feeds_dir/added.yaml and the running daemon is told to reload.

            Examples:
              feedwatch feeds add https://example.org/world/rss.xml
              feedwatch feeds add example.org --first --interval 10m --tag world
              feedwatch feeds add api.example.com/rss --header 'Authorization: Bearer T'
            """
    )

    @Argument(help: "A feed's URL, or a web page whose feeds to find (https:// is assumed when no scheme is given).")
    var address: String

    /// "example.org/news" is taken as https://example.org/news: users copy addresses without a
    /// scheme; a browser's `feed://` or `feed:https://` subscribe link is the URL it stands for.
    var url: String {
        let address = FeedScheme.resolved(self.address)
        let lower = address.lowercased()
        return lower.contains("://") || lower.hasPrefix("file:") ? address : "https://" + address
    }

    @Option(help: "Poll this feed this often (e.g. 10m, 1h) instead of the config's interval.")
    var interval: String?

    @Option(name: .customLong("tag"), help: "A tag for the feed (repeat for several).")
    var tags: [String] = []

    @Option(help: "A title to show instead of the feed's own.")
    var title: String?

    @Option(name: .customLong("watchlist"), help: "Apply only this watch list (file name without .yaml) to the feed; repeat for several.")
    var watchlists: [String] = []

    @Option(name: .customLong("header"), help: "A request header 'Name: value' to send (repeat for several); never printed.")
    var headers: [String] = []

    @Flag(help: "With several feeds found, add the first.")
    var first = false

    @Flag(help: "With several feeds found, add them all.")
    var all = false

    @Flag(name: .customLong("no-discover"), help: "Add the URL as given, without fetching it.")
    var noDiscover = false

    @OptionGroup var options: ConfigOption
    @OptionGroup var reload: ReloadOption

    func validate() throws {
        if first && all { throw ValidationError("--first and --all exclude each other") }
        if let interval, Duration.parseSeconds(interval).map({ $0 <= 0 }) ?? true {
            throw ValidationError("--interval: '\(interval)' is not a duration (use e.g. 30s, 15m, 2h)")
        }
        for header in headers where !header.contains(":") {
            throw ValidationError("--header: expected 'Name: value'")
        }
    }

    func run() async throws {
        do {
            let config = try ConfigLoader().load(path: options.config)
            if !watchlists.isEmpty {
                let lists = try WatchListLoader().load(directory: config.watchlists)
                let known = WatchListScope.names(lists)
                for name in watchlists where !known.contains(name) {
                    throw CommandFailure.config("--watchlist: no watch-list file is named '\(name)' (known: \(known.sorted().joined(separator: ", ")))")
                }
            }
            // Named as the argument, before anything is fetched or written (the editor's own
            // check would name the config file, which has no such URL).
            let configDirectory = (config.path as NSString).deletingLastPathComponent
            if ConfigLoader.checkURL(url, directory: configDirectory) == nil {
                let lower = url.lowercased()
                throw CommandFailure.config(lower.hasPrefix("http://") || lower.hasPrefix("https://")
                    ? "'\(url)' is not a valid URL (it needs a host; spaces and control characters must be percent-encoded)"
                    : "'\(url)': a feed's address is an http, https or file URL")
            }
            let chosen = try await choose(config: config)
            let feeds = chosen.map { candidate -> FeedConfig in
                var feed = FeedConfig(url: candidate.url, interval: interval.flatMap(Duration.parseSeconds), title: title)
                feed.tags = tags
                feed.watchlists = watchlists.isEmpty ? nil : watchlists
                feed.headers = parsedHeaders
                return feed
            }
            // FeedEditor skips feeds already configured under any spelling, under its lock.
            let result = try FeedEditor(configPath: options.config).add(feeds, toFile: "added.yaml")
            for (feed, first) in result.duplicates {
                print("already configured: \(TerminalText.clean(URLCredentials.redacted(feed.url))) (at \(TerminalText.clean(first)))")
            }
            guard let file = result.file else {
                print("nothing added")
                return
            }
            for feed in result.added { print("added \(TerminalText.clean(URLCredentials.redacted(feed.url))) to \(shown(file)):\(feed.line ?? 0)") }
            print(tellDaemonToReload(config: result.config, enabled: !reload.noReload))
        } catch {
            exitWith(error)
        }
    }

    private var parsedHeaders: [HTTPHeader] {
        headers.map { text in
            let colon = text.firstIndex(of: ":")!
            return HTTPHeader(name: String(text[..<colon]).trimmingCharacters(in: .whitespaces),
                              value: String(text[text.index(after: colon)...]).trimmingCharacters(in: .whitespaces))
        }
    }

    /// The feeds to add: the URL itself, or what discovery found and the user picked.
    private func choose(config: Daemon.Config) async throws -> [FeedDiscovery.Candidate] {
        // Checked before anything else, so a bad header is named as the option, with or
        // without discovery (not as a line of a file that was never written).
        var names = Set<String>()
        for header in parsedHeaders {
            if let problem = header.problem { throw CommandFailure.config("--header: \(problem)") }
            if !names.insert(header.name.lowercased()).inserted { throw CommandFailure.config("--header: '\(header.name)' is given twice") }
        }
        let lower = url.lowercased()
        guard !noDiscover, lower.hasPrefix("http://") || lower.hasPrefix("https://") else {
            return [FeedDiscovery.Candidate(url: url, type: "")]
        }
        let fetcher = Fetcher(userAgent: config.userAgent ?? Fetcher.defaultUserAgent)
        defer { fetcher.shutdown() }
        let limits = config.fetchLimits
        let found: FeedFinder.Found
        do {
            found = try await FeedFinder(fetcher: fetcher, limits: limits, headers: parsedHeaders).find(url)
        } catch {
            throw CommandFailure.runtime("\(url): \(error) (use --no-discover to add it anyway)")
        }
        let candidates = found.candidates
        for (candidate, reason) in found.rejected {
            print("\(TerminalText.clean(URLCredentials.redacted(url))) announces \(TerminalText.clean(URLCredentials.redacted(candidate.url))), which is not offered: \(TerminalText.clean(reason))")
        }
        if found.unchecked > 0 {
            print("\(TerminalText.clean(URLCredentials.redacted(url))) announces \(found.unchecked) more feeds, not checked (only the first \(FeedFinder.maxChecked) are); add one by its URL")
        }
        switch found.how {
        case .direct: return candidates
        case .announced: print("\(TerminalText.clean(URLCredentials.redacted(url))) is a web page; it announces \(candidates.count) feed\(candidates.count == 1 ? "" : "s"):")
        case .probed:
            guard !candidates.isEmpty else {
                let announced = found.rejected.isEmpty ? "the page announces none (<link rel=\"alternate\">)" : "the feeds the page announces do not work"
                throw CommandFailure.runtime("\(url): no feed found: \(announced), and none of \(FeedDiscovery.commonPaths.joined(separator: ", ")) is a feed (use --no-discover to add it anyway)")
            }
            print("\(TerminalText.clean(URLCredentials.redacted(url))) is a web page that announces no feed; found at common paths:")
        }
        for (index, candidate) in candidates.enumerated() {
            print("  \(index + 1). \(TerminalText.clean(URLCredentials.redacted(candidate.url)))\(candidate.title.map { "  (\(TerminalText.clean($0)))" } ?? "")")
        }
        if candidates.count == 1 || first { return [candidates[0]] }
        if all { return candidates }
        guard isatty(0) == 1 else {
            throw CommandFailure.config("several feeds found: add one by its URL, or pass --first or --all")
        }
        while true {
            FileHandle.standardOutput.write(Data("Add which? [1-\(candidates.count), a = all, q = none] ".utf8))
            guard let answer = readLine()?.trimmingCharacters(in: .whitespaces).lowercased() else {
                throw CommandFailure.config("no answer: nothing added")
            }
            if answer == "q" || answer.isEmpty { throw CommandFailure.config("nothing added") }
            if answer == "a" { return candidates }
            if let n = Int(answer), (1...candidates.count).contains(n) { return [candidates[n - 1]] }
        }
    }
}
