import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Replaces a file so that readers (and a crash) see either the old text or the new, never a
/// mix or a truncated file: the text goes to a hidden temporary file in the same directory,
/// is flushed to disk, checked, and renamed over the target; then the directory is flushed so
/// the rename itself survives a power cut.
///
/// Used for every file feedwatch edits (feeds.d files, the config, watch lists): a daemon that
/// reloads at the wrong moment must never read half an edit. The temporary file is hidden so
/// that neither loader (both skip hidden files) reads it should a crash leave it behind.
public enum AtomicFileWriter {
    public struct Failure: Error, CustomStringConvertible, Sendable {
        public var path: String
        public var message: String
        /// The `errno` of the failed call, for callers that explain it (e.g. "run it with sudo").
        public var code: Int32 = 0
        public var description: String { "\(path): \(message)" }
    }

    /// What a caller wants beyond the atomic replacement itself.
    public struct Options: OptionSet, Sendable {
        public let rawValue: Int
        public init(rawValue: Int) { self.rawValue = rawValue }

        /// Run as root, give the new file the old one's owner and group: `sudo feedwatch watch
        /// add` must not leave a list owned by root that the daemon's user then cannot read.
        public static let keepOwner = Options(rawValue: 1)
        /// A new file gets `mode` less the process umask, as `open(2)` creates files (the
        /// watch-list editor's choice); without this, exactly `mode` (the feeds editor passes the
        /// config's own mode on purpose).
        public static let applyUmask = Options(rawValue: 2)
    }

    /// Writes `text` to `path` atomically.
    ///
    /// - Parameters:
    ///   - mode: permissions of a new file; an existing file keeps its own.
    ///   - options: owner and umask handling, see `Options`.
    ///   - validate: called with the temporary file's path after it is written and synced and
    ///     before the rename; if it throws, the temporary file is removed, the target is left
    ///     untouched, and the error is rethrown.
    /// A symbolic link is followed: the file it points to is replaced and the link kept (an
    /// admin's `feedwatch.yaml -> /srv/config/…` stays a link).
    public static func write(_ text: String, to path: String, mode: mode_t = 0o644, options: Options = [],
                             validate: (String) throws -> Void = { _ in }) throws {
        var path = path
        if let resolved = realpath(path, nil) {
            path = String(cString: resolved)
            free(resolved)
        }
        let directory = (path as NSString).deletingLastPathComponent.isEmpty ? "." : (path as NSString).deletingLastPathComponent
        let name = (path as NSString).lastPathComponent
        var existing = stat()
        let exists = stat(path, &existing) == 0
        let permissions = exists ? existing.st_mode & 0o7777 : mode
        // Created private (like mkstemp) and given its mode below, unless the umask is to apply.
        let masked = !exists && options.contains(.applyUmask)
        let (fd, temporary) = createTemporary(directory: directory, name: name, mode: masked ? mode : 0o600)
        guard fd >= 0 else { throw failure(path, "cannot create a temporary file in \(directory)") }
        var installed = false
        defer {
            if !installed { unlink(temporary) }
        }
        do {
            defer { close(fd) }
            if !masked {
                guard fchmod(fd, permissions) == 0 else { throw failure(path, "cannot set permissions") }
            }
            // Best effort, as `cp -p` does: a failure leaves the file root's, still written.
            if exists, options.contains(.keepOwner), geteuid() == 0 { _ = fchown(fd, existing.st_uid, existing.st_gid) }
            let bytes = Array(text.utf8)
            var offset = 0
            while offset < bytes.count {
                let n = bytes[offset...].withUnsafeBytes { Glibc.write(fd, $0.baseAddress, $0.count) }
                if n < 0, errno == EINTR { continue }
                guard n > 0 else { throw failure(path, "cannot write") }
                offset += n
            }
            guard fsync(fd) == 0 else { throw failure(path, "cannot flush to disk") }
        }
        try validate(temporary)
        guard rename(temporary, path) == 0 else { throw failure(path, "cannot replace the file") }
        installed = true
        let directoryFD = Glibc.open(directory, O_RDONLY | O_DIRECTORY)
        if directoryFD >= 0 {
            _ = fsync(directoryFD)
            close(directoryFD)
        }
    }

    /// A new hidden file `.NAME.tmp-XXXXXX` beside the target, opened for writing (what
    /// `mkstemp` does, but with a chosen mode so that the umask can apply). fd -1 on failure,
    /// with `errno` set.
    private static func createTemporary(directory: String, name: String, mode: mode_t) -> (Int32, String) {
        let letters = Array("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789")
        var temporary = ""
        for _ in 0..<100 {
            temporary = "\(directory)/.\(name).tmp-" + String((0..<6).map { _ in letters.randomElement()! })
            let fd = Glibc.open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode)
            if fd >= 0 || errno != EEXIST { return (fd, temporary) }
        }
        return (-1, temporary)
    }

    /// A failure naming what failed, with `errno`'s text and value (read before anything else
    /// can change it).
    private static func failure(_ path: String, _ what: String) -> Failure {
        let code = errno
        return Failure(path: path, message: "\(what): \(String(cString: strerror(code)))", code: code)
    }
}
