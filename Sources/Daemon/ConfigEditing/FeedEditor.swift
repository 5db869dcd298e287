import Foundation

/// Adds and removes feeds for `feedwatch feeds add|remove|import-opml`.
///
/// New feeds go to files feedwatch owns in `feeds_dir` (`added.yaml`, `opml-NAME.yaml`), so the
/// hand-edited config is never rewritten. Removing a feed deletes exactly its item's lines
/// from whichever file lists it (`YAMLItemRemoval`), keeping every comment. Each edit is
/// checked by loading the whole config with the new text before the file is replaced
/// (`AtomicFileWriter`): an edit that would not load is never installed.
public struct FeedEditor: Sendable {
    public let configPath: String

    public init(configPath: String) {
        self.configPath = configPath
    }

    /// What an addition did.
    public struct Added: Sendable {
        /// The config as loaded after the edit.
        public var config: Config
        /// The file written (nil when nothing was new).
        public var file: String?
        public var added: [FeedConfig]
        /// Feeds skipped because they were configured already or repeated in the input, each with where it was first seen.
        public var duplicates: [(feed: FeedConfig, firstAt: String)]
    }

    /// The first lines of a file feedwatch writes.
    public static func header(for command: String) -> String {
        """
        # Written by `feedwatch \(command)`. feedwatch owns this file: it appends feeds here and
        # `feedwatch feeds remove` deletes them. Hand edits are kept, but a file of your own in this
        # directory is the place for feeds you maintain by hand (docs/feeds.md).
        feeds:

        """
    }

    /// Appends `feeds` to `feeds_dir/fileName` (created with a header when new), skipping any
    /// already configured or repeated.
    public func add(_ feeds: [FeedConfig], toFile fileName: String, command: String = "feeds add") throws -> Added {
        let directory = try ConfigLoader().load(path: configPath, feedsDirectory: false).feedsDirectory
        return try EditLock.withLock(directory: directory) { try addLocked(feeds, toFile: fileName, command: command) }
    }

    private func addLocked(_ feeds: [FeedConfig], toFile fileName: String, command: String) throws -> Added {
        let config = try ConfigLoader().load(path: configPath)
        // Keyed by identity, not spelling: `HTTPS://Example.org/feed/` is the feed already listed.
        var firstSeen = Dictionary(config.feeds.map { (FeedURLIdentity.key($0.url), $0.location) }, uniquingKeysWith: { a, _ in a })
        let directory = (configPath as NSString).deletingLastPathComponent
        var fresh: [FeedConfig] = []
        var duplicates: [(FeedConfig, String)] = []
        for var feed in feeds {
            guard let url = ConfigLoader.checkURL(feed.url, directory: directory) else {
                throw ConfigErrors([ConfigError(file: feed.source ?? configPath, line: feed.line, message: "'\(feed.url)' is not an http, https or file URL")])
            }
            feed.url = url
            let identity = FeedURLIdentity.key(url)
            if let first = firstSeen[identity] { duplicates.append((feed, first)); continue }
            firstSeen[identity] = feed.source.map { "\($0)\(feed.line.map { ":\($0)" } ?? "")" } ?? "the same input"
            fresh.append(feed)
        }
        guard !fresh.isEmpty else { return Added(config: config, file: nil, added: [], duplicates: duplicates) }
        let path = (config.feedsDirectory as NSString).appendingPathComponent(fileName)
        var text: String
        if FileManager.default.fileExists(atPath: path) {
            text = try Self.read(path)
            if !text.isEmpty, !text.hasSuffix("\n") { text += "\n" }
            if !YAMLLines(text).lines.contains(where: { $0.hasPrefix("feeds:") }) { text += "feeds:\n" }
        } else {
            text = Self.header(for: command)
        }
        text += fresh.map(FeedYAML.item).joined()
        // A new file is as readable as the config itself: the daemon (a systemd DynamicUser)
        // must read it, and a config kept private keeps its feeds (and their headers) private too.
        var mode = ((try? FileManager.default.attributesOfItem(atPath: configPath)[.posixPermissions]) as? Int).map { mode_t($0 & 0o666) } ?? 0o644
        // Credentials never land in a world-readable file, whatever the config's mode.
        if fresh.contains(where: { !$0.headers.isEmpty }) { mode &= 0o640 }
        let updated = try install(text, at: path, mode: mode) { new in
            let expected = config.feeds.map(\.url) + fresh.map(\.url)
            // The new file may sort before other feeds.d files: compare as sets, and check every new feed is there.
            guard Set(new.feeds.map(\.url)) == Set(expected), new.feeds.count == expected.count else {
                return "the edited configuration lists different feeds than expected"
            }
            return nil
        }
        if fresh.contains(where: { !$0.headers.isEmpty }),
           let existing = (try? FileManager.default.attributesOfItem(atPath: path)[.posixPermissions]) as? Int,
           existing & 0o007 != 0 {
            // An older file of ours that others could read: not once it holds a credential.
            chmod(path, mode_t(existing) & 0o770)
        }
        let freshURLs = Set(fresh.map(\.url))
        let added = updated.feeds.filter { freshURLs.contains($0.url) }
        return Added(config: updated, file: path, added: added, duplicates: duplicates)
    }

    /// Removes one feed from the file that lists it; returns the config after the edit.
    public func remove(_ feed: FeedConfig) throws -> Config {
        let directory = try ConfigLoader().load(path: configPath, feedsDirectory: false).feedsDirectory
        return try EditLock.withLock(directory: directory) { try removeLocked(feed) }
    }

    private func removeLocked(_ feed: FeedConfig) throws -> Config {
        let config = try ConfigLoader().load(path: configPath)
        guard let listed = config.feeds.first(where: { $0.url == feed.url }), let source = listed.source, let line = listed.line else {
            throw ConfigErrors([ConfigError(file: configPath, message: "\(feed.url) is not configured")])
        }
        let text = try Self.read(source)
        let edited: String
        do {
            edited = try YAMLItemRemoval.removeItem(at: line, from: text)
        } catch {
            throw ConfigErrors([ConfigError(file: source, line: line, message: "cannot remove \(feed.url): \(error.message)")])
        }
        return try install(edited, at: source) { new in
            let expected = config.feeds.map(\.url).filter { $0 != feed.url }
            return new.feeds.map(\.url) == expected ? nil
                : "removing the lines of \(feed.url) would change other feeds; edit \(source) by hand"
        }
    }

    private static func read(_ path: String) throws(FileEditError) -> String {
        do {
            return try String(contentsOfFile: path, encoding: .utf8)
        } catch {
            throw FileEditError(file: path, message: "cannot read: \(ConfigLoader.reason(error))")
        }
    }

    /// Writes `text` to `path` atomically after loading the whole config with it; `check`
    /// returns a reason to refuse the result.
    private func install(_ text: String, at path: String, mode: mode_t = 0o644, check: (Config) -> String?) throws -> Config {
        var loaded: Config?
        // A root `feeds remove` on a file the daemon's user owns must not hand it to root.
        try AtomicFileWriter.write(text, to: path, mode: mode, options: [.keepOwner]) { temporary in
            let written = try String(contentsOfFile: temporary, encoding: .utf8)
            let config: Config
            do {
                config = try ConfigLoader().load(path: configPath, replacing: [path: written])
            } catch let error as ConfigErrors {
                throw ConfigErrors([ConfigError(file: path, message: "the edit was not saved: it would make the configuration invalid:")] + error.errors)
            }
            if let problem = check(config) { throw ConfigErrors([ConfigError(file: path, message: "the edit was not saved: \(problem)")]) }
            loaded = config
        }
        return loaded!
    }
}
