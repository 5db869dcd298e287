import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A `feedwatch run` child, for end-to-end tests of the daemon.
///
/// Killed (SIGKILL) and reaped when it goes out of scope, so a test that throws half-way leaves
/// no daemon behind holding the state lock and polling the next test's server.
public final class DaemonProcess: @unchecked Sendable {
    public let process: Process

    /// - Parameter log: where its standard error (the daemon's log) and output go; nil discards them.
    public init(config: String, environment: [String: String] = [:], log: FileHandle? = nil) throws {
        process = Process()
        process.executableURL = TestPaths.feedwatchBinary
        process.arguments = ["run", "--config", config]
        if !environment.isEmpty {
            process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        }
        process.standardOutput = log ?? FileHandle.nullDevice
        process.standardError = log ?? FileHandle.nullDevice
        try process.run()
    }

    public var processIdentifier: Int32 { process.processIdentifier }
    public var isRunning: Bool { process.isRunning }
    public var terminationStatus: Int32 { process.terminationStatus }
    public var terminationReason: Process.TerminationReason { process.terminationReason }

    /// Graceful stop (SIGTERM): the daemon stores its state and pending alerts, then exits.
    /// After `grace` seconds it is killed, so a daemon that ignores SIGTERM fails the test's
    /// expectations rather than hanging it; returns whether it stopped by itself.
    @discardableResult
    public func stop(grace: TimeInterval = 20) -> Bool {
        guard process.isRunning else { return true }
        process.terminate()
        let deadline = Date().addingTimeInterval(grace)
        while process.isRunning, Date() < deadline { usleep(20_000) }
        if process.isRunning { kill(); return false }
        process.waitUntilExit()
        return true
    }

    /// SIGKILL, as a crash or the OOM killer would: nothing is written on the way out.
    public func kill() {
        guard process.isRunning else { return }
        Glibc.kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
    }

    deinit { kill() }
}
