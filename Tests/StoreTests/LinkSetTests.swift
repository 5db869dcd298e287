import Testing
@testable import Store

struct LinkSetTests {
    @Test func storedAndReadBackTheSameWithAStableHash() {
        let set = LinkSet(links: ["http://a.example/1", "http://a.example/2", "http://a.example/1"])
        #expect(set.hashes.count == 2)
        #expect(LinkSet(stored: set.stored) == set)
        #expect(LinkSet.hash("a") == 0x82a2_a958_a9be_ce5b, "FNV-1a 64 and fmix64 (checked in Python): the same in every process")
        #expect(set.overlap(["http://a.example/2", "http://b.example/", "http://a.example/1", "http://a.example/1"]) == (2, 3),
                "distinct links")
        #expect(LinkSet(links: [String]()).stored == nil)
        #expect(LinkSet(stored: [0, 0x1f, 0, 0, 0, 0, 0, 0, 0, 0xff]).hashes == [0x1f], "a trailing part word is dropped")
        #expect(LinkSet(stored: []).isEmpty)
    }

    @Test func trackingParametersAndFragmentsDoNotMakeALinkNew() {
        #expect(LinkSet.canonical("http://a.example/p?id=7&utm_source=rss&fbclid=x#top") == "http://a.example/p?id=7")
        #expect(LinkSet.canonical("http://a.example/p?utm_campaign=1") == "http://a.example/p")
        #expect(LinkSet.canonical("http://a.example/p") == "http://a.example/p")
        let set = LinkSet(links: ["http://a.example/p?id=7&utm_source=feed1"])
        #expect(set.overlap(["http://a.example/p?id=7&utm_source=feed2"]) == (1, 1))
        #expect(set.overlap(["http://a.example/p?id=8"]) == (0, 1))
    }

    @Test func aBigFeedKeepsASampleThatStillTellsReKeyedFromNew() {
        let links = (0..<1000).map { "http://x.example/\($0)" }
        let set = LinkSet(links: links)
        #expect(set.hashes.count == LinkSet.limit)
        #expect(LinkSet(stored: set.stored) == set, "the cutoff is stored too")
        // The same 1,000 links in another order: every sampled one is found again.
        let same = set.overlap(links.reversed())
        #expect(same.seen == same.compared && same.compared >= LinkSet.limit)
        // 1,000 new links: about a quarter fall in the sample's range, none found.
        let fresh = set.overlap((1000..<2000).map { "http://x.example/\($0)" })
        #expect(fresh.seen == 0 && fresh.compared > 100)
    }
}
