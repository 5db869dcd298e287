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
/// reloads at the wrong moment must never read half an edit.
public enum AtomicFileWriter {
    public struct Failure: Error, CustomStringConvertible, Sendable {
        public var path: String
        public var message: String
        public var description: String { "\(path): \(message)" }
    }

    /// Writes `text` to `path` atomically.
    ///
    /// - Parameters:
    ///   - mode: permissions of a new file; an existing file keeps its own.
    ///   - validate: called with the temporary file's path after it is written and synced and
    ///     before the rename; if it throws, the temporary file is removed, the target is left
    ///     untouched, and the error is rethrown.
    /// A symbolic link is followed: the file it points to is replaced and the link kept (an
    /// admin's `feedwatch.yaml -> /srv/config/…` stays a link).
    public static func write(_ text: String, to path: String, mode: mode_t = 0o644,
                             validate: (String) throws -> Void = { _ in }) throws {
        var path = path
        if let resolved = realpath(path, nil) {
            path = String(cString: resolved)
            free(resolved)
        }
        let directory = (path as NSString).deletingLastPathComponent.isEmpty ? "." : (path as NSString).deletingLastPathComponent
        let name = (path as NSString).lastPathComponent
        var template = Array("\(directory)/.\(name).tmp-XXXXXX".utf8CString)
        let fd = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard fd >= 0 else { throw Failure(path: path, message: "cannot create a temporary file in \(directory): \(errorText())") }
        let temporary = String(decoding: template.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        var installed = false
        defer {
            if !installed { unlink(temporary) }
        }
        var existing = stat()
        let permissions = stat(path, &existing) == 0 ? existing.st_mode & 0o7777 : mode
        do {
            defer { close(fd) }
            guard fchmod(fd, permissions) == 0 else { throw Failure(path: path, message: "cannot set permissions: \(errorText())") }
            let bytes = Array(text.utf8)
            var offset = 0
            while offset < bytes.count {
                let n = bytes[offset...].withUnsafeBytes { Glibc.write(fd, $0.baseAddress, $0.count) }
                if n < 0, errno == EINTR { continue }
                guard n > 0 else { throw Failure(path: path, message: "cannot write: \(errorText())") }
                offset += n
            }
            guard fsync(fd) == 0 else { throw Failure(path: path, message: "cannot flush to disk: \(errorText())") }
        }
        try validate(temporary)
        guard rename(temporary, path) == 0 else { throw Failure(path: path, message: "cannot replace the file: \(errorText())") }
        installed = true
        let directoryFD = Glibc.open(directory, O_RDONLY | O_DIRECTORY)
        if directoryFD >= 0 {
            _ = fsync(directoryFD)
            close(directoryFD)
        }
    }

    private static func errorText() -> String { String(cString: strerror(errno)) }
}
