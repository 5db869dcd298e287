import ArgumentParser
import FeedModel
import FeedParsing

struct ParseCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "parse",
        abstract: "Parse one feed and print it.",
        discussion: """
            --json prints feedparser-style JSON (see DESIGN.md); the exit status is 0 even for a bozo feed.

            Example:
              feedwatch parse https://example.org/world/rss.xml
              feedwatch parse --json feed.xml | jq '.entries[].title'
            """
    )

    @Argument(help: "A feed file, an http(s) URL, or - for standard input.")
    var source: String

    @Flag(help: "Print JSON with feedparser's field names.")
    var json = false

    @Flag(help: "Print only counts, timings (parse, then HTML to text of every entry) and peak memory, for benchmarks.")
    var stats = false

    @Option(help: "Parse this many times (with --stats), to measure steady-state speed and whether memory grows.")
    var `repeat`: Int = 1

    func run() async throws {
        do {
            let (bytes, url, contentType) = try await InputSource.load(source)
            if stats {
                print(ParseStats.measure(bytes, url: url, contentType: contentType, runs: max(1, `repeat`)))
                return
            }
            let feed = FeedParser().parse(bytes, documentURL: url, httpContentType: contentType)
            if json {
                print(feed.resolvingRelativeURLs().json.serialized(pretty: true))
            } else {
                print(readable(feed))
            }
        } catch {
            exitWith(error)
        }
    }

    private func readable(_ feed: ParsedFeed) -> String {
        let clean = { (s: String?) in TerminalText.clean(s ?? "") }
        var out = "\(clean(feed.feed.title?.value))  (\(feed.version.rawValue.isEmpty ? "unknown format" : feed.version.rawValue), \(feed.entries.count) entries)"
        if let link = feed.feed.link { out += "\n" + clean(link) }
        if feed.bozo { out += "\nwarning: \(clean(feed.bozoException))" }
        for entry in feed.entries {
            out += "\n\n" + (entry.date.map { $0.rfc3339 + "  " } ?? "") + clean(entry.title.map { HTMLText.plainText($0.value) })
            if let link = entry.link { out += "\n  " + clean(link) }
        }
        return out
    }
}
