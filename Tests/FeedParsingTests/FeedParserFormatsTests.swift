import FeedModel
import Foundation
import Testing
import TestSupport
@testable import FeedParsing

/// The formats and extensions of issue #4, one behaviour per test.
struct FeedParserFormatsTests {
    func parse(_ xml: String, url: String? = nil) -> ParsedFeed {
        FeedParser().parse(Array(xml.utf8), documentURL: url)
    }

    @Test func datesKeepTheFeedsTextAndTheLastValueWins() {
        let feed = parse("""
            <feed xmlns="http://www.w3.org/2005/Atom"><entry>
            <updated>2010-12-01T10:14:55Z</updated><updated>2003-12-31T10:14:55+01:00</updated>
            <published>yesterday-ish</published></entry></feed>
            """)
        let entry = feed.entries[0]
        #expect(entry.updatedText == "2003-12-31T10:14:55+01:00")
        #expect(entry.updated?.rfc3339 == "2003-12-31T09:14:55Z")
        #expect(entry.publishedText == "yesterday-ish")
        #expect(entry.published == nil, "an unparseable date leaves the instant empty, never fails the entry")
        #expect(entry.date == entry.updated)
        let json = entry.json.serialized()
        #expect(json.contains("\"published\":\"yesterday-ish\""))
        #expect(!json.contains("published_parsed"))
    }

    @Test func farFutureDatesAreKeptButFlagged() {
        let feed = parse("<rss version=\"2.0\"><channel><item><title>t</title><pubDate>Fri, 01 Jan 2100 00:00:00 GMT</pubDate></item></channel></rss>")
        let entry = feed.entries[0]
        #expect(entry.published?.rfc3339 == "2100-01-01T00:00:00Z")
        #expect(entry.futureDated)
        #expect(entry.date == nil, "a future date must not order the entry or feed dedup")
        #expect(entry.json.serialized().contains("\"future_dated\":true"))
    }

    @Test func guidIsLinkFollowsFeedparser() {
        let permalink = parse("<rss version=\"2.0\"><channel><item><guid>http://g.example/1</guid></item></channel></rss>").entries[0]
        #expect(permalink.link == "http://g.example/1")
        #expect(permalink.guidIsLink == true)
        let withLink = parse("<rss version=\"2.0\"><channel><item><guid>http://g.example/1</guid><link>http://l.example/1</link></item></channel></rss>").entries[0]
        #expect(withLink.link == "http://l.example/1")
        #expect(withLink.guidIsLink == false)
        let notPermalink = parse("<rss version=\"2.0\"><channel><item><guid isPermaLink=\"false\">http://g.example/1</guid></item></channel></rss>").entries[0]
        #expect(notPermalink.link == nil)
        #expect(notPermalink.guidIsLink == false)
    }

    @Test func itunesTagsSubtitleSummaryAndAuthor() {
        let feed = parse("""
            <rss version="2.0" xmlns:itunes="http://www.itunes.com/DTDs/Podcast-1.0.dtd"><channel>
            <itunes:category text="Technology"><itunes:category text="Gadgets"/></itunes:category>
            <itunes:keywords>Technology, Science,Science</itunes:keywords><itunes:subtitle>Sub</itunes:subtitle>
            <item><title>Ep</title><itunes:author>Mark Pilgrim</itunes:author><itunes:summary>Sum</itunes:summary>
            <itunes:subtitle>Ep sub</itunes:subtitle></item></channel></rss>
            """)
        #expect(feed.feed.tags.map(\.term) == ["Technology", "Gadgets", "Science"])
        #expect(feed.feed.tags.first?.scheme == "http://www.itunes.com/")
        #expect(feed.feed.subtitle?.value == "Sub")
        #expect(feed.entries[0].authors.first?.name == "Mark Pilgrim")
        #expect(feed.entries[0].summary?.value == "Sum")
        #expect(feed.entries[0].subtitle?.value == "Ep sub")
    }

    @Test func mediaRSS() {
        let feed = parse("""
            <rss version="2.0" xmlns:media="http://search.yahoo.com/mrss/"><channel><item>
            <media:title>media title</media:title><title>own title</title>
            <media:group><media:content url="http://m.example/v.mp4" type="video/mp4" fileSize="99"/>
            <media:thumbnail url="/t.jpg"/></media:group>
            <media:category label="lab">cat1</media:category><media:description>desc</media:description>
            </item></channel></rss>
            """, url: "http://m.example/feed")
        let entry = feed.entries[0]
        #expect(entry.title?.value == "own title")
        #expect(entry.mediaContent == [Enclosure(href: "http://m.example/v.mp4", type: "video/mp4", length: "99")])
        #expect(entry.mediaThumbnails == ["http://m.example/t.jpg"])
        #expect(entry.tags == [Tag(term: "cat1", scheme: "http://search.yahoo.com/mrss/category_schema", label: "lab")])
        #expect(entry.summary?.value == "desc")
    }

    @Test func atom03ModesInfoAndInlineXHTML() {
        let feed = parse("""
            <feed version="0.3" xmlns="http://purl.org/atom/ns#"><info>About</info>
            <entry><title mode="base64">RXhhbXBsZSA8Yj5BdG9tPC9iPg==</title>
            <summary type="application/xhtml+xml" mode="xml"><div xmlns="http://www.w3.org/1999/xhtml">Example <b>Atom</b></div></summary>
            <issued>2004-01-01T19:48:21Z</issued><created>2003-12-31T10:14:55Z</created></entry></feed>
            """)
        #expect(feed.version == .atom03)
        #expect(feed.feed.info?.value == "About")
        #expect(feed.entries[0].title?.value == "Example <b>Atom</b>")
        #expect(feed.entries[0].summary?.value == "<div>Example <b>Atom</b></div>", "Atom 0.3 keeps the div")
        #expect(feed.entries[0].published?.rfc3339 == "2004-01-01T19:48:21Z")
        #expect(feed.entries[0].created?.rfc3339 == "2003-12-31T10:14:55Z")
    }

    @Test func nakedMarkupInATextConstructIsKeptAsHTML() {
        let feed = parse("<feed xmlns=\"http://www.w3.org/2005/Atom\"><title>Example <b>Atom</b> &amp; co</title></feed>")
        #expect(feed.feed.title?.value == "Example <b>Atom</b> &amp; co")
        #expect(feed.feed.title?.type == "text/html")
    }

    @Test func rootsInUnknownNamespacesAndCDF() {
        #expect(parse("<feed version=\"0.3\" xmlns=\"http://example.com/newformat#\"><title>T</title></feed>").feed.title?.value == "T")
        let rss21 = parse("<rss xmlns=\"http://backend.userland.com/rss2.1\"><channel><description>D</description></channel></rss>")
        #expect(rss21.feed.subtitle?.value == "D")
        let plainFeed = parse("<feed><entry><id>right</id></entry></feed>")
        #expect(plainFeed.entries.first?.id == "right")
        let cdf = parse("<CHANNEL HREF=\"http://c.example/\" LASTMOD=\"2004-04-06T23:05:43-05:00\"><TITLE>C</TITLE><ITEM HREF=\"http://c.example/1\"><TITLE>I</TITLE><ABSTRACT>A</ABSTRACT></ITEM></CHANNEL>")
        #expect(cdf.version == .cdf)
        #expect(cdf.feed.link == "http://c.example/")
        #expect(cdf.feed.updated?.rfc3339 == "2004-04-07T04:05:43Z")
        #expect(cdf.entries.first?.link == "http://c.example/1")
        #expect(cdf.entries.first?.summary?.value == "A")
        let based = parse(#"<CHANNEL BASE="http://base.example/" HREF="/home"><ITEM HREF="/item/1"><ABSTRACT>A</ABSTRACT></ITEM></CHANNEL>"#)
        #expect(based.entries.first?.summary?.base == "http://base.example/", "CDF's BASE is the channel's xml:base")
        #expect(based.entries.first?.link == "http://base.example/item/1")
        #expect(parse(#"<rss version="2.0"><channel BASE="http://x.example/"><link>/a</link></channel></rss>"#, url: "http://feed.example/").feed.link
                == "http://feed.example/a", "only CDF's CHANNEL")
    }

    @Test func typePadsDivAroundEscapedHTMLIsNoMarkup() {
        let feed = parse("""
            <feed xmlns="http://www.w3.org/2005/Atom">
            <entry><content type="html"><div xmlns="http://www.w3.org/1999/xhtml">Putin &lt;b&gt;wrote&lt;/b&gt;</div></content></entry>
            <entry><content type="html"><div xmlns="http://www.w3.org/1999/xhtml">A <b>bold</b> <div>inner</div> end</div></content></entry>
            </feed>
            """)
        #expect(feed.entries[0].content.first == TextConstruct(type: "text/html", value: "Putin <b>wrote</b>"),
                "the escaped HTML is the content, so its text reads \"Putin wrote\"")
        #expect(HTMLText.plainText(feed.entries[0].content[0].value) == "Putin wrote")
        #expect(feed.entries[1].content.first?.value == "A <b>bold</b> <div>inner</div> end",
                "real markup inside is kept; the wrapper's end tag goes with its start")
        let rss = parse("<rss version=\"2.0\"><channel><item><description><div><p>Hi</p></div></description></item></channel></rss>")
        #expect(rss.entries[0].summary?.value == "<p>Hi</p>")
        let closed = parse("<rss version=\"2.0\"><channel><item><description><div>intro</div><p>para</p><p>two</p></description></item></channel></rss>")
        #expect(closed.entries[0].summary?.value == "intro<p>para</p><p>two</p>", "a div closed before any markup takes no later end tag with it")
    }

    @Test func netscapeRSS091IsToldApartByItsDoctype() {
        let feed = parse("""
            <!DOCTYPE rss PUBLIC "-//Netscape Communications//DTD RSS 0.91//EN" "http://my.netscape.com/publish/formats/rss-0.91.dtd">
            <rss version="0.91"><channel><title>N</title></channel></rss>
            """)
        #expect(feed.version == .rss091n)
        #expect(!feed.bozo)
        #expect(parse("<rss version=\"0.91\"><channel/></rss>").version == .rss091u)
    }

    @Test func bareAndUnknownAmpersandsAreKeptAsText() {
        let feed = parse("<rss version=\"2.0\"><channel><title>testing &doesnotexist; &amp; AT&T</title><link>http://x/?a=1&b=2&c</link></channel></rss>")
        #expect(feed.feed.title?.value == "testing &doesnotexist; & AT&T")
        #expect(feed.feed.link == "http://x/?a=1&b=2&c")
        #expect(feed.bozo)
        #expect(feed.bozoException?.contains("line 1: 4 bare or unknown '&'") == true)
        #expect(parse("<rss version=\"2.0\"><channel><title>&#X41;&hellip;</title></channel></rss>").feed.title?.value == "A…")
    }

    @Test func ampersandsInsideCDATAAndCommentsAreLeftAlone() {
        let repaired = AmpersandRepair.repair(Array("<a><![CDATA[a & b]]><!-- x & y --> & </a>".utf8))
        #expect(String(decoding: repaired.bytes, as: UTF8.self) == "<a><![CDATA[a & b]]><!-- x & y --> &amp; </a>")
        #expect(repaired.repairs == 1)
        let untouched = Array("<a>&amp;&lt;&#38;&#x26;&nbsp;</a>".utf8)
        #expect(AmpersandRepair.repair(untouched).repairs == 0)
    }

    /// xhtml content's text is escaped again, also where the eight-byte scan meets `&`, `<`
    /// or `>` at every offset of a word; names lose their prefix.
    @Test func xhtmlTextIsEscapedAtEveryOffset() {
        for pad in 0..<20 {
            let lead = String(repeating: "x", count: pad)
            var out: [UInt8] = []
            Array("\(lead)a&b<c>\(lead)".utf8).withUnsafeBufferPointer { XHTMLMarkup.appendEscaped($0, to: &out) }
            #expect(String(decoding: out, as: UTF8.self) == "\(lead)a&amp;b&lt;c&gt;\(lead)", "padding \(pad)")
        }
        #expect(XMLName("xhtml:div").local == "div")
        #expect(XMLName("{http://example.com/ns}thing").local == "thing")
        #expect(XMLName("plain").local == "plain")
        #expect(XMLName("atom:title").isPrefixed && !XMLName("atom:title").isExtension)
        #expect(XMLName("dc:creator").isExtension && XMLName("media:content").isExtension)
    }

    /// libxml2 hands `&amp;` inside an attribute over as "&#38;"; every one becomes "&" again,
    /// at the start, the end and side by side, and a "&#38" without its ";" stays as written.
    @Test func ampersandsInAttributesAreDecoded() {
        let feed = parse("""
            <feed xmlns="http://www.w3.org/2005/Atom"><entry><title>T</title>
            <link rel="alternate" href="https://x.example/?a=1&amp;b=2&amp;&amp;c"/>
            <link rel="related" href="&amp;start&amp;"/></entry></feed>
            """)
        #expect(feed.entries.first?.link == "https://x.example/?a=1&b=2&&c")
        #expect(feed.entries.first?.links.map(\.href).contains("&start&") == true)
        #expect(Array("a&#38b&#38;".utf8).withUnsafeBufferPointer { SAXSession.unescapingAmpersands($0) } == "a&#38b&")
    }

    /// The scan reads eight bytes at a time: a bare `&`, a valid reference and a CDATA section at
    /// every offset around the word boundaries are each found exactly where they are.
    @Test func ampersandsAreFoundAtEveryOffsetOfAWord() {
        for pad in 0..<20 {
            let lead = String(repeating: "x", count: pad)
            let input = "<a>" + lead + "& " + lead + "&lt;" + lead + "<![CDATA[&]]>" + lead + "&#X41;</a>"
            let repaired = AmpersandRepair.repair(Array(input.utf8))
            let expected = "<a>" + lead + "&amp; " + lead + "&lt;" + lead + "<![CDATA[&]]>" + lead + "&#x41;</a>"
            #expect(String(decoding: repaired.bytes, as: UTF8.self) == expected, "padding \(pad)")
            #expect(repaired.repairs == 1, "padding \(pad)")
        }
    }

    @Test func rssBodiesAndTheOrderOfSummaryAndDescription() {
        let feed = parse("""
            <rss version="2.0"><channel><item><summary>S</summary><description>D</description></item>
            <item><body xmlns="http://www.w3.org/1999/xhtml"><p>Example content</p></body></item></channel></rss>
            """)
        #expect(feed.entries[0].summary?.value == "S")
        #expect(feed.entries[0].content.first?.value == "D")
        #expect(feed.entries[1].content.first == TextConstruct(type: "application/xhtml+xml", value: "<p>Example content</p>"))
    }

    @Test func unknownContainersKeepTheirChildrenToThemselves() {
        let feed = parse("""
            <rss version="2.0"><channel><item><link>http://item.test/</link>
            <image><link>http://item.test/imagelink</link></image></item></channel></rss>
            """)
        #expect(feed.entries[0].links.map(\.href) == ["http://item.test/"])
    }

    @Test func anXMLFeedNeverReachesTheNetwork() throws {
        let server = try TestHTTPServer()
        server.route("/evil.dtd", { _ in .init(status: 200, contentType: "application/xml-dtd", "<!ENTITY leak \"LEAKED\">") })
        server.route("/x", { _ in .init(status: 200, contentType: "text/plain", "LEAKED") })
        let feed = parse("""
            <?xml version="1.0"?>
            <!DOCTYPE rss SYSTEM "\(server.baseURL)/evil.dtd" [
              <!ENTITY remote SYSTEM "\(server.baseURL)/x">
              <!ENTITY local SYSTEM "file:///etc/passwd">
            ]>
            <rss version="2.0"><channel><title>a &remote; b &local; c &leak;</title></channel></rss>
            """)
        #expect(server.requests.isEmpty, "the parser fetched \(server.requests.map(\.path))")
        #expect(feed.feed.title?.value.contains("LEAKED") == false)
        #expect(feed.feed.title?.value.contains("root:") == false)
    }

    @Test func deepNestingIsBoundedNotACrash() {
        let depth = 100_000
        let doc = "<rss version=\"2.0\"><channel><item><title>kept</title></item>" + String(repeating: "<x>", count: depth) + String(repeating: "</x>", count: depth) + "</channel></rss>"
        let feed = parse(doc)
        #expect(feed.bozo)
        #expect(feed.entries.first?.title?.value == "kept")
    }

    @Test func documentsPastTheSizeLimitAreCutAndFlagged() {
        var doc = "<rss version=\"2.0\"><channel>"
        for i in 0..<200 { doc += "<item><title>item \(i)</title></item>" }
        doc += "</channel></rss>"
        let feed = FeedParser(maxDocumentBytes: 2000).parse(Array(doc.utf8))
        #expect(feed.bozo)
        #expect(feed.bozoException?.contains("document larger than 2000 bytes") == true)
        #expect(!feed.entries.isEmpty && feed.entries.count < 200)
    }
}

extension FeedParserFormatsTests {
    @Test func windows1252PunctuationInC1CodePointsBecomesWhatWasMeant() {
        #expect(Demoronize.fix("don\u{92}t") == "don\u{2019}t")
        #expect(Demoronize.fix("don&#146;t &#x93;q&#x94;") == "don&#x2019;t &#x201c;q&#x201d;")
        #expect(Demoronize.fix("plain & simple &#8217;") == "plain & simple &#8217;")
        let feed = parse("<rss version=\"2.0\"><channel><item><description>don&#146;t</description></item></channel></rss>")
        #expect(feed.entries[0].summary?.value == "don\u{2019}t")
    }

    @Test func theHTTPCharsetDecidesForXMLMediaTypes() {
        var bytes = Array("<rss version=\"2.0\"><channel><title>Caf".utf8)
        bytes.append(0xE9)
        bytes += Array("</title></channel></rss>".utf8)
        let feed = FeedParser().parse(bytes, httpContentType: "application/rss+xml; charset=iso-8859-1")
        #expect(feed.feed.title?.value == "Café")
        #expect(feed.encoding == "iso-8859-1")
        #expect(!feed.bozo)
    }

    @Test func utf16FeedsAreRead() {
        let xml = "<?xml version=\"1.0\" encoding=\"utf-16\"?><rss version=\"2.0\"><channel><title>Путин</title></channel></rss>"
        var bytes: [UInt8] = [0xFF, 0xFE]
        for unit in xml.utf16 { bytes.append(UInt8(unit & 0xFF)); bytes.append(UInt8(unit >> 8)) }
        let feed = FeedParser().parse(bytes)
        #expect(feed.feed.title?.value == "Путин")
        #expect(feed.encoding == "utf-16le")
    }
}

extension FeedParserFormatsTests {
    @Test func uppercaseHexReferencesInHTMLAreSpelledLowercase() {
        #expect(Demoronize.fix("&#X61; and &#x62;") == "&#x61; and &#x62;")
        let feed = parse("<rss version=\"2.0\"><channel><item><description>&amp;#X61;</description></item></channel></rss>")
        #expect(feed.entries[0].summary?.value == "&#x61;")
    }
}

extension FeedParserFormatsTests {
    @Test func anEmptyHrefIsTheBaseItself() {
        let feed = parse("<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:base=\"http://www.詹姆斯.com/feed\"><link rel=\"self\" href=\"\"/></feed>")
        #expect(feed.feed.links.first?.href == "http://www.詹姆斯.com/feed")
        #expect(URLResolver.resolve("", against: nil) == "")
        #expect(URLResolver.resolve("b", against: "http://a.example/x/") == "http://a.example/x/b")
    }
}
