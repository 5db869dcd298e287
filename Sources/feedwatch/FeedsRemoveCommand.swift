import ArgumentParser
import Daemon

struct FeedsRemove: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "remove",
        abstract: "Remove a feed by its URL or its number in `feeds list`.",
        discussion: """
            The feed's lines are deleted from the file that lists it — the config, or a \
            feeds_dir file — and every other line, comments included, is kept as it was. The \
            edited file is checked before it replaces the old one. The feed's state (seen \
            entries) stays in the state file until forget_after passes.

            Examples:
              feedwatch feeds remove https://example.org/world/rss.xml
              feedwatch feeds remove 3
            """
    )

    @Argument(help: "The feed's URL, or its number in `feedwatch feeds list`.")
    var feed: String

    @OptionGroup var options: ConfigOption
    @OptionGroup var reload: ReloadOption

    func run() async throws {
        do {
            let config = try ConfigLoader().load(path: options.config)
            guard let target = config.feed(matching: feed) else {
                let hint = Int(feed) != nil ? "there are \(config.feeds.count) feeds (see `feedwatch feeds list`)" : "see `feedwatch feeds list`"
                throw CommandFailure.config("no configured feed is \(feed): \(hint)")
            }
            let updated = try FeedEditor(configPath: options.config).remove(target)
            print("removed \(TerminalText.clean(URLCredentials.redacted(target.url))) from \(shown(target.location))")
            print(tellDaemonToReload(config: updated, enabled: !reload.noReload))
        } catch {
            exitWith(error)
        }
    }
}
