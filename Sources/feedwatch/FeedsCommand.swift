import ArgumentParser
import Daemon
import Foundation
import FeedModel
import Store

struct FeedsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "feeds",
        abstract: "List, add, remove, import and export feeds.",
        discussion: """
            New feeds are written to files feedwatch owns in the feeds directory (feeds_dir, by \
            default feeds.d beside the config), never into your hand-edited config; after each \
            change the running daemon is told to reload. See docs/feeds.md.

            Examples:
              feedwatch feeds list
              feedwatch feeds add https://example.org/ --interval 10m --tag world
              feedwatch feeds remove 3
              feedwatch feeds import-opml subscriptions.opml
              feedwatch feeds export-opml > feeds.opml
            """,
        subcommands: [FeedsList.self, FeedsAdd.self, FeedsRemove.self, FeedsImportOPML.self, FeedsExportOPML.self],
        defaultSubcommand: FeedsList.self
    )
}
