import FeedModel
import Testing
import TestSupport
@testable import FeedParsing

struct FeedParserTests {
    func parse(_ xml: String, url: String? = nil) -> ParsedFeed {
        FeedParser().parse(Array(xml.utf8), documentURL: url)
    }

    @Test func sampleRSS20() throws {
        let feed = FeedParser().parse(try TestPaths.sampleBytes("world-news.rss.xml"), documentURL: "https://news.example.org/world/rss.xml")
        #expect(feed.version == .rss20)
        #expect(!feed.bozo)
        #expect(feed.feed.title?.value == "World News & Politics (sample)")
        #expect(feed.feed.link == "https://news.example.org/world/")
        #expect(feed.feed.language == "en")
        #expect(feed.entries.count == 4)
        let letter = feed.entries[0]
        #expect(letter.id == "world-2018-08-08-letter")
        #expect(letter.link == "https://news.example.org/world/2018/08/08/senator-delivers-letter-to-putin")
        #expect(letter.published?.rfc3339 == "2018-08-08T10:00:00Z")
        #expect(letter.authors.first?.name == "Vanessa Coleman")
        #expect(letter.tags.map(\.term) == ["Politics"])
        #expect(letter.summary?.type == "text/html")
        #expect(letter.content.first?.value.contains("<p>According to Russian state news agency RIA Novosti") == true)
        // Entities inside an escaped description arrive as text for HTMLText to decode.
        #expect(feed.entries[1].summary?.value.contains("M&uuml;ller") == true)
        // A guid without isPermaLink="false" that is a URL doubles as the link.
        #expect(feed.entries[1].id == "https://news.example.org/sport/2018/08/07/mueller-bayern-dortmund")
        #expect(feed.entries[1].published?.rfc3339 == "2018-08-07T19:15:00Z")
    }

    @Test func sampleAtom10() throws {
        let feed = FeedParser().parse(try TestPaths.sampleBytes("europe-desk.atom.xml"), documentURL: "https://europe.example.net/feed.atom")
        #expect(feed.version == .atom10)
        #expect(!feed.bozo)
        #expect(feed.feed.title?.value == "Europe Desk (sample)")
        #expect(feed.feed.subtitle?.type == "text/html")
        #expect(feed.feed.subtitle?.value == "Politics &amp; economy from Brussels")
        #expect(feed.feed.link == "https://europe.example.net/")
        #expect(feed.feed.authors.first == Person(name: "Europe Desk", email: "desk@europe.example.net"))
        #expect(feed.feed.language == "en")
        #expect(feed.entries.count == 3)
        let eu = feed.entries[0]
        // xml:base resolves relative links.
        #expect(eu.link == "https://europe.example.net/2018/08/09/eu-extends-sanctions")
        #expect(eu.published?.rfc3339 == "2018-08-09T05:30:00Z")
        #expect(eu.updated?.rfc3339 == "2018-08-09T05:45:00Z")
        #expect(eu.title?.value == "EU extends economic sanctions on Russia over Ukraine&nbsp;conflict")
        let content = try #require(eu.content.first)
        #expect(content.type == "application/xhtml+xml")
        #expect(content.value.hasPrefix("<p>EU governments agreed"))
        #expect(content.value.contains("<b>sanctions</b>"))
        #expect(!content.value.contains("<div"))
        #expect(eu.tags.map(\.term) == ["economy"])
        #expect(eu.authors.first?.name == "Anna Schmidt")
    }

    @Test func rss10AndRSS090AreToldApartByNamespace() {
        let rss10 = parse("""
            <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/">
            <channel><title>T</title><link>http://x/</link></channel>
            <item><title>One</title><link>http://x/1</link><dc:date>2004-01-01T00:00:00Z</dc:date></item></rdf:RDF>
            """)
        #expect(rss10.version == .rss10)
        #expect(rss10.entries.first?.title?.value == "One")
        #expect(rss10.entries.first?.updated?.rfc3339 == "2004-01-01T00:00:00Z")
        let rss090 = parse("""
            <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://my.netscape.com/rdf/simple/0.9/">
            <channel><title>T</title></channel><item><title>One</title></item></rdf:RDF>
            """)
        #expect(rss090.version == .rss090)
    }

    @Test func undefinedHTMLEntitiesAreResolvedNotLost() {
        let feed = parse("<rss version=\"2.0\"><channel><title>Caf&eacute; &mdash; news&hellip;</title></channel></rss>")
        #expect(feed.feed.title?.value == "Café — news…")
        #expect(feed.bozo, "XML defines none of them: the feed is not well-formed, though nothing is lost")
        #expect(feed.bozoException == "line 1: &eacute; is HTML's, not defined in XML (read as in HTML)", "what and where: the first one")
        let late = parse("<rss version=\"2.0\"><channel><title>T</title>\n<item><title>a &amp; b</title></item>\n<item><title>x&nbsp;y</title></item></channel></rss>")
        #expect(late.bozoException?.hasPrefix("line 3: &nbsp;") == true, "\(late.bozoException ?? "")")
        #expect(late.entries.map(\.title?.value) == ["a & b", "x\u{A0}y"])
        let underDTD = parse("""
            <!DOCTYPE rss PUBLIC "-//Netscape Communications//DTD RSS 0.91//EN" "http://my.netscape.com/publish/formats/rss-0.91.dtd">
            <rss version="0.91"><channel><title>Caf&eacute;</title></channel></rss>
            """)
        #expect(underDTD.feed.title?.value == "Café")
        #expect(!underDTD.bozo, "the DTD it names defines them (never loaded: read from HTML's table)")
        let inAttribute = parse(#"<feed xmlns="http://www.w3.org/2005/Atom"><link href="http://x.example/?a=1&nbsp;"/></feed>"#)
        #expect(inAttribute.bozo)
    }

    @Test func aBareAmpersandSetsBozoAndKeepsEntries() {
        let feed = parse("<rss version=\"2.0\"><channel><title>AT&T news</title><item><title>One</title></item><item><title>Two</title></item></channel></rss>")
        #expect(feed.bozo)
        #expect(feed.bozoException?.contains("line 1") == true)
        #expect(feed.entries.map { $0.title?.value } == ["One", "Two"])
    }

    @Test func aTruncatedDocumentKeepsTheEntriesReadSoFar() {
        let feed = parse("<rss version=\"2.0\"><channel><title>T</title><item><title>One</title></item><item><title>Tw")
        #expect(feed.bozo)
        #expect(feed.entries.first?.title?.value == "One")
    }

    @Test func anHTMLPageIsReportedAsSuch() {
        let feed = parse("<html><head><title>Home</title></head><body><p>hi</p></body></html>")
        #expect(feed.bozo)
        #expect(feed.version == .unknown)
        #expect(feed.bozoException == "this is an HTML page, not a feed")
    }

    @Test func emptyAndGarbageInputAreBozoNotCrashes() {
        #expect(FeedParser().parse([]).bozo)
        let garbage = FeedParser().parse(Array(repeating: 0xFF, count: 1000))
        #expect(garbage.bozo)
        #expect(garbage.entries.isEmpty)
    }

    @Test func externalEntitiesAreNeverLoaded() {
        let feed = parse("""
            <?xml version="1.0"?>
            <!DOCTYPE rss [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
            <rss version="2.0"><channel><title>T &xxe; end</title></channel></rss>
            """)
        #expect(feed.feed.title?.value.contains("root:") == false)
    }

    @Test func entityExpansionBombsStayBounded() {
        var doc = "<?xml version=\"1.0\"?><!DOCTYPE rss [<!ENTITY a0 \"hahahahahahahahahaha\">"
        for i in 1...12 { doc += "<!ENTITY a\(i) \"" + String(repeating: "&a\(i - 1);", count: 10) + "\">" }
        doc += "]><rss version=\"2.0\"><channel><title>&a12;</title><item><title>kept</title></item></channel></rss>"
        let feed = parse(doc)
        // Internal DTD entities are not expanded at all: nothing can grow.
        #expect((feed.feed.title?.value.utf8.count ?? 0) < 1000)
        #expect(feed.entries.first?.title?.value == "kept")
    }

    @Test func oversizedFieldsAreCutAndFlagged() {
        let big = String(repeating: "x", count: 5000)
        let feed = FeedParser(maxFieldBytes: 1000).parse(Array("<rss version=\"2.0\"><channel><item><description>\(big)</description><title>t</title></item></channel></rss>".utf8))
        #expect(feed.bozo)
        #expect(feed.entries.first?.summary == nil || (feed.entries.first?.summary?.value.utf8.count ?? 0) <= 1000)
        #expect(feed.entries.first?.title?.value == "t")
    }

    @Test func atomAuthorsLinksAndEnclosures() {
        let feed = parse("""
            <feed xmlns="http://www.w3.org/2005/Atom"><title>T</title>
            <entry><title type="html">A &lt;b&gt;bold&lt;/b&gt; move</title><id>urn:1</id>
            <link rel="enclosure" type="audio/mpeg" length="1234" href="http://x/a.mp3"/>
            <link href="http://x/1"/><author><name>Jo</name><uri>http://x/jo</uri></author>
            <source><title>Other feed</title><id>urn:other</id></source>
            <updated>2010-05-06T07:08:09+01:00</updated></entry></feed>
            """)
        let entry = feed.entries[0]
        #expect(entry.title == TextConstruct(type: "text/html", value: "A <b>bold</b> move"))
        #expect(entry.link == "http://x/1")
        #expect(entry.enclosures == [Enclosure(href: "http://x/a.mp3", type: "audio/mpeg", length: "1234")])
        #expect(entry.authors == [Person(name: "Jo", href: "http://x/jo")])
        #expect(entry.id == "urn:1")
        #expect(entry.updated?.rfc3339 == "2010-05-06T06:08:09Z")
    }

    @Test func rssAuthorsAndEnclosures() {
        let feed = parse("""
            <rss version="2.0"><channel><item><title>t</title><author>jo@example.org (Jo Bloggs)</author>
            <enclosure url="/a.mp3" type="audio/mpeg" length="9"/></item></channel></rss>
            """, url: "https://example.org/feed.xml")
        #expect(feed.entries[0].authors == [Person(name: "Jo Bloggs", email: "jo@example.org")])
        #expect(feed.entries[0].enclosures.first?.href == "https://example.org/a.mp3")
    }

    @Test func jsonOutputUsesFeedparserNamesAndOmitsAbsentFields() {
        let feed = parse("<rss version=\"2.0\"><channel><title>T</title><item><title>One</title><pubDate>Thu, 01 Jan 2004 19:48:21 GMT</pubDate></item></channel></rss>")
        let json = feed.json.serialized()
        #expect(json.hasPrefix("{\"bozo\":false,\"encoding\":\"utf-8\",\"version\":\"rss20\",\"feed\":{\"title\":\"T\",\"title_detail\":"))
        // feedparser's convention: the feed's own text, and the instant in *_parsed.
        #expect(json.contains("\"published\":\"Thu, 01 Jan 2004 19:48:21 GMT\",\"published_parsed\":\"2004-01-01T19:48:21Z\""))
        #expect(!json.contains("\"link\""))
    }

    @Test func declaredLegacyEncodingIsDecoded() {
        var bytes = Array("<?xml version=\"1.0\" encoding=\"iso-8859-1\"?><rss version=\"2.0\"><channel><title>Caf".utf8)
        bytes.append(0xE9)
        bytes += Array("</title></channel></rss>".utf8)
        let feed = FeedParser().parse(bytes)
        #expect(feed.feed.title?.value == "Café")
        #expect(feed.encoding == "iso-8859-1")
    }
}
