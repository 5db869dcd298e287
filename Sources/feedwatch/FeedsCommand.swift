import ArgumentParser
import Daemon
import Foundation
import Store

struct FeedsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "feeds",
        abstract: "List the configured feeds.",
        subcommands: [List.self],
        defaultSubcommand: List.self
    )

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List configured feeds with their interval.")

        @OptionGroup var options: ConfigOption

        func run() async throws {
            do {
                let config = try ConfigLoader().load(path: options.config)
                for feed in config.feeds {
                    let interval = Duration.format(seconds: feed.interval ?? config.interval)
                    print("\(TerminalText.clean(feed.url))\tevery \(interval)\(feed.title.map { "\t" + TerminalText.clean($0) } ?? "")")
                }
            } catch {
                exitWith(error)
            }
        }
    }
}

struct StatusCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status",
        abstract: "Show each feed's health: last success, last error, entries seen."
    )

    @OptionGroup var options: ConfigOption

    func run() async throws {
        do {
            let config = try ConfigLoader().load(path: options.config)
            guard FileManager.default.fileExists(atPath: config.state) else {
                print("no state yet: \(TerminalText.clean(config.state)) does not exist (has `feedwatch run` been started?)")
                return
            }
            let store = try StateStore(path: config.state)
            let known = Dictionary(uniqueKeysWithValues: try store.feeds().map { ($0.url, $0) })
            let pending = try store.pendingAlerts().count
            for feed in config.feeds {
                guard let state = known[feed.url] else { print("\(TerminalText.clean(feed.url))\tnever polled"); continue }
                var line = "\(TerminalText.clean(feed.url))\t\(state.entriesSeen) entries seen"
                if let ok = state.lastSuccess { line += "\tlast ok \(ok.rfc3339)" }
                if let error = state.lastError { line += "\tfailing (\(state.errorCount)x): \(TerminalText.clean(error))" }
                print(line)
            }
            if pending > 0 { print("\(pending) alerts wait in the outbox (the alert log was not writable)") }
        } catch {
            exitWith(error)
        }
    }
}
