import ServiceLifecycle
import UnixSignals

/// Turns SIGHUP into a reload request for the poll loop.
///
/// The signal sequence is created (its handler registered) before the group starts and before
/// systemd hears READY=1, so an early `systemctl reload` can never kill the daemon with
/// SIGHUP's default action (DESIGN.md, known pitfalls).
struct ReloadSignalService: Service {
    let hangups: UnixSignalsSequence
    let requests: ReloadRequests

    static func trapping(into requests: ReloadRequests) async -> ReloadSignalService {
        ReloadSignalService(hangups: await UnixSignalsSequence(trapping: .sighup), requests: requests)
    }

    func run() async throws {
        for await _ in hangups.cancelOnGracefulShutdown() {
            requests.request()
        }
    }
}
