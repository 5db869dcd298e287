#if canImport(Glibc)
import Glibc
#endif
import Foundation
import Synchronization
import Testing
@testable import Store

private final class Flags: Sendable {
    let stop = Atomic<Bool>(false)
    let done = Atomic<Bool>(false)
    let closed = Atomic<Int>(0)
}

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

    /// A refused lock closes its descriptor once: a second close would hit whatever another
    /// thread opened under the same number in between.
    @Test func aRefusedLockClosesItsDescriptorOnce() throws {
        let state = temporaryStatePath()
        let held = try StateLock(statePath: state)
        let flags = Flags()
        // Another thread opens /dev/null again and again and checks that its descriptor is still
        // open a moment later; this one is refused the lock meanwhile, 20,000 times.
        let watcher = Thread {
            while !flags.stop.load(ordering: .relaxed) {
                let fd = open("/dev/null", O_RDONLY | O_CLOEXEC)
                guard fd >= 0 else { continue }
                for _ in 0..<50 { _ = getpid() }
                if fcntl(fd, F_GETFD) == -1 { flags.closed.add(1, ordering: .relaxed) } else { close(fd) }
            }
            flags.done.store(true, ordering: .releasing)
        }
        watcher.start()
        for _ in 0..<20_000 { _ = try? StateLock(statePath: state) }
        flags.stop.store(true, ordering: .relaxed)
        while !flags.done.load(ordering: .acquiring) { usleep(1_000) }
        let closed = flags.closed.load(ordering: .relaxed)
        #expect(closed == 0, "\(closed) descriptors were closed under the other thread")
        _ = held
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
