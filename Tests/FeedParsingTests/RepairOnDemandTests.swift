import FeedModel
import Testing
import TestSupport
@_spi(Testing) @testable import FeedParsing

/// FeedParser reads a document as written first and runs AmpersandRepair only when that reading
/// meets an error or an unknown entity: the parsed feed must be the same as when every document
/// is repaired first, for well-formed and broken documents alike.
struct RepairOnDemandTests {
    static func parsedBothWays(_ bytes: [UInt8], folds: Bool = true, parser base: FeedParser = FeedParser()) -> (asWritten: ParsedFeed, repaired: ParsedFeed) {
        var parser = base
        parser.foldsEscapedText = folds
        let asWritten = parser.parse(bytes, documentURL: "http://example.org/feed")
        parser.readsAsWrittenFirst = false
        let repaired = parser.parse(bytes, documentURL: "http://example.org/feed")
        return (asWritten, repaired)
    }

    static func rss(_ channel: String) -> [UInt8] {
        Array("<?xml version=\"1.0\"?>\n<rss version=\"2.0\"><channel>\(channel)</channel></rss>\n".utf8)
    }

    @Test func theShippedSamplesParseTheSame() throws {
        for name in ["world-news.rss.xml", "europe-desk.atom.xml"] {
            let (asWritten, repaired) = Self.parsedBothWays(try TestPaths.sampleBytes(name))
            #expect(asWritten == repaired, "\(name)")
            #expect(!asWritten.bozo, "\(name)")
        }
    }

    /// Each thing the repair changes, and each place it must leave alone, read both ways.
    @Test func everyKindOfAmpersandParsesTheSame() {
        let cases = [
            "<title>AT&T</title>",                                        // bare, in text
            "<title>T</title><link>http://x/?a=1&b=2</link>",             // bare, in a URL
            "<title>&#X41;</title>",                                      // upper-case hex
            "<title>&doesnotexist; &amp; &hellip;</title>",               // unknown, XML's, HTML's
            "<title>a &é; b &a:b; c</title>",                             // names libxml2 reads, the repair does not
            "<item><title>t</title><enclosure url=\"http://x/?a&b\" type=\"audio/mpeg\"/></item>", // in an attribute
            "<title>&#0000000000065; &#99999999999; &#x0041;</title>",    // leading zeros, overflow
            "<title><![CDATA[a & b]]> <!-- c & d --> e</title>",         // skipped sections
            "<title>&lt;b&gt;x&lt;/b&gt; & more</title>",                 // escaped markup, then a bare one
            "<item><description>&lt;p&gt;AT&amp;T &lt;/p&gt;</description></item><item><title>&</title></item>",
        ]
        for channel in cases {
            for folds in [true, false] {
                let (asWritten, repaired) = Self.parsedBothWays(Self.rss(channel), folds: folds)
                #expect(asWritten == repaired, "\(channel) (folding \(folds))")
            }
        }
        // What the repair keeps visible is still there.
        let (feed, _) = Self.parsedBothWays(Self.rss("<title>AT&T &doesnotexist;</title>"))
        #expect(feed.feed.title?.value == "AT&T &doesnotexist;")
        #expect(feed.bozoException?.contains("2 bare or unknown '&'") == true)
    }

    /// An `&` where XML reads no references is well-formed: no repair, no bozo.
    @Test func ampersandsInInstructionsAndTheDoctypeAreWellFormed() {
        let pi = Array("""
            <?xml version="1.0"?>
            <?xml-stylesheet href="style.xsl?a=1&b=2" type="text/xsl"?>
            <!DOCTYPE rss SYSTEM "http://example.org/rss.dtd?v=1&x=2">
            <rss version="2.0"><channel><title>T</title><item><title>A &#0000000000065;</title></item></channel></rss>
            """.utf8)
        let (asWritten, repaired) = Self.parsedBothWays(pi)
        #expect(asWritten == repaired)
        #expect(!asWritten.bozo, "\(asWritten.bozoException ?? "")")
        #expect(asWritten.entries.first?.title?.value == "A A")
        #expect(AmpersandRepair.repair(pi).repairs == 0)
    }

    /// Named references the repair escapes although libxml2 may not call them errors: one under
    /// an external DTD (a warning only, in some libxml2 versions), one declared in an internal
    /// subset InternalSubset leaves in place (past its first 8 KiB), which libxml2 would expand.
    /// The reading as written sees both through `getEntity` and the document is repaired.
    @Test func entitiesOnlyLibxml2KnowsAreStillRepaired() {
        let external = """
            <?xml version="1.0"?>
            <!DOCTYPE rss PUBLIC "-//Netscape Communications//DTD RSS 0.91//EN" "http://my.netscape.com/publish/formats/rss-0.91.dtd">
            <rss version="0.91"><channel><title>T</title><item><title>A &foo; B</title></item></channel></rss>
            """
        let lateSubset = "<?xml version=\"1.0\"?>\n<!-- " + String(repeating: "x", count: 9000) + " -->\n"
            + "<!DOCTYPE rss [<!ENTITY foo \"bar\">]>\n"
            + "<rss version=\"2.0\"><channel><title>T</title><item><title>A &foo; B</title></item></channel></rss>"
        for doc in [external, lateSubset] {
            let (asWritten, repaired) = Self.parsedBothWays(Array(doc.utf8))
            #expect(asWritten == repaired)
            #expect(asWritten.entries.first?.title?.value == "A &foo; B")
            #expect(asWritten.bozo)
        }
    }

    /// Differential: a feed with bare ampersands, references and markup inserted at random,
    /// 1,000 times over, parses the same read as written first and repaired first (folding on
    /// and off), bozo messages included.
    @Test func randomlyDamagedFeedsParseTheSame() {
        let item = { (n: Int) in
            "<item><title>T\(n) &amp; co&#8217;s</title><link>http://x/\(n)?a=1&amp;b=2</link>\n"
                + "<description>&lt;p&gt;Talks &lt;a href=\"http://x/?a=1&amp;amp;b=2\"&gt;Kyiv&lt;/a&gt; caf\u{E9}&#160;&lt;/p&gt;</description></item>\n"
        }
        let base = Array(("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<rss version=\"2.0\"><channel><title>T</title>\n"
            + (0..<5).map(item).joined() + "</channel></rss>\n").utf8)
        let inserts: [[UInt8]] = ["&", "&", "& ", "&x", "&x;", "&#", "&#X41;", "&#0065;", "&nbsp;", "&a:b;", "<", ">", ";", "\"",
                                  "<?p & ?>", "<!-- & -->", "<![CDATA[&]]>", "é"].map { Array($0.utf8) }
        var repairedSome = 0
        var wellFormed = 0
        for (round, doc) in DamagedFeeds(base, inserts: inserts, seed: 0x2545_F491_4F6C_DD1D, removeOneIn: 5).enumerated() {
            let (asWritten, repaired) = Self.parsedBothWays(doc, folds: round % 2 == 0)
            #expect(asWritten == repaired, "round \(round): \(String(decoding: doc, as: UTF8.self))")
            if AmpersandRepair.repair(doc).repairs > 0 { repairedSome += 1 }
            if !asWritten.bozo { wellFormed += 1 }
        }
        // Both readings are exercised: documents the repair changes and documents read as written.
        #expect(repairedSome > 200, "\(repairedSome) of 1,000 needed a repair")
        #expect(wellFormed > 100, "\(wellFormed) of 1,000 stayed well-formed")
    }
}
