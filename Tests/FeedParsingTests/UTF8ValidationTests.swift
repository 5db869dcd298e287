import Testing
@testable import FeedParsing

/// The validator skips ASCII in blocks; a bad byte is found at its exact offset wherever it
/// falls in or across a block.
struct UTF8ValidationTests {
    private func firstInvalid(_ bytes: [UInt8]) -> Int? {
        bytes.withUnsafeBufferPointer { UTF8Validation.firstInvalidUTF8($0) }
    }

    @Test func aBadByteIsFoundAtEveryOffset() {
        for offset in 0..<100 {
            var bytes = [UInt8](repeating: UInt8(ascii: "a"), count: 100)
            bytes[offset] = 0xFF
            #expect(firstInvalid(bytes) == offset, "offset \(offset)")
            var second = [UInt8](repeating: UInt8(ascii: "a"), count: 100)
            second[offset] = 0xC3  // a lead byte whose continuation is missing
            #expect(firstInvalid(second) == offset, "lead at \(offset)")
        }
    }

    @Test func validMultiByteTextAtEveryOffsetPasses() {
        for offset in 0..<70 {
            var bytes = [UInt8](repeating: UInt8(ascii: "a"), count: offset)
            bytes += Array("€ — 北京 😀".utf8)
            bytes += [UInt8](repeating: UInt8(ascii: "b"), count: 40)
            #expect(firstInvalid(bytes) == nil, "offset \(offset)")
        }
    }

    @Test func overlongSurrogateAndTruncatedFormsAreInvalid() {
        let pad = [UInt8](repeating: UInt8(ascii: "x"), count: 33)
        #expect(firstInvalid(pad + [0xC0, 0xAF]) == 33)          // overlong "/"
        #expect(firstInvalid(pad + [0xED, 0xA0, 0x80]) == 33)    // a UTF-16 surrogate
        #expect(firstInvalid(pad + [0xF4, 0x90, 0x80, 0x80]) == 33)  // above U+10FFFF
        #expect(firstInvalid(pad + [0xE2, 0x82]) == 33)          // cut short at the end
    }
}

extension UTF8ValidationTests {
    /// ASCII that ends exactly where a 32-byte block does (the validator once read past the end there).
    @Test func asciiEndingOnABlockBoundaryIsValid() {
        for length in [0, 8, 31, 32, 33, 64, 96, 128, 129] {
            #expect(firstInvalid([UInt8](repeating: UInt8(ascii: "<"), count: length)) == nil, "length \(length)")
        }
        #expect(firstInvalid([UInt8](repeating: UInt8(ascii: "a"), count: 64) + [0xFF]) == 64)
    }
}
