/// The encoding the first bytes of a document show, by byte-order mark or by the byte pattern
/// of `<?xm` (XML 1.0 appendix F), in feedparser's order of checks.
struct ByteOrderSniffer: Equatable, Sendable {
    /// feedparser's `bom_encoding`: `"utf-32be"`, `"utf-16le"`, `"utf-8"`, `"cp037"`…, or `""`.
    var encoding: String
    /// Length of the byte-order mark to drop (0 when the encoding was seen from `<?xm`).
    var markLength: Int
    /// How the encoding lays out ASCII; `.asciiCompatible` when nothing was seen.
    var layout: Charset.Layout
    /// The iconv name for reading the head of the document when it is not ASCII-compatible.
    var iconvName: String?

    static let none = ByteOrderSniffer(encoding: "", markLength: 0, layout: .asciiCompatible, iconvName: nil)

    static func sniff(_ bytes: UnsafeBufferPointer<UInt8>) -> ByteOrderSniffer {
        func starts(_ prefix: [UInt8]) -> Bool {
            guard bytes.count >= prefix.count else { return false }
            for (i, byte) in prefix.enumerated() where bytes[i] != byte { return false }
            return true
        }
        // A UTF-16 mark followed by two zero bytes is read as the UTF-32 mark or nothing, as
        // feedparser does (`data[2:4] != ZERO_BYTES`).
        let zeroPairFollows = bytes.count >= 4 && bytes[2] == 0 && bytes[3] == 0
        if starts([0x00, 0x00, 0xFE, 0xFF]) { return .init(encoding: "utf-32be", markLength: 4, layout: .utf32, iconvName: "UTF-32BE") }
        if starts([0xFF, 0xFE, 0x00, 0x00]) { return .init(encoding: "utf-32le", markLength: 4, layout: .utf32, iconvName: "UTF-32LE") }
        if starts([0xFE, 0xFF]), !zeroPairFollows { return .init(encoding: "utf-16be", markLength: 2, layout: .utf16, iconvName: "UTF-16BE") }
        if starts([0xFF, 0xFE]), !zeroPairFollows { return .init(encoding: "utf-16le", markLength: 2, layout: .utf16, iconvName: "UTF-16LE") }
        if starts([0xEF, 0xBB, 0xBF]) { return .init(encoding: "utf-8", markLength: 3, layout: .asciiCompatible, iconvName: nil) }
        if starts([0x4C, 0x6F, 0xA7, 0x94]) { return .init(encoding: "cp037", markLength: 0, layout: .ebcdic, iconvName: "IBM037") }
        if starts([0x00, 0x3C, 0x00, 0x3F]) { return .init(encoding: "utf-16be", markLength: 0, layout: .utf16, iconvName: "UTF-16BE") }
        if starts([0x3C, 0x00, 0x3F, 0x00]) { return .init(encoding: "utf-16le", markLength: 0, layout: .utf16, iconvName: "UTF-16LE") }
        if starts([0x00, 0x00, 0x00, 0x3C]) { return .init(encoding: "utf-32be", markLength: 0, layout: .utf32, iconvName: "UTF-32BE") }
        if starts([0x3C, 0x00, 0x00, 0x00]) { return .init(encoding: "utf-32le", markLength: 0, layout: .utf32, iconvName: "UTF-32LE") }
        return .none
    }
}
