#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads a whole file, or standard input, straight into `[UInt8]`.
///
/// Why not `FileManager.contents` or `FileHandle.readDataToEndOfFile`: both return `Data`, and the
/// parser wants `[UInt8]`, so the bytes were held twice at the peak (issue #4: `parse` on a 5 MB
/// feed held 10 MB for reading alone). Here a regular file's array is sized from `fstat` and
/// `read` fills it in place; a pipe or terminal, whose size is unknown, is read in chunks.
enum FileBytes {
    /// Why a read failed, worded to follow `path: ` in a message.
    struct Failure: Error, Equatable {
        var reason: String
    }

    /// The file's bytes, at most `limit` of them. Throws `Failure` with the reason a user needs ("no such file", …).
    static func read(path: String, limit: Int = .max) throws(Failure) -> [UInt8] {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw Failure(reason: reason(errno)) }
        defer { close(fd) }
        return try read(descriptor: fd, limit: limit)
    }

    /// Everything left on an open descriptor (standard input is 0), up to end of file or `limit`
    /// bytes: `cat /dev/zero | feedwatch parse -` must not take all memory.
    static func read(descriptor fd: Int32, limit: Int = .max) throws(Failure) -> [UInt8] {
        var info = stat()
        guard fstat(fd, &info) == 0 else { throw Failure(reason: reason(errno)) }
        if (info.st_mode & S_IFMT) == S_IFDIR { throw Failure(reason: reason(EISDIR)) }
        var failure: Int32 = 0
        var bytes: [UInt8] = []
        // A regular file's size is known: one allocation of that size, filled in place.
        if (info.st_mode & S_IFMT) == S_IFREG, info.st_size > 0 {
            let size = min(Int(info.st_size), limit)
            bytes = [UInt8](unsafeUninitializedCapacity: size) { buffer, count in
                while count < size {
                    let got = systemRead(fd, buffer.baseAddress! + count, size - count)
                    if got > 0 { count += got } else if got == 0 || errno != EINTR { failure = got < 0 ? errno : 0; break }
                }
            }
            if failure != 0 { throw Failure(reason: reason(failure)) }
            if bytes.count < size || bytes.count >= limit { return bytes }   // shrank while read, or the limit
        }
        // A pipe, a terminal, /proc, or a file that grew after fstat: chunks until end of file.
        try withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 64 * 1024) { (chunk) throws(Failure) in
            while bytes.count < limit {
                let got = systemRead(fd, chunk.baseAddress!, min(chunk.count, limit - bytes.count))
                if got > 0 {
                    bytes.append(contentsOf: UnsafeBufferPointer(rebasing: chunk[..<got]))
                } else if got == 0 {
                    return
                } else if errno != EINTR {
                    throw Failure(reason: reason(errno))
                }
            }
        }
        return bytes
    }

    /// The words for an errno; "no such file" and "permission denied?" are the ones `parse` and
    /// `scan` gave before.
    static func reason(_ code: Int32) -> String {
        switch code {
        case ENOENT, ENOTDIR: return "no such file"
        case EACCES, EPERM: return "cannot read it (permission denied?)"
        default: return "cannot read it (\(String(cString: strerror(code))))"
        }
    }
}

/// `read(2)`, named apart from `FileBytes.read`, which would shadow it inside the type.
private func systemRead(_ fd: Int32, _ buffer: UnsafeMutablePointer<UInt8>, _ count: Int) -> Int {
    read(fd, buffer, count)
}
