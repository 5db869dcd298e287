import FeedModel
import Testing
@testable import FeedParsing

/// What an element holds stays its own: the containers this session started to read (an
/// iTunes owner, a licence, a text input, a redirect, an image), Atom's `item`, and unknown
/// containers. From the review of the session's parser changes.
extension FeedParserFormatsTests {

    @Test func atomItemsAreEntriesAndCloseAsEntries() {
        let feed = parse("""
            <feed xmlns="http://www.w3.org/2005/Atom">
            <item><title>A</title></item>
            <item><title>B</title></item>
            <subtitle>Feed subtitle</subtitle>
            <entry><title>C</title><item><title>nested</title></item></entry>
            </feed>
            """)
        #expect(feed.entries.map { $0.title?.value } == ["A", "B", "C"])
        #expect(feed.feed.subtitle?.value == "Feed subtitle")
    }

    @Test func containersReadForOnePartKeepTheRestToThemselves() {
        let feed = parse("""
            <rss version="2.0" xmlns:cc="http://web.resource.org/cc/" xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"
                 xmlns:itunes="http://www.itunes.com/dtds/podcast-1.0.dtd" xmlns:dc="http://purl.org/dc/elements/1.1/">
            <redirect><newLocation>http://example/new</newLocation><pubDate>Mon, 01 Jan 2001 00:00:00 GMT</pubDate></redirect>
            <channel><title>Channel</title><link>http://example.org/</link><language>en</language>
            <textInput><title>Search</title><language>xx</language><dc:date>2001-01-01T00:00:00Z</dc:date>
              <category>not-a-tag</category><name>q</name></textInput>
            <itunes:owner><itunes:name>Owner</itunes:name><link>http://evil.example/owner</link></itunes:owner>
            <cloud domain="rpc.example" port="80"><link>http://evil.example/cloud</link></cloud>
            <item><title>Item</title>
              <cc:license rdf:resource="http://creativecommons.org/licenses/by/4.0/"><link>http://evil.example/licence</link>
                <pubDate>Mon, 01 Jan 2001 00:00:00 GMT</pubDate></cc:license></item>
            <item><title>Episode</title><itunes:owner><itunes:email>o@example.org</itunes:email>
              <link>http://evil.example/episode</link></itunes:owner></item>
            </channel></rss>
            """)
        let info = feed.feed
        #expect(info.title?.value == "Channel")
        #expect(info.link == "http://example.org/")
        #expect(info.language == "en")
        #expect(info.updated == nil && info.published == nil, "no date of the redirect's or the text input's")
        #expect(info.tags.isEmpty)
        #expect(info.extra.newLocation == "http://example/new")
        #expect(info.extra.textInput?.name == "q")
        #expect(info.extra.publisher?.name == "Owner")
        #expect(!info.links.contains { $0.href.contains("evil") })
        let item = feed.entries[0]
        #expect(item.link == nil, "the licence's <link> is not the item's")
        #expect(item.published == nil)
        #expect(item.links == [Link(rel: "license", href: "http://creativecommons.org/licenses/by/4.0/")])
        #expect(feed.entries[1].link == nil, "the owner's <link> is not the episode's")
        #expect(feed.entries[1].extra.publisher?.email == "o@example.org")
    }

    @Test func anImageInMixedCaseEndsAndLeavesTheItemsAlone() {
        let feed = parse("""
            <rss version="2.0"><channel><title>T</title>
            <Image><Title>Logo</Title><URL>http://example.org/logo.png</URL></Image>
            <item><title>One</title><link>http://example.org/1</link><description>First</description></item>
            </channel></rss>
            """)
        #expect(feed.feed.image?.title == "Logo")
        #expect(feed.entries.first?.title?.value == "One")
        #expect(feed.entries.first?.link == "http://example.org/1")
        #expect(feed.entries.first?.summary?.value == "First")
    }

    @Test func anUnknownContainersTextIsNotGathered() {
        // Its children's text, past the field limit, used to be gathered and cut (bozo).
        let long = String(repeating: "x", count: 500)
        let feed = FeedParser(maxFieldBytes: 64).parse(Array("""
            <rss version="2.0" xmlns:x="http://x.test/"><channel><item><title>t</title>
            <x:wrap><x:part>\(long)</x:part><x:part>\(long)</x:part></x:wrap><x:leaf>kept</x:leaf></item></channel></rss>
            """.utf8))
        #expect(!feed.bozo, "\(feed.bozoException ?? "")")
        #expect(feed.entries[0].extra.elements == [ExtraFields.Element(key: "x_leaf", value: .string("kept"))])
    }

    @Test func extensionElementsNeverCarryScriptsOrTwoValuesForAKey() {
        let feed = parse("""
            <rss version="2.0" xmlns:feedburner="http://rssnamespace.org/feedburner/ext/1.0" xmlns:x="http://x.test/"
                 xmlns:y="http://y.test/">
            <channel><generator/><item><title>t</title><logo>http://example.org/entry-logo.png</logo>
              <feedburner:origLink>javascript:alert(1)</feedburner:origLink>
              <x:a A="1" a="2" y:a="3" content="attribute" href="javascript:x">text</x:a></item></channel></rss>
            """)
        let extra = feed.entries[0].extra
        #expect(!extra.elements.contains { $0.key == "feedburner_origlink" })
        #expect(extra.elements.first { $0.key == "x_a" }?.value
                == .object([("a", .string("1")), ("content", .string("attribute"))]), "A, a and y:a are one key: the first wins")
        #expect(feed.feed.extra.generator == nil, "an empty generator names nothing")
        #expect(feed.feed.extra.logo == nil, "an entry's logo is not the feed's")
    }

    @Test func aHostileBaseCannotBlowUpTheRelativeURLs() {
        let base = "http://example.com/" + String(repeating: "d/", count: 2000)
        let html = String(repeating: "<a href=x>.</a>", count: 5000)
        let resolved = HTMLRelativeURLs.resolve(html, base: base)
        #expect(resolved.utf8.count <= 2 * html.utf8.count + 65_536)
        #expect(resolved.hasPrefix("<a href=\"" + base + "x\">"), "the first links are still resolved")
        #expect(resolved.hasSuffix("<a href=x>.</a>"), "the rest is left as written")
    }
}
