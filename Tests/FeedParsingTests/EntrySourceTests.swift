import FeedModel
import Testing
@testable import FeedParsing

/// An entry's `source`: the outlet an aggregator took the story from (RSS and Atom).
extension FeedParserFormatsTests {

    @Test func rssSourceNamesTheOutletAndItsFeed() {
        // The shape of a Google News item.
        let feed = parse("""
            <rss version="2.0"><channel><title>Google News</title>
            <item><title>Putin meets envoy - Reuters</title><link>https://news.example/a</link>
            <source url="/reuters.rss">Reuters</source></item>
            <item><title>No source</title><source url=""></source></item>
            </channel></rss>
            """, url: "https://news.example/rss")
        let source = feed.entries[0].source
        #expect(source?.title?.value == "Reuters")
        #expect(source?.href == "https://news.example/reuters.rss", "resolved against the document")
        #expect(feed.entries[0].title?.value == "Putin meets envoy - Reuters")
        #expect(feed.entries[1].source == nil, "an empty source is no source")
        #expect(feed.feed.title?.value == "Google News")
        let json = feed.entries[0].json.serialized()
        #expect(json.contains("\"source\":{\"title\":\"Reuters\""), "\(json)")
        #expect(json.contains("\"href\":\"https://news.example/reuters.rss\""), "\(json)")
    }

    @Test func atomSourceIsReadAsAFeedAndLeavesTheEntryAndFeedAlone() {
        let feed = parse("""
            <feed xmlns="http://www.w3.org/2005/Atom"><title>Planet</title><id>urn:planet</id>
            <link rel="alternate" href="http://planet.example/"/>
            <entry><id>urn:entry</id>
              <source><id>urn:original</id><title type="html">Original &lt;b&gt;blog&lt;/b&gt;</title>
                <link rel="alternate" href="http://blog.example/"/><updated>2003-12-31T10:14:55Z</updated>
                <author><name>Blogger</name><email>b@blog.example</email></author>
                <contributor><name>Helper</name></contributor>
                <category term="politics"/></source>
              <title>Sanctions widened</title><link rel="alternate" href="http://blog.example/post"/>
              <author><name>Post author</name></author>
            </entry>
            <entry><id>urn:second</id><title>Second</title></entry></feed>
            """)
        #expect(feed.entries.count == 2)
        let entry = feed.entries[0]
        #expect(entry.id == "urn:entry")
        #expect(entry.title?.value == "Sanctions widened")
        #expect(entry.link == "http://blog.example/post")
        #expect(entry.authors.map(\.name) == ["Post author"])
        #expect(entry.tags.isEmpty, "the source's category is the source's")
        let source = entry.source
        #expect(source?.id == "urn:original")
        #expect(source?.title?.value == "Original <b>blog</b>")
        #expect(source?.title?.type == "text/html")
        #expect(source?.link == "http://blog.example/")
        #expect(source?.updated?.rfc3339 == "2003-12-31T10:14:55Z")
        #expect(source?.authors.first?.email == "b@blog.example")
        #expect(source?.contributors.map(\.name) == ["Helper"])
        #expect(source?.tags.map(\.term) == ["politics"])
        // The feed's own metadata is untouched, and the next entry has no source.
        #expect(feed.feed.id == "urn:planet")
        #expect(feed.feed.title?.value == "Planet")
        #expect(feed.feed.link == "http://planet.example/")
        #expect(feed.feed.authors.isEmpty)
        #expect(feed.entries[1].source == nil)
    }

    @Test func aDocumentCutInsideASourceKeepsItsEntry() {
        let feed = parse("""
            <feed xmlns="http://www.w3.org/2005/Atom"><title>Cut</title>
            <entry><id>urn:a</id><title>Kept</title><source><title>Orig</title>
            """)
        #expect(feed.bozo)
        #expect(feed.entries.map(\.id) == ["urn:a"])
        #expect(feed.entries.first?.source?.title?.value == "Orig")
        #expect(feed.feed.title?.value == "Cut")
    }

    @Test func contributorsAreKeptForFeedsAndEntries() {
        let feed = parse("""
            <feed xmlns="http://www.w3.org/2005/Atom"><contributor><name>Feed helper</name><uri>/me</uri></contributor>
            <entry><id>urn:a</id><contributor><name>One</name><email>one@one.example</email></contributor>
            <contributor><name>Two</name></contributor></entry></feed>
            """, url: "http://x.example/feed")
        #expect(feed.feed.contributors.map(\.href) == ["http://x.example/me"])
        #expect(feed.entries[0].contributors.map(\.name) == ["One", "Two"])
        #expect(feed.entries[0].authors.isEmpty, "a contributor is not an author")
        #expect(feed.entries[0].json.serialized().contains("\"contributors\":[{\"name\":\"One\",\"email\":\"one@one.example\"}"))
        let rss = parse("""
            <rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel><dc:contributor>Desk</dc:contributor>
            <item><dc:creator>Writer</dc:creator><dc:contributor>Fact checker (fc@x.example)</dc:contributor></item></channel></rss>
            """)
        #expect(rss.feed.contributors.map(\.name) == ["Desk"])
        #expect(rss.entries[0].contributors.map(\.email) == ["fc@x.example"])
        #expect(rss.entries[0].authors.map(\.name) == ["Writer"])
    }

    @Test func aSourceInsideAnAuthorDoesNotCostTheAuthor() {
        let feed = parse("""
            <feed xmlns="http://www.w3.org/2005/Atom"><entry><id>urn:a</id>
            <author><name>A</name><source><author><name>B</name></author></source></author></entry></feed>
            """)
        #expect(feed.entries.map { $0.authors.map(\.name) } == [["A"]])
        #expect(feed.entries.first?.source == nil)
    }
}
