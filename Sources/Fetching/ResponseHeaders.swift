/// The response headers the fetcher acts on, read straight from libcurl's header callback.
///
/// A response brings ten to twenty header lines and the fetcher reads seven of them. Making a
/// `String` of every line, trimming it by `Character` and comparing names through Foundation's
/// case-insensitive compare cost about a third of the libcurl thread's own work on a cold cycle,
/// and that thread hands every response to the parsers. So lines are looked at as bytes, and
/// only a wanted header's value becomes a string. The values are the last response's (after
/// redirects); a repeated header keeps its last value.
struct ResponseHeaders {
    enum Name: Int, CaseIterable {
        case etag, lastModified, cacheControl, expires, date, retryAfter, location
    }

    /// Status codes of every response of the transfer, redirects first.
    private(set) var statuses: [Int] = []
    private var values = [String?](repeating: nil, count: Name.allCases.count)
    private var lines = 0

    /// At most this many lines are read per transfer: a hostile server's endless headers cost nothing.
    static let maxLines = 500

    subscript(name: Name) -> String? { values[name.rawValue] }

    /// Takes one header line as libcurl delivers it (CRLF included). A status line starts a new response.
    mutating func receive(_ line: UnsafeBufferPointer<UInt8>) {
        guard lines < Self.maxLines else { return }
        lines += 1
        var lo = 0, hi = line.count
        while lo < hi, Self.isSpace(line[lo]) { lo += 1 }
        while hi > lo, Self.isSpace(line[hi - 1]) { hi -= 1 }
        guard hi > lo else { return }
        if hi - lo >= 5, line[lo] == UInt8(ascii: "H"), line[lo + 1] == UInt8(ascii: "T"), line[lo + 2] == UInt8(ascii: "T"),
           line[lo + 3] == UInt8(ascii: "P"), line[lo + 4] == UInt8(ascii: "/") {
            if let code = Self.statusCode(line, from: lo, to: hi) { statuses.append(code) }
            values = [String?](repeating: nil, count: Name.allCases.count)
            return
        }
        var colon = lo
        while colon < hi, line[colon] != UInt8(ascii: ":") { colon += 1 }
        guard colon < hi, let name = Self.name(line, from: lo, to: colon) else { return }
        var start = colon + 1
        while start < hi, Self.isSpace(line[start]) { start += 1 }
        values[name.rawValue] = String(decoding: UnsafeBufferPointer(rebasing: line[start..<hi]), as: UTF8.self)
    }

    /// "HTTP/1.1 304 Not Modified" → 304.
    private static func statusCode(_ line: UnsafeBufferPointer<UInt8>, from lo: Int, to hi: Int) -> Int? {
        var i = lo
        while i < hi, line[i] != UInt8(ascii: " ") { i += 1 }
        while i < hi, line[i] == UInt8(ascii: " ") { i += 1 }
        var code = 0, digits = 0
        while i < hi, digits < 3, line[i] >= 0x30, line[i] <= 0x39 {
            code = code * 10 + Int(line[i] - 0x30)
            digits += 1
            i += 1
        }
        return digits == 3 ? code : nil
    }

    /// The wanted header this name is, compared without regard to ASCII case; nil for any other.
    private static func name(_ line: UnsafeBufferPointer<UInt8>, from lo: Int, to hi: Int) -> Name? {
        func matches(_ lower: StaticString) -> Bool {
            guard hi - lo == lower.utf8CodeUnitCount else { return false }
            let expected = lower.utf8Start
            for k in 0..<(hi - lo) {
                var b = line[lo + k]
                if b >= 0x41 && b <= 0x5A { b |= 0x20 }
                if b != expected[k] { return false }
            }
            return true
        }
        switch hi - lo {
        case 4: return matches("etag") ? .etag : matches("date") ? .date : nil
        case 7: return matches("expires") ? .expires : nil
        case 8: return matches("location") ? .location : nil
        case 11: return matches("retry-after") ? .retryAfter : nil
        case 13: return matches("last-modified") ? .lastModified : matches("cache-control") ? .cacheControl : nil
        default: return nil
        }
    }

    @inline(__always)
    private static func isSpace(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 || b == 0x0D || b == 0x0A }
}
