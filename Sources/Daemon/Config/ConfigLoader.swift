import Foundation
import Yams

/// Reads and checks `feedwatch.yaml`. Relative paths (state, alert log, watch lists, and
/// `file:` feed URLs) are resolved against the config file's directory, so a config and its
/// files can move together.
public struct ConfigLoader: Sendable {
    public init() {}

    static let keys: Set<String> = ["state", "alert_log", "interval", "backfill", "watchlists", "feeds", "max_feed_bytes", "fetch_timeout", "user_agent", "forget_after", "adaptive", "max_connections", "max_connections_per_host", "max_buffered_bytes", "feeds_dir", "metrics"]

    /// Reads the config and the feed files of its `feeds_dir`.
    ///
    /// - Parameters:
    ///   - replacing: texts to read instead of the files at these paths (a file may not
    ///     exist yet): an edit is checked this way before it is installed.
    ///   - feedsDirectory: false skips the `feeds_dir` files, for commands that need only the
    ///     config's paths (`tail` must work while a feeds file is broken).
    public func load(path: String, replacing: [String: String] = [:], feedsDirectory: Bool = true) throws(ConfigErrors) -> Config {
        let text: String
        if let replacement = replacing[path] {
            text = replacement
        } else {
            do {
                text = try String(contentsOfFile: path, encoding: .utf8)
            } catch {
                throw ConfigErrors([ConfigError(file: path, message: "cannot read config: \(Self.reason(error))")])
            }
        }
        var config = try parse(text, path: path)
        if feedsDirectory { try addFeedsDirectory(to: &config, replacing: replacing) }
        return config
    }

    /// Parses the config file alone (its own `feeds:` list; `load` adds the `feeds_dir` files).
    public func parse(_ text: String, path: String) throws(ConfigErrors) -> Config {
        var reader = YAMLReader(file: path)
        let directory = (Self.resolve(path, in: "") as NSString).deletingLastPathComponent
        var config = Config(path: path, state: "/var/lib/feedwatch/state.sqlite", alertLog: "/var/log/feedwatch/alerts.jsonl",
                            watchlists: "/etc/feedwatch/watchlists.d", feeds: [])
        config.feedsDirectory = Self.resolve("feeds.d", in: directory)
        guard let root = reader.compose(text) else {
            if reader.errors.isEmpty { throw ConfigErrors([ConfigError(file: path, message: "the config is empty")]) }
            throw ConfigErrors(reader.errors)
        }
        for (key, _, value) in reader.mapping(root, "config", known: Self.keys) {
            switch key {
            case "state": if let s = reader.string(value, key) { config.state = Self.resolve(s, in: directory) }
            case "alert_log": if let s = reader.string(value, key) { config.alertLog = Self.resolve(s, in: directory) }
            case "watchlists": if let s = reader.string(value, key) { config.watchlists = Self.resolve(s, in: directory) }
            case "feeds_dir": if let s = reader.string(value, key) { config.feedsDirectory = Self.resolve(s, in: directory) }
            case "interval": if let d = reader.duration(value, key) { config.interval = d }
            case "backfill":
                if let window = Self.backfill(value, reader: &reader) { config.backfill = window }
            case "max_feed_bytes":
                if let s = reader.string(value, key), let n = Int(s), n > 0 { config.maxFeedBytes = n }
                else { reader.fail(value, "max_feed_bytes: expected a positive number of bytes") }
            case "max_buffered_bytes":
                if let s = reader.string(value, key), let n = Int(s), n > 0 { config.maxBufferedBytes = n }
                else { reader.fail(value, "max_buffered_bytes: expected a positive number of bytes") }
            case "fetch_timeout": if let seconds = Self.fetchTimeout(value, reader: &reader) { config.fetchTimeout = seconds }
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

    /// `fetch_timeout`, in the config or a feed's entry: a duration from 1s to 24h.
    static func fetchTimeout(_ value: Node, reader: inout YAMLReader) -> Int? {
        guard let seconds = reader.duration(value, "fetch_timeout") else { return nil }
        guard (1...86_400).contains(seconds) else {
            reader.fail(value, "fetch_timeout: expected from 1s to 24h")
            return nil
        }
        return seconds
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
    public static func checkURL(_ text: String, directory: String) -> String? {
        let lower = text.lowercased()
        if lower.hasPrefix("http://") || lower.hasPrefix("https://") {
            // Foundation's URL(string:) percent-encodes what it should refuse; libcurl refuses a
            // space or control character, so such a feed could never be fetched.
            guard !text.unicodeScalars.contains(where: { $0.value <= 0x20 || (0x7F...0x9F).contains($0.value) }) else { return nil }
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
        if ns.domain == NSCocoaErrorDomain, ns.code == NSFileReadNoPermissionError || ns.code == NSFileWriteNoPermissionError {
            return "permission denied"
        }
        if ns.domain == NSCocoaErrorDomain, ns.code == NSFileWriteVolumeReadOnlyError { return "read-only file system" }
        if ns.domain == NSCocoaErrorDomain, ns.code == NSFileWriteOutOfSpaceError { return "no space left on device" }
        return ns.localizedDescription
    }
}
