import FeedModel
import Testing
@testable import FeedParsing

/// A feed can write `javascript:` anywhere a link goes; feedwatch hands such a link to nobody
/// (alerts, hooks, `parse --json`), and an xml:base cannot turn relative links into scripts.
extension FeedParserFormatsTests {

    @Test func scriptURLsAreNeverLinks() {
        let feed = parse("""
            <rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom" xmlns:media="http://search.yahoo.com/mrss/">
            <channel><title>T</title><link>javascript:alert('channel')</link>
            <item><title>a</title><link>javascript:alert(1)</link></item>
            <item><title>b</title><link> JaVa&#x09;ScRiPt:alert(2)</link><guid>javascript://%0aalert(3)</guid></item>
            <item><title>c</title><enclosure url="data:text/html;base64,PHNjcmlwdD4=" type="text/html"/>
              <atom:link rel="alternate" href="vbscript:msgbox(1)"/>
              <media:content url="data:image/png;base64,AA=="/><media:thumbnail url="javascript:x"/>
              <source url="javascript:alert(4)">Outlet</source></item>
            <item><title>d</title><link>/ok</link><comments>javascript:alert(5)</comments></item>
            </channel></rss>
            """, url: "http://news.example/feed")
        #expect(feed.feed.link == nil)
        #expect(feed.entries[0].link == nil)
        #expect(feed.entries[1].link == nil, "tabs inside the scheme and leading spaces do not hide it")
        #expect(feed.entries[1].guidIsLink == false, "a javascript:// guid is no permalink")
        let c = feed.entries[2]
        #expect(c.link == nil && c.links.isEmpty && c.enclosures.isEmpty)
        #expect(c.mediaContent.isEmpty && c.mediaThumbnails.isEmpty)
        #expect(c.source?.href == nil && c.source?.title?.value == "Outlet")
        #expect(feed.entries[3].link == "http://news.example/ok", "other links are untouched")
        #expect(feed.entries[3].extra.comments == nil)
        let json = feed.json.serialized().lowercased()
        #expect(!json.contains("vbscript:") && !json.contains("data:") && !json.contains("javascript:alert"), "\(json)")
        #expect(feed.entries[1].id == "javascript://%0aalert(3)", "an id is a name, not a link: kept")
    }

    @Test func anXMLBaseThatIsAScriptIsIgnoredAndAnEmptyAuthorityIsRepaired() {
        let feed = parse("""
            <feed xmlns="http://www.w3.org/2005/Atom">
            <entry xml:base="http://example.com/">
              <title xml:base="javascript:alert('unsafe')//">Unsafe base</title>
              <link xml:base="javascript:alert('unsafe')//" href="x"/></entry>
            <entry xml:base="http://example.com/">
              <title xml:base="http:///example.com/test/">Malformed base</title>
              <link xml:base="http:///example.com/test/" href="page"/></entry>
            </feed>
            """, url: "http://feed.example/atom")
        #expect(feed.entries[0].title?.base == "http://example.com/", "the entry's base, not the script")
        #expect(feed.entries[0].link == "http://example.com/x")
        #expect(feed.entries[1].title?.base == "http://example.com/test/")
        #expect(feed.entries[1].link == "http://example.com/test/page")
    }

    @Test func onlyAScriptSchemeIsAScript() {
        for url in ["javascript:x", "JAVASCRIPT:x", " \u{01}javascript:x", "java\nscript:x", "vbscript:x", "data:,x", "livescript:x"] {
            #expect(URLResolver.isScript(url), "\(url)")
        }
        for url in ["http://x/javascript:y", "javascript", "/javascript:x", "tag:example.com,2004:x", "mailto:a@b",
                    "https://example.com/data:x", "datafile:x", ""] {
            #expect(!URLResolver.isScript(url), "\(url)")
        }
    }
}
