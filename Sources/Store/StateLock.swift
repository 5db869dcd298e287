#if canImport(Glibc)
import Glibc
#endif

/// An exclusive `flock` on `STATE.lock`, held for the life of a run, so two daemons never
/// share one state file (they would each alert, and fight over the log). The kernel drops
/// the lock when the process dies, SIGKILL included: no stale lock files.
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
    }

    deinit {
        flock(fd, LOCK_UN)
        close(fd)
    }
}
