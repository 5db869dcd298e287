import ArgumentParser
import Daemon
import Foundation

/// `--no-reload`, shared by the commands that edit feeds.
extension Daemon.Config {
    /// The feed a user means by `ID` (its number in `feeds list`) or by its URL.
    func feed(matching argument: String) -> FeedConfig? {
        if let number = Int(argument), argument.allSatisfy(\.isNumber) {
            return number >= 1 && number <= feeds.count ? feeds[number - 1] : nil
        }
        if let exact = feeds.first(where: { $0.url == argument }) { return exact }
        // A file: URL as the config resolved it, or a URL differing only by a trailing slash.
        let directory = (path as NSString).deletingLastPathComponent
        if let resolved = ConfigLoader.checkURL(argument, directory: directory), let feed = feeds.first(where: { $0.url == resolved }) {
            return feed
        }
        let trimmed = argument.hasSuffix("/") ? String(argument.dropLast()) : argument + "/"
        return feeds.first { $0.url == trimmed }
    }
}

/// A file path for output: in full, cleaned of terminal escapes.
func shown(_ path: String) -> String { TerminalText.clean(path) }
