import Fetching
import Foundation
import Watching
import Yams

/// The `feeds:` list and its per-feed options, shared by the config and the `feeds_dir` files.
extension ConfigLoader {
    static let feedKeys: Set<String> = ["url", "interval", "title", "backfill", "tags", "enabled", "watchlists", "headers", "fields", "fetch_timeout"]

    func feeds(_ node: Node, directory: String, reader: inout YAMLReader) -> [FeedConfig] {
        // `feeds:` with nothing after it (every feed removed) is an empty list.
        if let scalar = node.scalar, ["", "~", "null"].contains(scalar.string) { return [] }
        guard let sequence = node.sequence else {
            reader.fail(node, "feeds: expected a list of feeds (each '- url: …')")
            return []
        }
        var out: [FeedConfig] = []
        var seen: [String: Int] = [:]
        for item in sequence {
            guard var feed = feed(item, directory: directory, reader: &reader) else { continue }
            // Another spelling of the same address (FeedURLIdentity) would poll it twice and
            // raise every alert twice.
            if let first = seen[FeedURLIdentity.key(feed.url)] {
                reader.fail(item, "feed: \(feed.url) is listed twice (first at line \(first))")
                continue
            }
            seen[FeedURLIdentity.key(feed.url)] = item.mark?.line ?? 0
            feed.source = reader.file
            out.append(feed)
        }
        return out
    }

    private func feed(_ item: Node, directory: String, reader: inout YAMLReader) -> FeedConfig? {
        var feed = FeedConfig(url: "", line: item.mark?.line)
        if let scalar = item.scalar {
            feed.url = scalar.string.trimmedWhitespace
        } else {
            for (key, _, value) in reader.mapping(item, "feed", known: Self.feedKeys) {
                switch key {
                case "url": feed.url = reader.string(value, "url") ?? ""
                case "interval": feed.interval = reader.duration(value, "interval")
                case "title": feed.title = reader.string(value, "title")
                case "backfill": feed.backfill = Self.backfill(value, reader: &reader)
                case "tags": feed.tags = reader.stringList(value, "tags")
                case "enabled":
                    switch value.scalar?.string.lowercased() {
                    case "true", "yes", "on": feed.enabled = true
                    case "false", "no", "off": feed.enabled = false
                    default: reader.fail(value, "enabled: expected true or false")
                    }
                case "watchlists": feed.watchlists = reader.stringList(value, "watchlists")
                case "headers": feed.headers = headers(value, reader: &reader)
                case "fetch_timeout": feed.fetchTimeout = Self.fetchTimeout(value, reader: &reader)
                case "fields":
                    var fields: [Field] = []
                    for (i, name) in reader.stringList(value, "fields").enumerated() {
                        if let field = Field(rawValue: name.lowercased()) { fields.append(field) }
                        else { reader.fail(value.sequence?[i] ?? value, "fields: '\(name)' is not one of title, summary, content") }
                    }
                    feed.fields = fields
                default: break
                }
            }
        }
        guard !feed.url.isEmpty else { reader.fail(item, "feed: 'url' is missing"); return nil }
        guard let url = Self.checkURL(feed.url, directory: directory) else {
            let lower = feed.url.lowercased()
            reader.fail(item, lower.hasPrefix("http://") || lower.hasPrefix("https://")
                ? "feed: '\(feed.url)' is not a valid URL (it needs a host; spaces and control characters must be percent-encoded)"
                : "feed: '\(feed.url)' is not an http, https or file URL")
            return nil
        }
        feed.url = url
        if feed.watchlists?.isEmpty == true {
            reader.fail(item, "watchlists: an empty list would apply no watch list; leave the key out to apply all, or set enabled: false")
        }
        if feed.fields?.isEmpty == true { reader.fail(item, "fields: an empty list would match nothing; leave the key out to read all fields") }
        return feed
    }

    /// `headers: {Authorization: "Bearer …"}`. Messages never quote a value: it may be a secret.
    private func headers(_ node: Node, reader: inout YAMLReader) -> [HTTPHeader] {
        guard let mapping = node.mapping else {
            reader.fail(node, "headers: expected a mapping of header names to values")
            return []
        }
        var out: [HTTPHeader] = []
        var seen = Set<String>()
        for (keyNode, value) in mapping {
            guard let name = keyNode.scalar?.string.trimmedWhitespace else { reader.fail(keyNode, "headers: names must be plain words"); continue }
            guard let text = value.scalar?.string else { reader.fail(value, "headers: the value of '\(name)' must be a string"); continue }
            let header = HTTPHeader(name: name, value: text.trimmedWhitespace)
            if let problem = header.problem { reader.fail(keyNode, "headers: \(problem)"); continue }
            if !seen.insert(name.lowercased()).inserted { reader.fail(keyNode, "headers: '\(name)' is given twice"); continue }
            out.append(header)
        }
        return out
    }

    /// A `feeds_dir` file: a mapping with one key, `feeds:`. Relative `file:` URLs resolve
    /// against the file's own directory. Returns what it could read and every problem found.
    public func parseFeedsFile(_ text: String, path: String) -> ([FeedConfig], [ConfigError]) {
        var reader = YAMLReader(file: path)
        let directory = (Self.resolve(path, in: "") as NSString).deletingLastPathComponent
        // An empty file (every feed removed, only the header comment left) lists nothing.
        if text.split(separator: "\n").allSatisfy({ $0.trimmingCharacters(in: .whitespaces).hasPrefix("#") || $0.trimmingCharacters(in: .whitespaces).isEmpty }) {
            return ([], [])
        }
        guard let root = reader.compose(text) else { return ([], reader.errors) }
        var out: [FeedConfig] = []
        for (key, _, value) in reader.mapping(root, "feeds file", known: ["feeds"]) where key == "feeds" {
            out = feeds(value, directory: directory, reader: &reader)
        }
        return (out, reader.errors)
    }

    /// The `*.yaml`/`*.yml` files of a feeds directory, in name order; hidden files (editors'
    /// and feedwatch's own temporary files) are skipped. A missing directory has none.
    public static func feedFiles(in directory: String) throws(ConfigErrors) -> [String] {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory) else { return [] }
        guard isDirectory.boolValue else { throw ConfigErrors([ConfigError(file: directory, message: "feeds_dir: not a directory")]) }
        do {
            return try FileManager.default.contentsOfDirectory(atPath: directory)
                .filter { ($0.hasSuffix(".yaml") || $0.hasSuffix(".yml")) && !$0.hasPrefix(".") }.sorted()
                .map { (directory as NSString).appendingPathComponent($0) }
        } catch {
            throw ConfigErrors([ConfigError(file: directory, message: "cannot read the feeds directory: \(reason(error))")])
        }
    }

    /// Appends the feeds of every `feeds_dir` file to the config's; a URL listed in two places
    /// is an error naming both.
    func addFeedsDirectory(to config: inout Config, replacing: [String: String]) throws(ConfigErrors) {
        var paths = try Self.feedFiles(in: config.feedsDirectory)
        for path in replacing.keys where (path as NSString).deletingLastPathComponent == config.feedsDirectory
            && !paths.contains(path) && path != config.path {
            paths.append(path)
        }
        paths.sort()
        var errors: [ConfigError] = []
        var files: [(String, String)] = []
        for path in paths {
            if let text = replacing[path] { files.append((path, text)); continue }
            do {
                files.append((path, try String(contentsOfFile: path, encoding: .utf8)))
            } catch {
                errors.append(ConfigError(file: path, message: "cannot read: \(Self.reason(error))"))
            }
        }
        config.feeds = try merge(config.feeds, files: files, errors: errors)
    }

    /// The config's feeds followed by each file's, checking for URLs listed twice across files.
    public func merge(_ feeds: [FeedConfig], files: [(path: String, text: String)], errors: [ConfigError] = []) throws(ConfigErrors) -> [FeedConfig] {
        var errors = errors
        var all = feeds
        var where_: [String: String] = Dictionary(feeds.map { (FeedURLIdentity.key($0.url), $0.location) }, uniquingKeysWith: { a, _ in a })
        for (path, text) in files {
            let (list, fileErrors) = parseFeedsFile(text, path: path)
            errors += fileErrors
            for feed in list {
                if let first = where_[FeedURLIdentity.key(feed.url)] {
                    errors.append(ConfigError(file: path, line: feed.line, message: "feed: \(feed.url) is listed twice (also at \(first)); remove one"))
                    continue
                }
                where_[FeedURLIdentity.key(feed.url)] = feed.location
                all.append(feed)
            }
        }
        if !errors.isEmpty { throw ConfigErrors(errors) }
        return all
    }
}
