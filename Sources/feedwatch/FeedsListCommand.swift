import ArgumentParser
import Daemon
import FeedModel

struct FeedsList: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "List the configured feeds, numbered (the number works with `feeds remove`).",
        discussion: """
            Order: the config's own feeds first, then each feeds_dir file's, files by name. The \
            numbers change when feeds are added or removed; URLs do not.

            Examples:
              feedwatch feeds list
              feedwatch feeds list --json | jq -r 'select(.enabled) | .url'
            """
    )

    @OptionGroup var options: ConfigOption

    @Flag(help: "Print one JSON object per feed: id, url, title, interval (seconds), tags, enabled, watchlists, fields, header names, source file and line.")
    var json = false

    func run() async throws {
        do {
            let config = try ConfigLoader().load(path: options.config)
            for (index, feed) in config.feeds.enumerated() {
                print(json ? Self.json(feed, id: index + 1, config: config).serialized() : Self.line(feed, id: index + 1, config: config))
            }
        } catch {
            exitWith(error)
        }
    }

    static func line(_ feed: FeedConfig, id: Int, config: Daemon.Config) -> String {
        var parts = ["\(id)", TerminalText.clean(URLCredentials.redacted(feed.url)), "every \(Duration.format(seconds: feed.interval ?? config.interval))"]
        if let title = feed.title { parts.append(TerminalText.clean(title)) }
        if !feed.tags.isEmpty { parts.append("tags: " + TerminalText.clean(feed.tags.joined(separator: ", "))) }
        if let lists = feed.watchlists { parts.append("watch lists: " + TerminalText.clean(lists.joined(separator: ", "))) }
        if let fields = feed.fields { parts.append("fields: " + fields.map(\.rawValue).joined(separator: ", ")) }
        if let seconds = feed.fetchTimeout { parts.append("timeout \(Duration.format(seconds: seconds))") }
        if !feed.enabled { parts.append("DISABLED") }
        return parts.joined(separator: "\t")
    }

    /// Header values and passwords in URLs are never printed: they are secrets.
    static func json(_ feed: FeedConfig, id: Int, config: Daemon.Config) -> JSONValue {
        var o = JSONObjectBuilder()
        o.add("id", id)
        o.add("url", URLCredentials.redacted(feed.url))
        o.add("title", feed.title)
        o.add("interval", feed.interval ?? config.interval)
        o.add("tags", .array(feed.tags.map { .string($0) }))
        o.add("enabled", feed.enabled)
        o.add("watchlists", feed.watchlists.map { .array($0.map { .string($0) }) } ?? .null)
        o.add("fields", feed.fields.map { .array($0.map { .string($0.rawValue) }) } ?? .null)
        o.add("fetch_timeout", feed.fetchTimeout ?? config.fetchTimeout)
        o.addNonEmpty("headers", feed.headers.map { .string($0.name) })
        o.add("source", feed.source)
        if let line = feed.line { o.add("line", line) }
        return o.value
    }
}
