import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Serialises feedwatch's read-modify-write edits of config files: two `feeds add` (or two
/// `watch add`) run at once would otherwise both read the old file and the second rename would
/// drop the first's edit. An advisory `flock`, released when the process exits however it
/// exits. Two places to hold it, one per editor:
/// - `withLock(directory:)` (feeds): a hidden lock file in the feeds directory, which is
///   created when missing (feeds.d is feedwatch's own directory).
/// - `withLock(onDirectory:)` (watch lists): the directory itself, so that nothing is added to
///   a directory the user keeps by hand, and a missing directory is reported, not created.
public enum EditLock {
    /// Why the lock of `withLock(onDirectory:)` could not be taken.
    public struct Failure: Error, CustomStringConvertible, Sendable {
        public enum Step: Sendable { case open, lock }
        public var directory: String
        public var step: Step
        /// The `errno` of the failed call: ENOENT or ENOTDIR on `open` mean there is no such directory.
        public var code: Int32
        public var reason: String { String(cString: strerror(code)) }
        public var description: String { "\(directory): cannot \(step == .open ? "open" : "lock") the directory: \(reason)" }
    }

    /// Runs `body` holding the lock of `directory` (created if missing); waits for another holder.
    public static func withLock<T>(directory: String, _ body: () throws -> T) throws -> T {
        do {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        } catch {
            throw FileEditError(file: directory, message: "cannot create the feeds directory: \(ConfigLoader.reason(error))")
        }
        let path = (directory as NSString).appendingPathComponent(".feedwatch-edit.lock")
        let fd = Glibc.open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard fd >= 0 else {
            throw FileEditError(file: path, message: "cannot open the edit lock: \(String(cString: strerror(errno)))")
        }
        defer { close(fd) }
        if let code = lock(fd) {
            throw FileEditError(file: path, message: "cannot take the edit lock: \(String(cString: strerror(code)))")
        }
        defer { flock(fd, LOCK_UN) }
        return try body()
    }

    /// Runs `body` holding a lock on `directory` itself (which must exist); waits for another
    /// holder. A lock that cannot be taken becomes the caller's error through `failure`.
    public static func withLock<T, E: Error>(onDirectory directory: String, failure: (Failure) -> E,
                                             _ body: () throws(E) -> T) throws(E) -> T {
        let fd = Glibc.open(directory, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard fd >= 0 else { throw failure(Failure(directory: directory, step: .open, code: errno)) }
        defer { close(fd) }
        if let code = lock(fd) { throw failure(Failure(directory: directory, step: .lock, code: code)) }
        defer { flock(fd, LOCK_UN) }
        return try body()
    }

    /// Takes an exclusive `flock` on `fd`, waiting (and retrying after a signal); the `errno` of a failure.
    private static func lock(_ fd: Int32) -> Int32? {
        while flock(fd, LOCK_EX) != 0 {
            guard errno == EINTR else { return errno }
        }
        return nil
    }
}
