/// ISO-8859-1 and Windows-1252 decoded in Swift: the two fallbacks every non-UTF-8 feed may
/// end up in, so they work without glibc's conversion modules, in one exact-size allocation.
enum SingleByteDecoding {
    /// Windows-1252's 0x80–0x9F; 0 marks the five bytes Python's cp1252 leaves undefined.
    private static let windows1252High: [UInt16] = [
        0x20AC, 0, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0, 0x017D, 0,
        0, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0, 0x017E, 0x0178,
    ]

    /// Every byte is the code point of the same value; never fails.
    static func latin1(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> [UInt8] {
        decode(bytes, from: start) { UInt32($0) }!
    }

    /// Windows-1252; a failure at the first undefined byte.
    static func windows1252(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Result<[UInt8], DecodeFailure> {
        var bad: Int?
        let table = windows1252High
        if let out = decode(bytes, from: start, failure: &bad, { byte in
            if byte < 0x80 || byte >= 0xA0 { return UInt32(byte) }
            let scalar = table[Int(byte - 0x80)]
            return scalar == 0 ? nil : UInt32(scalar)
        }) {
            return .success(out)
        }
        return .failure(DecodeFailure(offset: bad ?? start, reason: "byte undefined in windows-1252"))
    }

    private static func decode(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int, _ map: (UInt8) -> UInt32?) -> [UInt8]? {
        var ignored: Int?
        return decode(bytes, from: start, failure: &ignored, map)
    }

    /// Two passes: size the output exactly (and find the first undefined byte), then write it.
    private static func decode(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int, failure: inout Int?,
                               _ map: (UInt8) -> UInt32?) -> [UInt8]? {
        let n = bytes.count
        var size = 0
        var i = start
        // Length of each byte's UTF-8 form, computed once per byte value.
        var lengths = [Int](repeating: 0, count: 256)
        var scalars = [UInt32](repeating: 0, count: 256)
        for value in 0..<256 {
            if let scalar = map(UInt8(value)) {
                scalars[value] = scalar
                lengths[value] = scalar < 0x80 ? 1 : scalar < 0x800 ? 2 : 3
            }
        }
        while i < n {
            let length = lengths[Int(bytes[i])]
            if length == 0 { failure = i; return nil }
            size += length
            i += 1
        }
        return [UInt8](unsafeUninitializedCapacity: size) { out, initialized in
            var o = 0
            for k in start..<n {
                let scalar = scalars[Int(bytes[k])]
                switch lengths[Int(bytes[k])] {
                case 1:
                    out[o] = UInt8(scalar); o += 1
                case 2:
                    out[o] = UInt8(0xC0 | (scalar >> 6)); out[o + 1] = UInt8(0x80 | (scalar & 0x3F)); o += 2
                default:
                    out[o] = UInt8(0xE0 | (scalar >> 12)); out[o + 1] = UInt8(0x80 | ((scalar >> 6) & 0x3F))
                    out[o + 2] = UInt8(0x80 | (scalar & 0x3F)); o += 3
                }
            }
            initialized = o
        }
    }
}
