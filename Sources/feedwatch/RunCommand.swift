import ArgumentParser
import Daemon

struct RunCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Run the daemon in the foreground (systemd starts it this way).",
        discussion: """
            With --once, poll every feed once, write the alerts, print a summary and exit. \
            SIGHUP (`systemctl reload feedwatch`) reloads the config and watch lists.

            Example:
              feedwatch run --once --config config/demo.yaml
              feedwatch run --log-level debug
            """
    )

    @OptionGroup var options: ConfigOption

    @Flag(help: "Poll every feed once, write alerts, and exit.")
    var once = false

    @Flag(name: .shortAndLong, help: "Log every poll, also unchanged feeds (same as --log-level debug).")
    var verbose = false

    @Option(help: "Least important messages to log: debug, info, notice, warning, error (default: info; warning with --once).")
    var logLevel: String?

    func validate() throws {
        if let logLevel, Log.Level(name: logLevel) == nil {
            throw ValidationError("--log-level: '\(logLevel)' is not one of debug, info, notice, warning, error")
        }
    }

    func run() async throws {
        let level = logLevel.flatMap(Log.Level.init(name:)) ?? (verbose ? .debug : (once ? .warning : .info))
        let log = Log(minimum: level)
        let daemon = FeedwatchDaemon(configPath: options.config, log: log)
        do {
            if once {
                let (results, written, logError) = try await daemon.runOnce()
                print(OnceSummary(results: results, written: written).text)
                if logError != nil { throw ExitCode(1) }
            } else {
                try await daemon.run()
            }
        } catch let code as ExitCode {
            throw code
        } catch {
            exitWith(error)
        }
    }
}

/// The one-paragraph report of `run --once`.
struct OnceSummary {
    let results: [PollResult]
    let written: Int

    var text: String {
        var updated = 0, unchanged = 0, failed = 0, cancelled = 0, newEntries = 0
        for r in results {
            switch r.status {
            case let .updated(_, new): updated += 1; newEntries += new
            case .notModified: unchanged += 1
            case .failed, .disabled: failed += 1
            case .cancelled: cancelled += 1
            }
        }
        var line = "polled \(results.count) feeds: \(updated) fetched, \(unchanged) unchanged, \(failed) failed"
            + (cancelled > 0 ? ", \(cancelled) cancelled; " : "; ")
        line += "\(newEntries) new entries; \(written) new alerts written"
        for r in results {
            if case let .failed(message) = r.status { line += "\n  failed: \(TerminalText.clean(r.feedURL)): \(TerminalText.clean(message))" }
            if case let .disabled(reason) = r.status { line += "\n  not polled: \(TerminalText.clean(r.feedURL)): \(TerminalText.clean(reason))" }
        }
        return line
    }
}
