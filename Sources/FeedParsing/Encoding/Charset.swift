/// A character encoding the detector knows how to decode.
struct Charset: Equatable, Sendable {
    /// How the bytes are turned into UTF-8.
    enum Decoder: Equatable, Sendable {
        /// Validated in place: the bytes already are UTF-8.
        case utf8
        /// Validated in place: every byte must be below 0x80.
        case ascii
        /// Decoded in Swift, one byte to one code point.
        case latin1
        /// Decoded in Swift; 0x81, 0x8D, 0x8F, 0x90 and 0x9D are undefined, as in Python's cp1252.
        case windows1252
        /// Decoded with glibc's iconv under this name.
        case iconv(String)
    }

    /// Whether the encoding writes ASCII as ASCII. A document whose first bytes read as ASCII
    /// cannot be in an encoding that does not (and the reverse); see `EncodingDetector`.
    enum Layout: Equatable, Sendable {
        case asciiCompatible
        case utf16
        case utf32
        case ebcdic

        /// Bytes per code unit: where a lossy decode resumes after a bad sequence.
        var unitSize: Int {
            switch self {
            case .asciiCompatible, .ebcdic: return 1
            case .utf16: return 2
            case .utf32: return 4
            }
        }
    }

    var decoder: Decoder
    var layout: Layout

    static let utf8 = Charset(decoder: .utf8, layout: .asciiCompatible)
    static let ascii = Charset(decoder: .ascii, layout: .asciiCompatible)
    static let latin1 = Charset(decoder: .latin1, layout: .asciiCompatible)
    static let windows1252 = Charset(decoder: .windows1252, layout: .asciiCompatible)

    static func iconv(_ name: String, _ layout: Layout = .asciiCompatible) -> Charset {
        Charset(decoder: .iconv(name), layout: layout)
    }
}
