import Foundation
import Yams

/// Reads and checks `feedwatch.yaml`. Relative paths (state, alert log, watch lists, and
/// `file:` feed URLs) are resolved against the config file's directory, so a config and its
/// files can move together.
public struct ConfigLoader: Sendable {
    public init() {}

    static let keys: Set<String> = ["state", "alert_log", "interval", "backfill", "watchlists", "feeds", "max_feed_bytes", "user_agent", "forget_after", "adaptive", "max_connections", "max_connections_per_host", "metrics"]
    static let feedKeys: Set<String> = ["url", "interval", "title", "backfill"]

    public func load(path: String) throws(ConfigErrors) -> Config {
        let text: String
        do {
            text = try String(contentsOfFile: path, encoding: .utf8)
        } catch {
            throw ConfigErrors([ConfigError(file: path, message: "cannot read config: \(Self.reason(error))")])
        }
        return try parse(text, path: path)
    }

    public func parse(_ text: String, path: String) throws(ConfigErrors) -> Config {
        var reader = YAMLReader(file: path)
        let directory = (Self.resolve(path, in: "") as NSString).deletingLastPathComponent
        var config = Config(path: path, state: "/var/lib/feedwatch/state.sqlite", alertLog: "/var/log/feedwatch/alerts.jsonl",
                            watchlists: "/etc/feedwatch/watchlists.d", feeds: [])
        guard let root = reader.compose(text) else {
            if reader.errors.isEmpty { throw ConfigErrors([ConfigError(file: path, message: "the config is empty")]) }
            throw ConfigErrors(reader.errors)
        }
        for (key, _, value) in reader.mapping(root, "config", known: Self.keys) {
            switch key {
            case "state": if let s = reader.string(value, key) { config.state = Self.resolve(s, in: directory) }
            case "alert_log": if let s = reader.string(value, key) { config.alertLog = Self.resolve(s, in: directory) }
            case "watchlists": if let s = reader.string(value, key) { config.watchlists = Self.resolve(s, in: directory) }
            case "interval": if let d = reader.duration(value, key) { config.interval = d }
            case "backfill":
                if let window = Self.backfill(value, reader: &reader) { config.backfill = window }
            case "max_feed_bytes":
                if let s = reader.string(value, key), let n = Int(s), n > 0 { config.maxFeedBytes = n }
                else { reader.fail(value, "max_feed_bytes: expected a positive number of bytes") }
            case "user_agent": config.userAgent = reader.string(value, key)
            case "forget_after": if let d = reader.duration(value, key) { config.forgetAfter = d }
            case "adaptive": config.adaptive = adaptive(value, reader: &reader)
            case "max_connections", "max_connections_per_host":
                guard let text = reader.string(value, key), let n = Int(text), (1...10_000).contains(n) else {
                    reader.fail(value, "\(key): expected a number from 1 to 10000")
                    continue
                }
                if key == "max_connections" { config.maxConnections = n } else { config.maxConnectionsPerHost = n }
            case "feeds": config.feeds = feeds(value, directory: directory, reader: &reader)
            case "metrics": config.metrics = metrics(value, directory: directory, reader: &reader)
            default: break
            }
        }
        if !reader.errors.isEmpty { throw ConfigErrors(reader.errors) }
        return config
    }

    private func feeds(_ node: Node, directory: String, reader: inout YAMLReader) -> [FeedConfig] {
        guard let sequence = node.sequence else {
            reader.fail(node, "feeds: expected a list of feeds (each '- url: …')")
            return []
        }
        var out: [FeedConfig] = []
        var seen = Set<String>()
        for item in sequence {
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
                    default: break
                    }
                }
            }
            guard !feed.url.isEmpty else { reader.fail(item, "feed: 'url' is missing"); continue }
            guard let url = Self.checkURL(feed.url, directory: directory) else {
                reader.fail(item, "feed: '\(feed.url)' is not an http, https or file URL")
                continue
            }
            feed.url = url
            guard seen.insert(url).inserted else { reader.fail(item, "feed: \(url) is listed twice"); continue }
            out.append(feed)
        }
        return out
    }

    /// `metrics: {path: FILE.prom, interval: 15s}`; the path is required, the interval optional.
    private func metrics(_ value: Node, directory: String, reader: inout YAMLReader) -> MetricsConfig? {
        var path: String?
        var interval = MetricsConfig.defaultInterval
        for (key, _, item) in reader.mapping(value, "metrics", known: ["path", "interval"]) {
            switch key {
            case "path": path = reader.string(item, "metrics.path").map { Self.resolve($0, in: directory) }
            case "interval":
                guard let seconds = reader.duration(item, "metrics.interval") else { continue }
                guard seconds >= 1 else { reader.fail(item, "metrics.interval: expected at least 1s"); continue }
                interval = seconds
            default: break
            }
        }
        guard let path, !path.isEmpty else {
            reader.fail(value, "metrics: 'path' is missing (the .prom file node_exporter's textfile collector reads)")
            return nil
        }
        return MetricsConfig(path: path, interval: interval)
    }

    private func adaptive(_ value: Node, reader: inout YAMLReader) -> AdaptiveInterval? {
        if let flag = value.scalar?.string.lowercased() {
            switch flag {
            case "true", "yes", "on": return AdaptiveInterval()
            case "false", "no", "off": return nil
            default:
                reader.fail(value, "adaptive: expected true, false, or a mapping with min and max")
                return nil
            }
        }
        var bounds = AdaptiveInterval()
        for (key, _, item) in reader.mapping(value, "adaptive", known: ["min", "max"]) {
            if let seconds = reader.duration(item, "adaptive.\(key)") {
                if key == "min" { bounds.minimum = seconds } else { bounds.maximum = seconds }
            }
        }
        if bounds.minimum > bounds.maximum { reader.fail(value, "adaptive: min is larger than max") }
        return bounds
    }

    /// `all` (every entry of a first fetch alerts: `.some(nil)`), `none` or `0`, or a duration;
    /// nil when the value is invalid (the error is recorded).
    static func backfill(_ value: Node, reader: inout YAMLReader) -> Int?? {
        switch value.scalar?.string.lowercased() {
        case "all": return .some(nil)
        case "0", "none": return .some(0)
        default: return reader.duration(value, "backfill").map { .some($0) }
        }
    }

    /// Accepts http(s) URLs with a host, and `file:` URLs (absolute, or relative to the config).
    static func checkURL(_ text: String, directory: String) -> String? {
        let lower = text.lowercased()
        if lower.hasPrefix("http://") || lower.hasPrefix("https://") {
            guard let url = URL(string: text), let host = url.host, !host.isEmpty else { return nil }
            return text
        }
        if lower.hasPrefix("file:") {
            var path = String(text.dropFirst(5))
            if path.hasPrefix("//") { path = String(path.dropFirst(2)) }
            guard !path.isEmpty else { return nil }
            let absolute = resolve(path.removingPercentEncoding ?? path, in: directory)
            return URL(fileURLWithPath: absolute).absoluteString
        }
        return nil
    }

    static func resolve(_ path: String, in directory: String) -> String {
        if path.hasPrefix("/") { return path }
        if path.hasPrefix("~/"), let home = ProcessInfo.processInfo.environment["HOME"] {
            return (home as NSString).appendingPathComponent(String(path.dropFirst(2)))
        }
        let base = directory.isEmpty ? FileManager.default.currentDirectoryPath : directory
        let joined = (base as NSString).appendingPathComponent(path)
        return (joined as NSString).standardizingPath
    }

    static func reason(_ error: any Error) -> String {
        let ns = error as NSError
        if let underlying = ns.userInfo[NSUnderlyingErrorKey] as? NSError, underlying.domain == NSPOSIXErrorDomain {
            return String(cString: strerror(Int32(underlying.code)))
        }
        if ns.domain == NSCocoaErrorDomain, ns.code == NSFileReadNoSuchFileError { return "no such file" }
        if ns.domain == NSCocoaErrorDomain, ns.code == NSFileReadNoPermissionError { return "permission denied" }
        return ns.localizedDescription
    }
}
