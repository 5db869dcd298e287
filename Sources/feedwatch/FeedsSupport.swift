import ArgumentParser
import Daemon
import Fetching
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
        // Another spelling of the same address (case of scheme and host, default port, trailing slash).
        let key = FeedURLIdentity.key(argument)
        return feeds.first { FeedURLIdentity.key($0.url) == key }
    }

    /// The configured headers of the feed at `address` (any spelling of its URL), for
    /// `watch test` and `scan` fetching a feed that needs its API key; none for other input.
    func headers(forAddress address: String) -> [HTTPHeader] {
        feed(forAddress: address)?.headers ?? []
    }

    /// The configured feed this http(s) address names, under any spelling of its URL.
    func feed(forAddress address: String) -> FeedConfig? {
        let lower = address.lowercased()
        guard lower.hasPrefix("http://") || lower.hasPrefix("https://") else { return nil }
        let key = FeedURLIdentity.key(address)
        return feeds.first { FeedURLIdentity.key($0.url) == key }
    }
}

/// A file path for output: in full, cleaned of terminal escapes.
func shown(_ path: String) -> String { TerminalText.clean(path) }
