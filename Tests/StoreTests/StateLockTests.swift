#if canImport(Glibc)
import Glibc
#endif
import Foundation
import Testing
@testable import Store

@Suite struct StateLockTests {
    private func temporaryStatePath() -> String {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("statelock-\(UUID().uuidString)").path
        try? FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        return dir + "/state.sqlite"
    }

    @Test func holderFollowsTheLockNotThePID() throws {
        let state = temporaryStatePath()
        #expect(StateLock.holder(statePath: state) == .none)
        do {
            let lock = try StateLock(statePath: state)
            #expect(StateLock.holder(statePath: state) == .unadvertised)
            lock.advertise()
            #expect(StateLock.holder(statePath: state) == .daemon(pid: getpid()))
            #expect(throws: StoreError.self) { _ = try StateLock(statePath: state) }
        }
        // Released: the PID is still in the file, but nobody holds the lock.
        #expect(StateLock.holder(statePath: state) == .none)
        // A new holder clears the old PID until it advertises its own.
        let again = try StateLock(statePath: state)
        #expect(StateLock.holder(statePath: state) == .unadvertised)
        _ = again
    }

    @Test func aPIDThatDoesNotHoldTheLockIsNeverReportedAsTheDaemon() throws {
        // The daemon user writes the file; root's `feeds add` signals what it names. A PID
        // written by anyone but the lock's holder (here: another process, `sleep`) is not it.
        let state = temporaryStatePath()
        let other = Process()
        other.executableURL = URL(fileURLWithPath: "/bin/sleep")
        other.arguments = ["30"]
        try other.run()
        defer { kill(other.processIdentifier, SIGKILL); other.waitUntilExit() }
        let lock = try StateLock(statePath: state)
        try "\(other.processIdentifier)\n".write(toFile: state + ".lock", atomically: false, encoding: .utf8)
        let holder = StateLock.holder(statePath: state)
        #expect(holder == .unknown(reason: "\(state).lock names pid \(other.processIdentifier), which does not hold its lock"))
        lock.advertise()
        #expect(StateLock.holder(statePath: state) == .daemon(pid: getpid()))
    }
}
