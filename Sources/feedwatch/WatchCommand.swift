import ArgumentParser
import Daemon
import FeedModel
import Foundation
import Watching

/// `feedwatch watch …`: the watch lists from the command line, for users who would rather not
/// edit YAML by hand (and for scripts).
struct WatchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "watch",
        abstract: "List, add, remove and test the watches of the watch lists.",
        discussion: """
            Edits change only the lines of one watch: comments, order and layout of the watch-list \
            files are kept. Every edit is checked as `feedwatch check` would before it is written, \
            and the running daemon is then told to reload.

            Example:
              feedwatch watch add "Rand Paul" --type person --alias "Senator Paul"
              feedwatch watch test "Rand Paul" https://example.org/world/rss.xml
            """,
        subcommands: [WatchListCommand.self, WatchAddCommand.self, WatchRemoveCommand.self, WatchTestCommand.self],
        defaultSubcommand: WatchListCommand.self
    )
}

struct WatchListCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "List every watch: name, type, aliases (terms for topics) and the file and line defining it.",
        discussion: """
            Example:
              feedwatch watch list
              feedwatch watch list --json | jq -r 'select(.type == "person") | .name'
            """
    )

    @OptionGroup var options: ConfigOption

    @Flag(help: "Print one JSON object per watch.")
    var json = false

    func run() async throws {
        do {
            let config = try ConfigLoader().load(path: options.config)
            let lists = try WatchListLoader().load(directory: config.watchlists)
            for watch in lists.watches {
                if json {
                    print(Self.json(watch, directory: config.watchlists).serialized())
                } else {
                    let words = watch.kind == .topic && !watch.terms.isEmpty ? "terms: " + watch.terms.joined(separator: ", ")
                                                                             : watch.aliases.joined(separator: ", ")
                    print([watch.name, watch.kind.rawValue, words, watch.origin ?? ""].map { TerminalText.clean($0) }.joined(separator: "\t"))
                }
            }
            if !json, lists.watches.isEmpty { print("no watches in \(TerminalText.clean(config.watchlists))") }
        } catch {
            exitWith(error)
        }
    }

    static func json(_ watch: Watch, directory: String) -> JSONValue {
        var o = JSONObjectBuilder()
        o.add("name", watch.name)
        o.add("type", watch.kind.rawValue)
        o.add("aliases", .array(watch.aliases.map(JSONValue.string)))
        o.add("terms", .array(watch.terms.map(JSONValue.string)))
        o.add("context", .array(watch.context.map(JSONValue.string)))
        o.add("exclude", .array(watch.exclude.map(JSONValue.string)))
        o.add("fields", .array(watch.fields.map { .string($0.rawValue) }))
        o.add("severity", watch.severity.rawValue)
        if let origin = watch.origin, let colon = origin.lastIndex(of: ":") {
            o.add("file", (directory as NSString).appendingPathComponent(String(origin[..<colon])))
            if let line = Int(origin[origin.index(after: colon)...]) { o.add("line", line) }
        }
        return o.value
    }
}

/// `--type`: the watch-list types, with `org` (and both spellings of organisation) for organization.
enum WatchKindArgument: String, ExpressibleByArgument, CaseIterable {
    case person, org, place, topic

    init?(argument: String) {
        switch argument.lowercased() {
        case "person": self = .person
        case "org", "organization", "organisation": self = .org
        case "place": self = .place
        case "topic": self = .topic
        default: return nil
        }
    }

    var kind: Watch.Kind {
        switch self {
        case .person: return .person
        case .org: return .organization
        case .place: return .place
        case .topic: return .topic
        }
    }
}

/// Shell completion of watch names: reads the watch lists of the config on the command line
/// (or the default one) when the user presses TAB; nothing when they cannot be read.
enum WatchNameCompletion {
    static let kind = CompletionKind.custom { words, _, prefix in names(words: words, prefix: prefix) }

    static func names(words: [String], prefix: String) -> [String] {
        var path = ProcessEnvironment.defaultConfigPath
        for (i, word) in words.enumerated() {
            if (word == "--config" || word == "-c"), i + 1 < words.count { path = unquoted(words[i + 1]) }
            if word.hasPrefix("--config=") { path = unquoted(String(word.dropFirst(9))) }
        }
        guard let config = try? ConfigLoader().load(path: path),
              let lists = try? WatchListLoader().load(directory: config.watchlists) else { return [] }
        let typed = unquoted(prefix).lowercased()
        return lists.watches.map(\.name).filter { $0.lowercased().hasPrefix(typed) }
    }

    /// Shell words arrive verbatim: drop the quotes a user typed around them.
    private static func unquoted(_ word: String) -> String {
        word.filter { $0 != "\"" && $0 != "'" && $0 != "\\" }
    }
}

/// Prints a failed edit on stderr with its exit status: 2 refused, 1 could not write.
func exitWith(_ error: WatchListEditError) -> Never {
    exitWith(error.kind == .refused ? CommandFailure.config(error.message) : CommandFailure.runtime(error.message))
}
