import Testing
@testable import Store

struct LinkSetTests {
    @Test func storedAndReadBackTheSameWithAStableHash() {
        let set = LinkSet(links: ["http://a.example/1", "http://a.example/2", "http://a.example/1"])
        #expect(set.hashes.count == 2)
        #expect(LinkSet(stored: set.stored) == set)
        #expect(LinkSet.hash("a") == 0xaf63_dc4c_8601_ec8c, "FNV-1a 64: the same in every process")
        #expect(set.overlap(["http://a.example/2", "http://b.example/", "http://a.example/1"]) == 2)
        #expect(LinkSet(links: [String]()).stored == nil)
        #expect(LinkSet(stored: "zz 1f").hashes == [0x1f], "a damaged word is skipped")
        #expect(LinkSet(links: (0..<1000).map { "http://x/\($0)" }).hashes.count == LinkSet.limit)
    }
}
