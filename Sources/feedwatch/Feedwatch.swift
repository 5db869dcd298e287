import ArgumentParser
import Fetching

@main
struct Feedwatch: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "feedwatch",
        abstract: "Watch news feeds for people, organisations, places and topics.",
        discussion: """
            feedwatch polls RSS and Atom feeds, finds the names and topics of your watch lists in \
            every new entry, and appends an alert line to a JSON Lines log.

            Exit status: 0 ok, 1 runtime failure, 2 usage or configuration error.

            Example:
              feedwatch check
              feedwatch watch add "Vladimir Putin" --type person --alias Putin
              feedwatch tail -f
            """,
        version: FeedwatchVersion.string,
        subcommands: [RunCommand.self, CheckCommand.self, ParseCommand.self, EntitiesCommand.self,
                      ScanCommand.self, TailCommand.self, FeedsCommand.self, StatusCommand.self,
                      WatchCommand.self]
    )
}

/// Options shared by the commands that read the config.
struct ConfigOption: ParsableArguments {
    @Option(name: .shortAndLong, help: "The config file.")
    var config: String = ProcessEnvironment.defaultConfigPath
}
