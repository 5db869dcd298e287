import ArgumentParser
import Daemon
import Foundation

struct CheckCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Validate the config and watch lists; errors name file, line and column.",
        discussion: """
            Every problem is reported at once, as FILE:LINE:COLUMN: MESSAGE (exit 2).

            Example:
              feedwatch check --config /etc/feedwatch/feedwatch.yaml
            """
    )

    @OptionGroup var options: ConfigOption

    func run() async throws {
        do {
            let config = try ConfigLoader().load(path: options.config)
            let lists = try WatchListLoader().load(directory: config.watchlists)
            let unknown = WatchListScope.problems(config.feeds, available: WatchListScope.names(lists))
            if !unknown.isEmpty { throw ConfigErrors(unknown) }
            for warning in config.politenessWarnings { FileHandle.standardError.write(Data("warning: \(TerminalText.clean(warning))\n".utf8)) }
            print("\(TerminalText.clean(options.config)): ok: \(config.feeds.count) feeds, \(lists.watches.count) watches and \(lists.rules.count) rules in \(lists.files.count) watch-list files")
        } catch {
            exitWith(error)
        }
    }
}
