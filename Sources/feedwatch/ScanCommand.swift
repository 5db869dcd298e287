import ArgumentParser
import Daemon
import FeedModel
import FeedParsing
import Foundation
import Watching

struct ScanCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "scan",
        abstract: "Dry run: which watches would fire on a feed or a text, and why. Writes nothing.",
        discussion: """
            Example:
              feedwatch scan https://example.org/world/rss.xml
              feedwatch scan article.txt --json
            """
    )

    @Argument(help: "A feed file or URL, or a plain text file (- for standard input).")
    var source: String

    @OptionGroup var options: ConfigOption

    @Flag(help: "Print the alerts as JSON lines.")
    var json = false

    func run() async throws {
        do {
            let config = try ConfigLoader().load(path: options.config)
            let lists = try WatchListLoader().load(directory: config.watchlists)
            let factory = AlertFactory(matcher: WatchMatcher(watches: lists.watches, rules: lists.rules))
            let input = try await ScanInput.load(source, headers: config.headers(forAddress: source))
            let (items, url) = (input.items, input.url)
            let formatter = AlertFormatter(color: ProcessEnvironment.useColor)
            var total = 0
            for (entry, text) in items {
                let key = entry.key(feedURL: url ?? source)
                let alerts = factory.alerts(for: .init(feedTitle: input.feedTitle, feedURL: url ?? source, entryKey: key, entry: entry),
                                            text: text, now: .now)
                for alert in alerts {
                    let line = alert.json.serialized()
                    if json { print(line) } else {
                        if total > 0 { print("") }
                        print(formatter.format(AlertFormatter.parse(line) ?? [:]))
                    }
                    total += 1
                }
                if !json {
                    print("\nwhy, for \(TerminalText.clean(text.title.isEmpty ? key : text.title)):")
                    for row in factory.matcher.explain(text) {
                        print("  \(row.fired ? "fires   " : "silent  ")\(TerminalText.clean(row.watch)): \(TerminalText.clean(row.reason))")
                    }
                }
            }
            if !json { print("\n\(total) alerts would be raised on \(items.count) entries") }
        } catch {
            exitWith(error)
        }
    }
}
