import ArgumentParser
import Daemon
import Foundation
import FeedModel
import Store

struct StatusCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status",
        abstract: "Show each feed's health: last fetch and result, HTTP status, entries seen, errors in a row, next poll.",
        discussion: """
            Reads the state database only: it works while the daemon runs, and changes nothing.

            Example:
              feedwatch status
              feedwatch status --json | jq 'select(.ok == false) | .url'
            """
    )

    @OptionGroup var options: ConfigOption

    @Flag(help: "Print one JSON object per feed.")
    var json = false

    func run() async throws {
        do {
            let config = try ConfigLoader().load(path: options.config)
            guard FileManager.default.fileExists(atPath: config.state) else {
                print("no state yet: \(TerminalText.clean(config.state)) does not exist (has `feedwatch run` been started?)")
                return
            }
            let store = try StateStore(path: config.state)
            let known = Dictionary(uniqueKeysWithValues: try store.feeds().map { ($0.url, $0) })
            let pending = try store.pendingCount()
            // The schedule the daemon restores on start: its host rests (from the configured, enabled
            // feeds only) and each feed's interval, with the reason for it.
            let schedule = Schedule(feeds: config.activeFeeds, defaultInterval: config.interval, now: .now,
                                    stored: try store.scheduleRecords(), adaptive: config.adaptive)
            for feed in config.feeds {
                var state = known[feed.url]
                // A feed whose host asked us to wait (429/503 on any of its feeds) is polled when the rest ends.
                if let rest = schedule.hostRestEnd(for: feed.url), let due = state?.nextDue, rest >= due {
                    state?.nextDue = rest
                    state?.hostRests = true
                } else {
                    state?.hostRests = false // a rest that is over, or never was
                }
                let interval = schedule.pollingInterval(for: feed.url, now: .now)
                if json {
                    var object = Self.json(feed.url, state, enabled: feed.enabled, interval: interval)
                    if !feed.enabled, case let .object(pairs) = object { object = .object(pairs + [("enabled", .bool(false))]) }
                    print(object.serialized())
                } else {
                    print(Self.line(feed.url, state, enabled: feed.enabled, interval: interval)
                          + (feed.enabled ? "" : "\tDISABLED in config (enabled: false)"))
                }
            }
            if pending > 0, !json { print("\(pending) alerts wait in the outbox (the alert log was not writable)") }
        } catch {
            exitWith(error)
        }
    }

    /// A feed disabled in the config shows no next poll: the stored due time is from before it
    /// was disabled, and the daemon will not poll it then.
    /// Passwords written in URLs are shown as `****` (URLCredentials), in errors that quote the URL too.
    static func line(_ url: String, _ state: FeedState?, enabled: Bool = true,
                     interval: (seconds: Int, reason: Schedule.IntervalReason)? = nil) -> String {
        let shown = URLCredentials.redacted(url)
        guard let state else { return "\(TerminalText.clean(shown))\tnever polled" }
        var parts = [TerminalText.clean(shown)]
        if let reason = state.disabled { parts.append("NOT POLLED: \(TerminalText.clean(URLCredentials.redacted(reason, quoting: url)))") }
        if state.errorCount > 0 {
            parts.append("FAILING (\(state.errorCount) in a row): \(TerminalText.clean(URLCredentials.redacted(state.lastError ?? "?", quoting: url)))")
        } else if state.lastSuccess != nil {
            parts.append("ok")
        }
        if let status = state.httpStatus { parts.append("HTTP \(status)") }
        if let fetched = state.lastFetched { parts.append("last fetch \(fetched.rfc3339)") }
        // A feed the daemon has scheduled but not yet fetched (added by a reload) has a row too.
        parts.append(Self.polled(state) ? "\(state.entriesSeen) entries seen" : "never polled")
        if let next = state.nextDue, state.disabled == nil, enabled {
            parts.append("next poll \(next.rfc3339)" + (state.hostRests ? " (the server asked us to wait)" : ""))
        }
        // A failing feed's next poll follows the backoff, not the interval shown after it.
        if Self.backingOff(state, enabled: enabled) {
            parts.append("backing off after \(state.errorCount) failure\(state.errorCount == 1 ? "" : "s")")
        }
        if let interval, state.disabled == nil, enabled {
            parts.append("every \(Duration.format(seconds: interval.seconds))"
                         + (interval.reason == .configured ? "" : " (\(interval.reason.description))"))
        }
        if let moved = state.movedTo { parts.append("moved to \(TerminalText.clean(URLCredentials.redacted(moved)))") }
        if let announced = state.announcedMove {
            parts.append("says it moved to \(TerminalText.clean(URLCredentials.redacted(announced))) (not followed: check it and update the config)")
        }
        return parts.joined(separator: "\t")
    }

    /// Failing, so its next poll follows the failure backoff (not its interval), unless the
    /// server's own wait is what holds it.
    static func backingOff(_ state: FeedState, enabled: Bool) -> Bool {
        state.errorCount > 0 && !state.hostRests && state.disabled == nil && enabled
    }

    /// Fetched at least once (or failed, or found gone): not just scheduled.
    static func polled(_ state: FeedState) -> Bool {
        state.lastFetched != nil || state.errorCount > 0 || state.disabled != nil
    }

    static func json(_ url: String, _ state: FeedState?, enabled: Bool = true,
                     interval: (seconds: Int, reason: Schedule.IntervalReason)? = nil) -> JSONValue {
        var o = JSONObjectBuilder()
        o.add("url", URLCredentials.redacted(url))
        guard let state else {
            o.add("polled", false)
            return o.value
        }
        o.add("polled", polled(state))
        o.add("ok", state.errorCount == 0 && state.disabled == nil && state.lastSuccess != nil)
        o.add("title", state.title)
        o.add("last_fetch", state.lastFetched?.rfc3339)
        o.add("last_success", state.lastSuccess?.rfc3339)
        if let status = state.httpStatus { o.add("http_status", status) }
        o.add("entries_seen", state.entriesSeen)
        o.add("consecutive_errors", state.errorCount)
        o.add("last_error", state.lastError.map { URLCredentials.redacted($0, quoting: url) })
        o.add("next_poll", state.disabled == nil && enabled ? state.nextDue?.rfc3339 : nil)
        if state.hostRests, state.disabled == nil, enabled { o.add("host_rests", true) }
        // The next poll follows the failure backoff, not `interval_seconds`.
        if backingOff(state, enabled: enabled) { o.add("backing_off", true) }
        if let interval, state.disabled == nil, enabled {
            o.add("interval_seconds", interval.seconds)
            o.add("interval_reason", interval.reason.rawValue)
        }
        o.add("moved_to", state.movedTo.map(URLCredentials.redacted))
        o.add("announced_move", state.announcedMove.map(URLCredentials.redacted))
        o.add("disabled", state.disabled.map { URLCredentials.redacted($0, quoting: url) })
        return o.value
    }
}
