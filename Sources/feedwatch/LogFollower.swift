#if canImport(Glibc)
import Glibc
#endif

/// Follows a growing log through rotation: when the file is renamed away (new inode) or
/// truncated (copytruncate), it reopens and reads the new file from the start.
struct LogFollower {
    let path: String
    private var fd: Int32 = -1
    private var inode: UInt64 = 0
    private var offset: off_t = 0
    private var partial: [UInt8] = []

    init(path: String) {
        self.path = path
        openFile(atEnd: true)
    }

    private mutating func openFile(atEnd: Bool) {
        if fd >= 0 { close(fd) }
        fd = open(path, O_RDONLY | O_CLOEXEC)
        var st = stat()
        if fd >= 0, fstat(fd, &st) == 0 {
            inode = UInt64(st.st_ino)
            offset = atEnd ? st.st_size : 0
        }
        partial.removeAll()
    }

    mutating func newLines() -> [String] {
        var st = stat()
        let exists = stat(path, &st) == 0
        if fd < 0 {
            if exists { openFile(atEnd: false) } else { return [] }
        }
        var lines = drain()
        if exists, UInt64(st.st_ino) != inode {
            // Rotated: finish the old file (done above), continue with the new one.
            openFile(atEnd: false)
            lines += drain()
        } else if exists, st.st_size < offset {
            // Truncated in place.
            offset = 0
            partial.removeAll()
            lines += drain()
        }
        return lines
    }

    private mutating func drain() -> [String] {
        guard fd >= 0 else { return [] }
        var lines: [String] = []
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let n = buffer.withUnsafeMutableBytes { pread(fd, $0.baseAddress, $0.count, offset) }
            guard n > 0 else { break }
            offset += off_t(n)
            for byte in buffer[0..<n] {
                if byte == 0x0A {
                    if !partial.isEmpty { lines.append(String(decoding: partial, as: UTF8.self)) }
                    partial.removeAll(keepingCapacity: true)
                } else if partial.count < 1 << 20 {
                    partial.append(byte)
                }
            }
        }
        return lines
    }
}
