/// The XML declaration at the start of a document (`<?xml version="1.0" encoding="…"?>`), read
/// from ASCII-compatible bytes.
///
/// feedparser finds the encoding with a regular expression over the first line (any `<?`
/// instruction, the last `encoding=` on that line). This reads the declaration as XML defines
/// it instead: `<?xml` and white space, up to the first `?>`, `encoding`, optional white space
/// around `=`, and a quoted value, across lines. It agrees with feedparser on every
/// declaration that is one line and well-formed, and it does not pick up an `encoding=` from
/// the document body when a feed is written on one line.
enum XMLDeclaration {
    /// Declarations longer than this are not looked at: a real one is under 100 bytes.
    static let maximumLength = 1024

    /// Where the value of the `encoding` pseudo-attribute is, in a declaration that starts at
    /// `start` (the first byte after any byte-order mark); nil when there is none.
    static func encodingValue(in bytes: UnsafeBufferPointer<UInt8>, from start: Int = 0) -> Range<Int>? {
        let limit = min(bytes.count, start + maximumLength)
        let open: [UInt8] = Array("<?xml".utf8)
        guard limit - start >= open.count + 1 else { return nil }
        for (i, byte) in open.enumerated() where bytes[start + i] != byte { return nil }
        guard isSpace(bytes[start + open.count]) else { return nil }
        // The declaration ends at the first `?>`.
        var end = start + open.count
        while end + 1 < limit, !(bytes[end] == UInt8(ascii: "?") && bytes[end + 1] == UInt8(ascii: ">")) { end += 1 }
        guard end + 1 < limit else { return nil }

        let name: [UInt8] = Array("encoding".utf8)
        var i = start + open.count
        while i + name.count < end {
            defer { i += 1 }
            guard isSpace(bytes[i]) else { continue }
            var j = i + 1
            var matched = true
            for byte in name {
                if j >= end || bytes[j] != byte { matched = false; break }
                j += 1
            }
            guard matched else { continue }
            while j < end, isSpace(bytes[j]) { j += 1 }
            guard j < end, bytes[j] == UInt8(ascii: "=") else { continue }
            j += 1
            while j < end, isSpace(bytes[j]) { j += 1 }
            guard j < end, bytes[j] == UInt8(ascii: "\"") || bytes[j] == UInt8(ascii: "'") else { continue }
            let quote = bytes[j]
            let valueStart = j + 1
            var valueEnd = valueStart
            while valueEnd < end, bytes[valueEnd] != quote { valueEnd += 1 }
            guard valueEnd < end else { return nil }
            return valueStart..<valueEnd
        }
        return nil
    }

    /// The declared encoding, lower-cased; nil when there is none.
    static func declaredEncoding(in bytes: UnsafeBufferPointer<UInt8>, from start: Int = 0) -> String? {
        guard let range = encodingValue(in: bytes, from: start) else { return nil }
        return String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self).lowercased()
    }

    /// Whether libxml2 reads this label as UTF-8 without converting (`UTF-8`, `utf8`…).
    static func isUTF8Label(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Bool {
        let label = String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self).lowercased()
        return label == "utf-8" || label == "utf8"
    }

    static let utf8Label: [UInt8] = Array("utf-8".utf8)

    private static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D
    }
}
