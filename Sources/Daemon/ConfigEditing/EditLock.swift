import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Serialises feedwatch's read-modify-write edits of config files (feeds, and watch lists too): two `feeds add` run at
/// once would otherwise both read the old file and the second rename would drop the first's
/// feed. An advisory `flock` on a hidden file in the feeds directory, released when the
/// process exits however it exits.
public enum EditLock {
    /// Runs `body` holding the lock of `directory` (created if missing); waits for another holder.
    public static func withLock<T>(directory: String, _ body: () throws -> T) throws -> T {
        do {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        } catch {
            throw ConfigErrors([ConfigError(file: directory, message: "cannot create the feeds directory: \(ConfigLoader.reason(error))")])
        }
        let path = (directory as NSString).appendingPathComponent(".feedwatch-edit.lock")
        let fd = Glibc.open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard fd >= 0 else {
            throw ConfigErrors([ConfigError(file: path, message: "cannot open the edit lock: \(String(cString: strerror(errno)))")])
        }
        defer { close(fd) }
        while flock(fd, LOCK_EX) != 0 {
            guard errno == EINTR else {
                throw ConfigErrors([ConfigError(file: path, message: "cannot take the edit lock: \(String(cString: strerror(errno)))")])
            }
        }
        defer { flock(fd, LOCK_UN) }
        return try body()
    }
}
