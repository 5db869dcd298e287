#if canImport(Glibc)
import Glibc
#endif

/// Appends outbox alerts to the JSON Lines log: write, fsync, then mark written.
///
/// A crash between the fsync and the mark leaves alerts that are in the log but still
/// pending; `reconcile` finds their ids in the log's tail on the next start and marks them,
/// so they are not written twice. A failed write (full disk, unwritable file) leaves them
/// pending for the next attempt; a partial last line is closed before the next append.
public final class AlertLogWriter {
    public let path: String
    private let store: StateStore

    public init(path: String, store: StateStore) {
        self.path = path
        self.store = store
    }

    /// Marks pending alerts already present in the log's last `tailBytes` as written.
    @discardableResult
    public func reconcile(tailBytes: Int = 4 << 20) throws(StoreError) -> Int {
        let pending = try store.pendingAlerts()
        guard !pending.isEmpty else { return 0 }
        let idsInLog = AlertLogReader(path: path).idsInTail(bytes: tailBytes)
        let already = pending.map(\.id).filter(idsInLog.contains)
        if !already.isEmpty { try store.markWritten(ids: already) }
        return already.count
    }

    /// Writes every pending alert; returns how many were written.
    @discardableResult
    public func flush() throws(StoreError) -> Int {
        var total = 0
        while true {
            let pending = try store.pendingAlerts(limit: 1000)
            guard !pending.isEmpty else { return total }
            var text = pending.map(\.line).joined(separator: "\n") + "\n"
            // Read access too: the last byte is checked to close a partial line left by a crash or full disk.
            let fd = open(path, O_RDWR | O_APPEND | O_CREAT | O_CLOEXEC, 0o640)
            guard fd >= 0 else { throw error("open") }
            defer { close(fd) }
            if !endsWithNewline(fd) { text = "\n" + text }
            try writeAll(fd, text)
            guard fsync(fd) == 0 else { throw error("fsync") }
            try store.markWritten(ids: pending.map(\.id))
            total += pending.count
        }
    }

    private func endsWithNewline(_ fd: Int32) -> Bool {
        var st = stat()
        guard fstat(fd, &st) == 0, st.st_size > 0 else { return true }
        var byte: UInt8 = 0
        return pread(fd, &byte, 1, st.st_size - 1) == 1 ? byte == 0x0A : true
    }

    private func writeAll(_ fd: Int32, _ text: String) throws(StoreError) {
        var bytes = Array(text.utf8)
        var offset = 0
        while offset < bytes.count {
            let n = bytes.withUnsafeMutableBytes { write(fd, $0.baseAddress! + offset, $0.count - offset) }
            if n < 0 {
                if errno == EINTR { continue }
                throw error("write")
            }
            offset += n
        }
        bytes.removeAll()
    }

    private func error(_ what: String) -> StoreError {
        let code = errno
        return StoreError.logWrite(path: path, errno: code, message: "\(what): \(String(cString: strerror(code)))")
    }
}
