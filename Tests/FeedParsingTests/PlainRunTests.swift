import Testing
@testable import FeedParsing

/// `HTMLToTextScanner.plainRunEnd` reads eight bytes at a time; it must stop exactly where the
/// byte-by-byte rule stops, wherever the stopping byte falls in a word.
struct PlainRunTests {
    /// The rule, one byte at a time (the scanner's loop before it read words).
    private func reference(_ bytes: [UInt8], from start: Int) -> Int {
        func plain(_ b: UInt8) -> Bool { b > 0x20 && b < 0x7F && b != UInt8(ascii: "<") && b != UInt8(ascii: "&") }
        var j = start
        while j < bytes.count {
            if plain(bytes[j]) {
                j += 1
            } else if bytes[j] == 0x20, j + 1 < bytes.count, plain(bytes[j + 1]) {
                j += 2
            } else {
                break
            }
        }
        return j
    }

    private func runEnd(_ bytes: [UInt8], from start: Int) -> Int {
        bytes.withUnsafeBufferPointer { HTMLToTextScanner.plainRunEnd($0, from: start) }
    }

    @Test func everyStopAtEveryOffset() {
        let stops: [[UInt8]] = [[0x3C], [0x26], [0x0A], [0x09], [0x00], [0x7F], [0x20, 0x20], [0x20, 0x3C],
                                [0x20, 0x0A], [0xC3, 0xA9], [0xE2, 0x80, 0x99], [0xFF], [0x20]]
        for stop in stops {
            for offset in 0..<40 {
                let bytes = [UInt8](repeating: UInt8(ascii: "w"), count: offset) + stop + Array("tail words here".utf8)
                for start in [0, 1, 7, 8].filter({ $0 <= offset }) {
                    #expect(runEnd(bytes, from: start) == reference(bytes, from: start), "stop \(stop) at \(offset) from \(start)")
                }
            }
        }
    }

    @Test func singleSpacesBetweenWordsDoNotStopTheRun() {
        let text = Array("Putin wrote to the Security Council about sanctions on Syria.".utf8)
        #expect(runEnd(text, from: 1) == text.count)
        #expect(runEnd(text + [0x20], from: 1) == text.count)  // a trailing space is not the run's
    }

    @Test func randomTextAgreesWithTheByteRule() {
        var state: UInt64 = 0xFEED
        func next() -> UInt64 {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return state >> 33
        }
        let alphabet: [UInt8] = Array("abcXYZ019.,;:!?'\"()-/=".utf8) + [0x20, 0x20, 0x20, 0x3C, 0x26, 0x0A, 0x09, 0x7F, 0x80, 0xC3, 0xFF, 0x5F, 0xA1, 0xE2]
        for round in 0..<3_000 {
            let count = Int(next() % 70)
            let bytes = (0..<count).map { _ -> UInt8 in
                // Mostly letters and single spaces, as prose is; the rest now and then.
                let r = next() % 100
                return r < 75 ? UInt8(ascii: "a") + UInt8(r % 26) : r < 88 ? 0x20 : alphabet[Int(next() % UInt64(alphabet.count))]
            }
            for start in 0...min(count, 9) {
                #expect(runEnd(bytes, from: start) == reference(bytes, from: start), "round \(round) from \(start): \(bytes)")
            }
        }
    }
}
