import ArgumentParser
import Daemon
import FeedModel
import FeedParsing
import Foundation
import Store

struct TailCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tail",
        abstract: "Read or follow the alert log.",
        discussion: """
            Example:
              feedwatch tail -n 20
              feedwatch tail -f --watch "Vladimir Putin" --severity high
              feedwatch tail --since 2h --json
            """
    )

    @OptionGroup var options: ConfigOption

    @Option(name: .long, help: "Read this alert log instead of the config's.")
    var log: String?

    @Flag(name: .shortAndLong, help: "Keep printing alerts as they are appended (follows log rotation).")
    var follow = false

    @Option(name: .short, help: "Print the last N alerts.")
    var n: Int = 10

    @Option(help: "Only alerts of this watch or rule (case-insensitive).")
    var watch: String?

    @Option(help: "Only alerts of this type: person, organization, place, topic or rule.")
    var type: String?

    @Option(help: "Only alerts from feeds whose URL or title contains this (case-insensitive).")
    var feed: String?

    @Option(help: "Only alerts of this severity or higher: low, normal, high, critical.")
    var severity: String?

    @Option(help: "Only alerts newer than this (e.g. 30m, 2h, 1d).")
    var since: String?

    @Flag(help: "Print the raw JSON lines.")
    var json = false

    func validate() throws {
        if n < 0 { throw ValidationError("-n must be 0 or more") }
        if let since, Duration.parseSeconds(since) == nil { throw ValidationError("--since: '\(since)' is not a duration (e.g. 30m, 2h, 1d)") }
        if let severity, AlertFilter.severities.firstIndex(of: severity.lowercased()) == nil {
            throw ValidationError("--severity: '\(severity)' is not one of \(AlertFilter.severities.joined(separator: ", "))")
        }
        if let type, !["person", "organization", "organisation", "place", "topic", "rule"].contains(type.lowercased()) {
            throw ValidationError("--type: '\(type)' is not one of person, organization, place, topic, rule")
        }
    }

    func run() async throws {
        let path: String
        if let log {
            path = log
        } else {
            do { path = try ConfigLoader().load(path: options.config, feedsDirectory: false).alertLog } catch { exitWith(error) }
        }
        let filter = AlertFilter(watch: watch, type: type.map { $0.lowercased() == "organisation" ? "organization" : $0.lowercased() },
                                 feed: feed, minimumSeverity: severity?.lowercased(), sinceSeconds: since.flatMap(Duration.parseSeconds))
        let formatter = AlertFormatter(color: ProcessEnvironment.useColor)
        let reader = AlertLogReader(path: path)
        if !FileManager.default.fileExists(atPath: path), !follow {
            FileHandle.standardError.write(Data("feedwatch: no alerts yet (\(TerminalText.clean(path)) does not exist)\n".utf8))
            return
        }
        // Filters apply before -n, so `--watch X -n 5` shows X's last five alerts.
        let lines = filter.isEmpty ? reader.lastLines(n) : Array(reader.lastLines(nil).filter(filter.accepts).suffix(n))
        var first = true
        for line in lines where filter.accepts(line) {
            emit(line, formatter: formatter, first: &first)
        }
        guard follow else { return }
        var follower = LogFollower(path: path)
        while !Task.isCancelled {
            for line in follower.newLines() where filter.accepts(line) { emit(line, formatter: formatter, first: &first) }
            try? await Task.sleep(nanoseconds: 300_000_000)
        }
    }

    private func emit(_ line: String, formatter: AlertFormatter, first: inout Bool) {
        if json {
            print(line)
        } else if let object = AlertFormatter.parse(line) {
            if !first { print("") }
            print(formatter.format(object))
        } else {
            print("(unreadable log line: \(TerminalText.clean(String(line.prefix(80)))))")
        }
        first = false
        fflush(nil) // all output streams: stdout is not concurrency-safe to name in Swift 6
    }
}

/// `--watch`, `--type`, `--feed`, `--severity` and `--since` filters over raw log lines.
struct AlertFilter {
    var watch: String?
    var type: String?
    var feed: String?
    var minimumSeverity: String?
    var sinceSeconds: Int?

    static let severities = ["low", "normal", "high", "critical"]

    var isEmpty: Bool { watch == nil && type == nil && feed == nil && minimumSeverity == nil && sinceSeconds == nil }

    func accepts(_ line: String) -> Bool {
        if isEmpty { return true }
        guard let object = AlertFormatter.parse(line) else { return false }
        if let watch {
            let name = (object["watch"] as? String) ?? (object["rule"] as? String) ?? ""
            if name.caseInsensitiveCompare(watch) != .orderedSame { return false }
        }
        if let type, (object["type"] as? String)?.lowercased() != type { return false }
        if let feed {
            let source = object["feed"] as? [String: Any] ?? [:]
            let haystack = ((source["url"] as? String) ?? "") + "\n" + ((source["title"] as? String) ?? "")
            if haystack.range(of: feed, options: .caseInsensitive) == nil { return false }
        }
        if let minimumSeverity, let minimum = Self.severities.firstIndex(of: minimumSeverity) {
            let level = Self.severities.firstIndex(of: (object["severity"] as? String) ?? "normal") ?? 1
            if level < minimum { return false }
        }
        if let sinceSeconds {
            guard let time = object["time"] as? String, let stamp = DateParser.parse(time) else { return false }
            if stamp.secondsSince1970 < Timestamp.now.secondsSince1970 - Int64(sinceSeconds) { return false }
        }
        return true
    }
}
