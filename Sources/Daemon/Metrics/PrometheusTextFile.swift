import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Writes a Prometheus text file the way node_exporter's textfile collector needs it: to a
/// temporary file in the same directory, then renamed over the target, so the collector never
/// reads half a file. The temporary name ends in `.tmp`, which the collector ignores (it reads
/// `*.prom` only).
public struct PrometheusTextFile: Sendable {
    public let path: String

    public init(path: String) {
        self.path = path
    }

    /// Writes `text` atomically; the error names the file and the reason.
    public func write(_ text: String) throws(MetricsFileError) {
        let temporary = path + ".\(getpid()).tmp"
        let fd = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw MetricsFileError(path: temporary, operation: "create", code: errno) }
        let bytes = Array(text.utf8)
        var offset = 0
        while offset < bytes.count {
            let n = bytes.withUnsafeBytes { Glibc.write(fd, $0.baseAddress! + offset, $0.count - offset) }
            if n < 0, errno == EINTR { continue }
            guard n > 0 else {
                let code = errno
                close(fd)
                unlink(temporary)
                throw MetricsFileError(path: temporary, operation: "write", code: code)
            }
            offset += n
        }
        // fchmod: the umask must not hide the file from node_exporter (it runs as another user).
        fchmod(fd, 0o644)
        close(fd)
        guard rename(temporary, path) == 0 else {
            let code = errno
            unlink(temporary)
            throw MetricsFileError(path: path, operation: "rename \(temporary) to", code: code)
        }
    }
}

/// A metrics file that could not be written: which file, what was tried, and why.
public struct MetricsFileError: Error, CustomStringConvertible, Equatable {
    public let path: String
    public let operation: String
    public let code: Int32
    public var description: String {
        "cannot \(operation) metrics file \(path): \(String(cString: strerror(code)))"
    }
}
