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
}
