/// Why bytes could not be read in an encoding, and where.
struct DecodeFailure: Error, Equatable, Sendable {
    /// Offset in the whole input (byte-order mark included) of the first bad byte; nil when
    /// the encoding itself is the problem (an unknown name).
    var offset: Int?
    /// What went wrong, e.g. "invalid byte sequence" or "unknown encoding".
    var reason: String

    static let unknownEncoding = DecodeFailure(offset: nil, reason: "unknown encoding")

    /// "invalid byte sequence at offset 217 (line 9): 0xC3 0x28", with the line counted only
    /// when `countLines` (the encoding writes a newline as the byte 0x0A).
    func describe(in bytes: UnsafeBufferPointer<UInt8>, countLines: Bool) -> String {
        guard let offset, offset < bytes.count else { return reason }
        var text = "\(reason) at offset \(offset)"
        if countLines {
            var line = 1
            for i in 0..<offset where bytes[i] == 0x0A { line += 1 }
            text += " (line \(line))"
        }
        let shown = bytes[offset..<min(bytes.count, offset + 4)].map { byte in
            let hex = String(byte, radix: 16, uppercase: true)
            return "0x" + (hex.count < 2 ? "0" + hex : hex)
        }
        return text + ": " + shown.joined(separator: " ")
    }
}
