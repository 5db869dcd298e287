import Testing
@testable import FeedParsing

/// `UTF8String.make` skips the standard library's own check, so it must give exactly what
/// `String(decoding:as:)` gives for any bytes at all: the same code units, the same repairs, and
/// the same answers from views that trust the string's "all ASCII" flag (UTF-16 counts, indices).
struct UTF8StringTests {
    private func both(_ bytes: [UInt8]) -> (made: String, reference: String) {
        (bytes.withUnsafeBufferPointer { UTF8String.make($0) }, String(decoding: bytes, as: UTF8.self))
    }

    private func expectSame(_ bytes: [UInt8], _ comment: Comment? = nil) {
        let (made, reference) = both(bytes)
        #expect(Array(made.utf8) == Array(reference.utf8), comment)
        #expect(made == reference, comment)
        #expect(made.utf16.count == reference.utf16.count, comment)
        #expect(made.count == reference.count, comment)
        #expect(made.unicodeScalars.map(\.value) == reference.unicodeScalars.map(\.value), comment)
    }

    @Test func asciiSmallAndLarge() {
        expectSame([])
        expectSame(Array("short".utf8))
        expectSame(Array(String(repeating: "plain ASCII text, ", count: 20).utf8))
    }

    @Test func nonASCIIIsKeptAndCountedAsSuch() {
        // "’" is three bytes and one UTF-16 unit: a string wrongly flagged ASCII would count 3.
        let text = "Putin’s letter — " + String(repeating: "and more text ", count: 10) + "é"
        let made = Array(text.utf8).withUnsafeBufferPointer { UTF8String.make($0) }
        #expect(made == text)
        #expect(made.utf16.count == text.utf16.count)
        #expect(made.utf16.count < made.utf8.count)
        expectSame(Array("né".utf8))
        expectSame(Array("😀 emoji beyond the BMP".utf8))
    }

    @Test func brokenBytesAreRepairedAsTheStandardLibraryRepairsThem() {
        expectSame([0x61, 0xFF, 0x62])                          // a byte UTF-8 never has
        expectSame(Array("long enough to be a heap string ".utf8) + [0xE2, 0x80])  // cut at the end
        expectSame([0xED, 0xA0, 0x80] + Array(" a surrogate, encoded".utf8))
        expectSame([0xC0, 0xAF] + Array(" an overlong slash".utf8))
        expectSame([0xF4, 0x90, 0x80, 0x80] + Array(" above U+10FFFF".utf8))
        expectSame(Array("ASCII then ".utf8) + [0x80] + Array(" a lone continuation".utf8))
    }

    @Test func randomBytesAgreeWithTheStandardLibrary() {
        // Mostly ASCII with valid and broken sequences sprinkled in, as damaged feeds are.
        var generator = SplitMix64(seed: 0x5EED)
        let pieces: [[UInt8]] = [[0x61], [0x20], [0xC3, 0xA9], [0xE2, 0x80, 0x99], [0xF0, 0x9F, 0x98, 0x80],
                                 [0xFF], [0x80], [0xE2, 0x80], [0xED, 0xA0, 0x80], [0xC0, 0x80], [0xF4, 0x90, 0x80, 0x80]]
        for round in 0..<2_000 {
            var bytes: [UInt8] = []
            for _ in 0..<Int(generator.next() % 80) {
                let r = Int(generator.next() % 100)
                bytes += r < 80 ? pieces[0] : pieces[1 + (r - 80) % (pieces.count - 1)]
            }
            expectSame(bytes, "round \(round): \(bytes)")
        }
    }
}

/// A small seeded generator, so a failing round can be replayed.
private struct SplitMix64 {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
