#if canImport(Glibc)
import Glibc
#endif
import ArgumentParser
import Daemon
import Store

/// After `feeds add` or `watch add` changed a file, the running daemon should see it without
/// a restart: SIGHUP is its reload (invalid config → it keeps the old one and logs why).
///
/// The daemon is found through the state lock it holds (StateLock), not a PID file that a
/// killed daemon could leave behind. Returns the line to print.
func tellDaemonToReload(config: Config, enabled: Bool = true) -> String {
    guard enabled else { return "not reloading (--no-reload): changes apply at the daemon's next reload or start" }
    switch StateLock.holder(statePath: config.state) {
    case .none:
        return "no daemon running on \(config.state); changes apply at its next start"
    case .unadvertised:
        return "a one-off run (`run --once`) holds \(config.state); changes apply at the next run"
    case let .unknown(reason):
        return "cannot tell whether a daemon runs (\(reason)); run `systemctl reload feedwatch` to apply the change"
    case let .daemon(pid):
        if kill(pid, SIGHUP) == 0 { return "told the running daemon (pid \(pid)) to reload" }
        let reason = String(cString: strerror(errno))
        return "cannot signal the daemon (pid \(pid)): \(reason); run `systemctl reload feedwatch` to apply the change"
    }
}

/// `--no-reload`, shared by every command that edits config or watch lists.
struct ReloadOption: ParsableArguments {
    @Flag(name: .customLong("no-reload"), help: "Do not tell a running daemon to reload after the change.")
    var noReload = false
}
