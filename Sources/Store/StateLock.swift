#if canImport(Glibc)
import Glibc
#endif

/// An exclusive `flock` on `STATE.lock`, held for the life of a run, so two daemons never
/// share one state file (they would each alert, and fight over the log). The kernel drops
/// the lock when the process dies, SIGKILL included: no stale lock files.
///
/// A long-running daemon also writes its PID into the file (`advertise()`), so `feeds add`
/// and `watch add` can tell it to reload; the lock, not the PID, says whether it still runs,
/// so a PID left by a killed daemon is never signalled.
public final class StateLock {
    private let fd: Int32
    public let path: String

    public init(statePath: String) throws(StoreError) {
        path = statePath + ".lock"
        fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o640)
        guard fd >= 0 else {
            throw StoreError.open(path: path, message: String(cString: strerror(errno)))
        }
        guard flock(fd, LOCK_EX | LOCK_NB) == 0 else {
            close(fd)
            throw StoreError.locked(path: statePath)
        }
        // A PID from an earlier daemon must not outlive it; `advertise` writes ours.
        _ = ftruncate(fd, 0)
    }

    /// Writes this process's PID into the lock file: called only by a process that handles
    /// SIGHUP as "reload" (a `run --once` would be killed by it).
    public func advertise() {
        let text = Array("\(getpid())\n".utf8)
        _ = ftruncate(fd, 0)
        _ = text.withUnsafeBytes { pwrite(fd, $0.baseAddress, $0.count, 0) }
    }

    /// Who holds the lock of `statePath`, if anyone.
    public enum Holder: Equatable, Sendable {
        /// No process holds it: no daemon runs on this state.
        case none
        /// A daemon that reloads on SIGHUP.
        case daemon(pid: Int32)
        /// A process that did not advertise a PID (`run --once`).
        case unadvertised
        /// The lock file cannot be read (permissions): the caller cannot tell.
        case unknown(reason: String)
    }

    /// Looks without taking: a failed non-blocking shared lock means a run holds it.
    public static func holder(statePath: String) -> Holder {
        let path = statePath + ".lock"
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else {
            return errno == ENOENT ? .none : .unknown(reason: "\(path): \(String(cString: strerror(errno)))")
        }
        defer { close(fd) }
        if flock(fd, LOCK_SH | LOCK_NB) == 0 {
            flock(fd, LOCK_UN)
            return .none
        }
        var buffer = [UInt8](repeating: 0, count: 32)
        let count = buffer.withUnsafeMutableBytes { pread(fd, $0.baseAddress, $0.count, 0) }
        guard count > 0 else { return .unadvertised }
        let text = String(decoding: buffer[0..<count], as: UTF8.self).filter { !$0.isWhitespace }
        guard let pid = Int32(text), pid > 1 else { return .unadvertised }
        return .daemon(pid: pid)
    }

    deinit {
        flock(fd, LOCK_UN)
        close(fd)
    }
}
