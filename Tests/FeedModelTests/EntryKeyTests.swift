import Testing
import FeedModel

/// `Entry.key(feedURL:)`: the identity an entry is deduplicated by, across polls and restarts.
@Suite("Entry.key")
struct EntryKeyTests {
    private let feed = "https://example.org/rss"

    private func entry(id: String? = nil, link: String? = nil, title: String? = nil, published: Timestamp? = nil,
                       updated: Timestamp? = nil, summary: String? = nil) -> Entry {
        var e = Entry()
        e.id = id
        e.link = link
        e.title = title.map { TextConstruct(value: $0) }
        e.published = published
        e.updated = updated
        e.summary = summary.map { TextConstruct(value: $0) }
        return e
    }

    @Test func idComesFirstAndIsTrimmed() {
        #expect(entry(id: "urn:x:1", link: "https://example.org/a").key(feedURL: feed) == "urn:x:1")
        #expect(entry(id: "  urn:x:1 \n", link: "https://example.org/a").key(feedURL: feed) == "urn:x:1")
    }

    @Test func blankIdFallsBackToTheLink() {
        #expect(entry(id: nil, link: "https://example.org/a").key(feedURL: feed) == "https://example.org/a")
        #expect(entry(id: "   ", link: " https://example.org/a\n").key(feedURL: feed) == "https://example.org/a")
        #expect(entry(id: "", link: "https://example.org/a").key(feedURL: feed) == "https://example.org/a")
    }

    @Test func withoutIdOrLinkTheKeyIsAHashOfFeedTitleDateAndSummary() {
        let date = Timestamp(year: 2018, month: 8, day: 8, hour: 10)
        let e = entry(id: " ", link: "\t", title: "Letter from Trump", published: date, summary: "Paul said")
        let key = e.key(feedURL: feed)
        // Pinned: changing the recipe would re-alert every guid-less entry after an upgrade.
        // hashlib.sha256(b'https://example.org/rss\0Letter from Trump\x002018-08-08T10:00:00Z\0Paul said\0')
        #expect(key == "sha256:8eea590c90d6399d6d4ade0a6024e729204c47d14d4f2dd46fed69639fe67da2")
        #expect(e.key(feedURL: feed) == key)
        // hashlib.sha256(b'https://example.org/rss\0\0\0\0')
        #expect(entry().key(feedURL: feed) == "sha256:ce930ee1ae8ba31bb57986786d8073f36438396f0910e832c5a2a3d256a9d1c6")
    }

    @Test func everyIngredientOfTheHashCounts() {
        let date = Timestamp(year: 2018, month: 8, day: 8, hour: 10)
        let base = entry(title: "T", published: date, summary: "S").key(feedURL: feed)
        #expect(entry(title: "T", published: date, summary: "S").key(feedURL: "https://other.example/rss") != base)
        #expect(entry(title: "T2", published: date, summary: "S").key(feedURL: feed) != base)
        #expect(entry(title: "T", published: Timestamp(secondsSince1970: 0), summary: "S").key(feedURL: feed) != base)
        #expect(entry(title: "T", published: date, summary: "S2").key(feedURL: feed) != base)
        #expect(entry(title: "T", published: nil, summary: "S").key(feedURL: feed) != base)
        // The date is published, else updated.
        #expect(entry(title: "T", updated: date, summary: "S").key(feedURL: feed) == base)
        #expect(entry(title: "T", published: date, updated: Timestamp(secondsSince1970: 5), summary: "S").key(feedURL: feed) == base)
        // Parts are separated: moving text between title and summary changes the key.
        #expect(entry(title: "TS", published: date, summary: "").key(feedURL: feed)
            != entry(title: "T", published: date, summary: "S").key(feedURL: feed))
    }
}
