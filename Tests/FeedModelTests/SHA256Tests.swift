import Testing
import FeedModel

/// `SHA256` against FIPS 180-4 / NIST example vectors, padding boundaries, and digests of
/// longer inputs computed with Python's `hashlib`.
@Suite("SHA256")
struct SHA256Tests {
    private static func hex(_ bytes: [UInt8]) -> String {
        bytes.map { b in (b < 16 ? "0" : "") + String(b, radix: 16) }.joined()
    }

    private static func digest(_ bytes: [UInt8]) -> String {
        var h = SHA256()
        h.update(bytes)
        return hex(h.finalize())
    }

    @Test("NIST vectors", arguments: [
        ("", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
        ("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
        ("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq",
         "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"),
        ("abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmnoijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu",
         "cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1"),
    ])
    func nistVectors(message: String, expected: String) {
        #expect(Self.digest(Array(message.utf8)) == expected)
        var h = SHA256()
        h.update(message)
        #expect(Self.hex(h.finalize()) == expected)
    }

    @Test("Lengths around the 56- and 64-byte padding boundaries (hashlib)", arguments: [
        (55, "d5e285683cd4efc02d021a5c62014694958901005d6f71e89e0989fac77e4072"),
        (56, "04c26261370ee7541549d16dee320c723e3fd14671e66a099afe0a377c16888e"),
        (63, "75220b47218278e656f2013bb8f0c455a25eaf01e86c64924e9d48d89776d6f2"),
        (64, "7ce100971f64e7001e8fe5a51973ecdfe1ced42befe7ee8d5fd6219506b5393c"),
        (65, "9537c5fdf120482f7d58d25e9ed583f52c02b4e304ea814db1633ad565aed7e9"),
    ])
    func paddingBoundaries(count: Int, expected: String) {
        #expect(Self.digest([UInt8](repeating: UInt8(ascii: "x"), count: count)) == expected)
    }

    @Test func tenThousandBytes() {
        // hashlib.sha256(b'a' * 10000) and hashlib.sha256(bytes(i % 256 for i in range(10000)))
        #expect(Self.digest([UInt8](repeating: UInt8(ascii: "a"), count: 10_000))
            == "27dd1f61b867b6a0f6e9d8a41c43231de52107e53ae424de8f847b821db4b711")
        #expect(Self.digest((0..<10_000).map { UInt8($0 % 256) })
            == "3421d9aa928a94decb191ab8e8b76c1d8434bf602c5b3ba10ad42f54c8199c34")
    }

    @Test func incrementalUpdatesEqualOneUpdate() {
        let bytes = (0..<10_000).map { UInt8($0 % 256) }
        for chunk in [1, 7, 63, 64, 65, 1000] {
            var h = SHA256()
            var i = 0
            while i < bytes.count {
                h.update(bytes[i..<min(i + chunk, bytes.count)])
                i += chunk
            }
            #expect(Self.hex(h.finalize()) == "3421d9aa928a94decb191ab8e8b76c1d8434bf602c5b3ba10ad42f54c8199c34", "chunk \(chunk)")
        }
    }

    @Test func stringsAreHashedAsUTF8() {
        var h = SHA256()
        h.update("Müller")
        #expect(Self.hex(h.finalize()) == "a78429899bb825ce667d25d92e2cde488f8a7d6871bb2be7365601cad6b0a8f2")
    }

    @Test func hexTerminatesEachPartWithNUL() {
        // hashlib.sha256(b'abc\0') and hashlib.sha256(b'ab\0c\0')
        #expect(SHA256.hex("abc") == "dc1114cd074914bd872cc1f9a23ec910ea2203bc79779ab2e17da25782a624fc")
        #expect(SHA256.hex("ab", "c") == "629c2f14f654f026086f2aefe1855533d0897f49df86a19073be17b237361b09")
        #expect(SHA256.hex("ab", "c") != SHA256.hex("a", "bc"))
        #expect(SHA256.hex("abc") != SHA256.hex("ab", "c"))
        #expect(SHA256.hex().count == 64)
        #expect(SHA256.hex("x").allSatisfy { "0123456789abcdef".contains($0) })
    }
}
