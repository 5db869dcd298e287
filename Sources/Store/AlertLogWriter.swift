#if canImport(Glibc)
import Glibc
#endif

/// Appends outbox alerts to the JSON Lines log: write, fsync, then mark written.
///
/// A crash between the fsync and the mark leaves alerts that are in the log but still
/// pending; `reconcile` finds their ids in the log's tail (and in the tail of `alerts.jsonl.1`,
/// in case the log was rotated in between) on the next start and marks them, so they are not
/// written twice. A failed write (full disk, unwritable file) or a crash mid-write leaves them
/// pending, and the partial line it left is cut off before the next append, so every line of
/// the log is a whole alert.
///
/// The file is opened anew for every flush: after logrotate renames it, the next flush creates
/// a fresh file, and after copytruncate, `O_APPEND` writes at the new end. No signal is needed.
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
            .union(AlertLogReader(path: path + ".1").idsInTail(bytes: tailBytes))
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
            let text = pending.map(\.logLine).joined(separator: "\n") + "\n"
            // Read access too: the end is checked for a partial line left by a crash or a full disk.
            let fd = open(path, O_RDWR | O_APPEND | O_CREAT | O_CLOEXEC, 0o640)
            guard fd >= 0 else { throw error("open") }
            defer { close(fd) }
            try cutPartialLastLine(fd)
            if FaultInjection.shouldCrash(at: .logPartial) {
                try writeAll(fd, String(decoding: Array(text.utf8).prefix(text.utf8.count / 2), as: UTF8.self))
                fsync(fd)
                FaultInjection.die()
            }
            try writeAll(fd, text)
            guard fsync(fd) == 0 else { throw error("fsync") }
            FaultInjection.crash(at: .logWritten)
            try store.markWritten(ids: pending.map(\.id))
            total += pending.count
        }
    }

    /// A log that does not end in a newline ends in a fragment of an alert whose write was cut
    /// short; that alert is still pending and will be written whole, so the fragment goes.
    private func cutPartialLastLine(_ fd: Int32) throws(StoreError) {
        var st = stat()
        guard fstat(fd, &st) == 0, st.st_size > 0 else { return }
        let size = Int(st.st_size)
        var end = size
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while end > 0 {
            let start = max(0, end - chunk.count)
            let n = chunk.withUnsafeMutableBytes { pread(fd, $0.baseAddress, end - start, off_t(start)) }
            guard n == end - start else { throw error("read") }
            if end == size, chunk[n - 1] == 0x0A { return }
            if let newline = chunk[0..<n].lastIndex(of: 0x0A) {
                end = start + newline + 1
                break
            }
            end = start
        }
        guard ftruncate(fd, off_t(end)) == 0 else { throw error("truncate") }
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
