#if canImport(Glibc)
import Glibc
#endif

/// Reads the alert log from its end: the last lines, or the ids of recent alerts.
public struct AlertLogReader: Sendable {
    public let path: String

    public init(path: String) { self.path = path }

    /// The last `count` complete lines (all when nil), oldest first. Reads backwards in chunks,
    /// so `-n 20` on a huge log costs only its tail.
    public func lastLines(_ count: Int?) -> [String] {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return [] }
        defer { close(fd) }
        var st = stat()
        guard fstat(fd, &st) == 0 else { return [] }
        var end = Int(st.st_size)
        var buffer: [UInt8] = []
        let chunk = 1 << 16
        while end > 0 {
            let start = max(0, end - chunk)
            var piece = [UInt8](repeating: 0, count: end - start)
            let n = piece.withUnsafeMutableBytes { pread(fd, $0.baseAddress!, $0.count, off_t(start)) }
            guard n == piece.count else { break }
            buffer.insert(contentsOf: piece, at: 0)
            end = start
            if let count, buffer.lazy.filter({ $0 == 0x0A }).count > count { break }
        }
        var lines = buffer.split(separator: 0x0A, omittingEmptySubsequences: true).map { String(decoding: $0, as: UTF8.self) }
        if end > 0, !lines.isEmpty { lines.removeFirst() } // first may be cut
        if let count, lines.count > count { lines.removeFirst(lines.count - count) }
        return lines
    }

    /// Ids of the alerts in the log's last `bytes` bytes.
    public func idsInTail(bytes: Int) -> Set<String> {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return [] }
        defer { close(fd) }
        var st = stat()
        guard fstat(fd, &st) == 0 else { return [] }
        let size = Int(st.st_size)
        let start = max(0, size - bytes)
        var data = [UInt8](repeating: 0, count: size - start)
        let n = data.withUnsafeMutableBytes { pread(fd, $0.baseAddress!, $0.count, off_t(start)) }
        guard n > 0 else { return [] }
        var ids = Set<String>()
        let prefix = Array("{\"id\":\"".utf8)
        // Only whole lines count: a fragment after the last newline is an unfinished write.
        guard let lastNewline = data[0..<n].lastIndex(of: 0x0A) else { return [] }
        for line in data[0...lastNewline].split(separator: 0x0A) where line.starts(with: prefix) && line.last == UInt8(ascii: "}") {
            let rest = line.dropFirst(prefix.count)
            if let quote = rest.firstIndex(of: 0x22) { ids.insert(String(decoding: rest[rest.startIndex..<quote], as: UTF8.self)) }
        }
        return ids
    }
}
