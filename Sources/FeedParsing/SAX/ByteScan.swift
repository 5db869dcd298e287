#if canImport(Glibc)
import Glibc
#endif

/// The two byte searches the pre-parse passes (`AmpersandRepair`, `InternalSubset`) share: they
/// run over every feed before libxml2 does, so they compare in place and jump with memchr.
enum ByteScan {
    /// Whether `s` holds `prefix` at `i`.
    static func hasPrefix(_ s: UnsafeBufferPointer<UInt8>, at i: Int, _ prefix: StaticString) -> Bool {
        let count = prefix.utf8CodeUnitCount
        guard i >= 0, i + count <= s.count, let base = s.baseAddress else { return false }
        return memcmp(base + i, prefix.utf8Start, count) == 0
    }

    /// The index just after the first `terminator` that starts at or after `start` and before
    /// `limit`; nil when there is none.
    static func end(of terminator: StaticString, in s: UnsafeBufferPointer<UInt8>, from start: Int, limit: Int) -> Int? {
        guard let base = s.baseAddress else { return nil }
        let first = Int32(terminator.utf8Start.pointee)
        var j = start
        while j < limit {
            // memchr finds the terminator's first byte at C speed through long CDATA sections and comments.
            guard let hit = memchr(base + j, first, limit - j) else { return nil }
            j = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
            if hasPrefix(s, at: j, terminator) { return j + terminator.utf8CodeUnitCount }
            j += 1
        }
        return nil
    }

    /// The index of the first `byte` at or after `start`; nil when there is none.
    @inline(__always)
    static func find(_ byte: UInt8, in s: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
        guard let base = s.baseAddress, start < s.count,
              let hit = memchr(base + start, Int32(byte), s.count - start) else { return nil }
        return base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
    }
}
