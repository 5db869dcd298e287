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
            // Not closed here: every stored property is set, so deinit runs and closes it. A
            // close here too closed the number twice, and in between another thread may have
            // opened a file under it (a test's lock file was emptied that way, 1 run in 6).
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
        // The file is the daemon's to write, and `sudo feedwatch feeds add` signals the PID in
        // it: a daemon user gone bad could name any root process, and SIGHUP's default action
        // ends it. The kernel's own record of who holds the lock must agree.
        switch Self.holdsFlock(pid: pid, fd: fd) {
        case true?: return .daemon(pid: pid)
        case false?: return .unknown(reason: "\(path) names pid \(pid), which does not hold its lock")
        case nil: return .unknown(reason: "cannot read /proc/locks to check that pid \(pid) holds \(path)")
        }
    }

    /// Whether `/proc/locks` shows `pid` holding a `flock` on the file open as `fd` (matched
    /// by inode; a process waiting for the lock, shown with "->", does not count).
    static func holdsFlock(pid: Int32, fd: Int32) -> Bool? {
        // A read of /proc/locks failed once under a busy CI run; one that fails is tried again.
        for _ in 0..<3 {
            if let answer = holdsFlockOnce(pid: pid, fd: fd) { return answer }
        }
        return nil
    }

    private static func holdsFlockOnce(pid: Int32, fd: Int32) -> Bool? {
        var info = stat()
        guard fstat(fd, &info) == 0 else { return nil }
        let locks = open("/proc/locks", O_RDONLY | O_CLOEXEC)
        guard locks >= 0 else { return nil }
        defer { close(locks) }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 65_536)
        while true {
            let n = chunk.withUnsafeMutableBytes { read(locks, $0.baseAddress, $0.count) }
            if n < 0, errno == EINTR { continue }
            guard n > 0 else { if n < 0 { return nil }; break }
            bytes += chunk[0..<n]
        }
        for line in String(decoding: bytes, as: UTF8.self).split(separator: "\n") {
            // "4: FLOCK  ADVISORY  WRITE 18583 fe:00:16286026 0 EOF"
            let fields = line.split(separator: " ")
            guard fields.count >= 6, fields[1] == "FLOCK", Int32(fields[4]) == pid,
                  let inode = fields[5].split(separator: ":").last.flatMap({ UInt64($0) }) else { continue }
            if inode == UInt64(info.st_ino) { return true }
        }
        return false
    }

    deinit {
        flock(fd, LOCK_UN)
        close(fd)
    }
}
