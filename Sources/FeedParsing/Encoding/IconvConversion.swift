import Glibc

/// Conversion to UTF-8 with glibc's iconv, for every encoding not decoded in Swift.
///
/// The whole input is handed to one `iconv` call per 64 KB of output, so multi-byte sequences
/// are never split; the output grows geometrically up to four times the input (any encoding's
/// UTF-8 form fits in three), so a conversion costs linear time and bounded memory.
enum IconvConversion {
    private static let scratchSize = 1 << 16
    private static let replacement: [UInt8] = [0xEF, 0xBF, 0xBD]

    /// Converts `bytes[start..<end]` from `encoding` to UTF-8.
    /// - Parameters:
    ///   - lossy: replace each bad sequence with U+FFFD and go on `layout.unitSize` bytes
    ///     further, instead of failing at the first one.
    /// - Returns: the UTF-8 bytes, or where and why the conversion failed (offsets count from
    ///   the start of `bytes`).
    static func toUTF8(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int? = nil,
                       encoding: String, layout: Charset.Layout, lossy: Bool) -> Result<[UInt8], DecodeFailure> {
        let end = end ?? bytes.count
        guard let cd = iconv_open("UTF-8", encoding), cd != UnsafeMutableRawPointer(bitPattern: -1) else {
            return .failure(.unknownEncoding)
        }
        defer { iconv_close(cd) }
        let total = end - start
        guard total > 0, let base = bytes.baseAddress else { return .success([]) }

        let softCap = 4 * total + 4096
        var out: [UInt8] = []
        switch layout {
        case .asciiCompatible: out.reserveCapacity(total + total / 8 + 64)
        case .utf16, .ebcdic: out.reserveCapacity(total + 64)
        case .utf32: out.reserveCapacity(total / 2 + 64)
        }
        let scratch = UnsafeMutablePointer<CChar>.allocate(capacity: scratchSize)
        defer { scratch.deallocate() }

        func append(_ pointer: UnsafeRawPointer, _ count: Int) {
            guard count > 0 else { return }
            let needed = out.count + count
            if needed > out.capacity {
                var target = min(out.capacity * 2, softCap)
                if target < needed { target = needed + needed / 2 }
                out.reserveCapacity(target)
            }
            out.append(contentsOf: UnsafeRawBufferPointer(start: pointer, count: count))
        }

        var input: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(mutating: base + start)
            .assumingMemoryBound(to: CChar.self)
        var inputLeft = total
        while inputLeft > 0 {
            var output: UnsafeMutablePointer<CChar>? = scratch
            var outputLeft = scratchSize
            let result = iconv(cd, &input, &inputLeft, &output, &outputLeft)
            let error = errno
            append(scratch, scratchSize - outputLeft)
            if result != -1 { continue }
            switch error {
            case E2BIG:
                continue
            case EILSEQ, EINVAL:
                let offset = start + total - inputLeft
                guard lossy else {
                    let reason = error == EILSEQ ? "invalid byte sequence" : "truncated byte sequence at the end"
                    return .failure(DecodeFailure(offset: offset, reason: reason))
                }
                replacement.withUnsafeBytes { append($0.baseAddress!, 3) }
                let skip = min(layout.unitSize, inputLeft)
                input = input.map { $0 + skip }
                inputLeft -= skip
                _ = iconv(cd, nil, nil, nil, nil)
            default:
                return .failure(DecodeFailure(offset: start + total - inputLeft, reason: "iconv failed (errno \(error))"))
            }
        }
        // Let a stateful encoding (ISO-2022-JP…) finish its shift sequence.
        var output: UnsafeMutablePointer<CChar>? = scratch
        var outputLeft = scratchSize
        _ = iconv(cd, nil, nil, &output, &outputLeft)
        append(scratch, scratchSize - outputLeft)
        return .success(out)
    }
}
