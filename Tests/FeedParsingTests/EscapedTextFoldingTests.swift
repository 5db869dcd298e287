import FeedModel
import Testing
import TestSupport
@_spi(Testing) @testable import FeedParsing

/// EscapedTextFolding: which runs are folded, what libxml2 is given instead, and that the parsed
/// feed is the same as without folding.
struct EscapedTextFoldingTests {
    /// What libxml2 would be given for `xml`, with each placeholder written `<?PI n?>`, its line
    /// breaks kept, and the decoded texts.
    static func folded(_ xml: String, chunkLimit: Int = 1 << 20) -> (given: String, texts: [String], count: Int, raw: String) {
        let texts = FoldedTexts()
        var given: [UInt8] = []
        let bytes = Array(xml.utf8)
        let count = bytes.withUnsafeBufferPointer { buffer in
            EscapedTextFolding.feed(buffer, into: texts, chunkLimit: chunkLimit) { p, n, _ in
                if let p { given.append(contentsOf: UnsafeBufferPointer(start: p, count: n)) }
                return true
            }
        }
        var decoded: [String] = []
        for k in 0..<count { texts.take(k) { decoded.append(String(decoding: $0, as: UTF8.self)) } }
        let raw = String(decoding: given, as: UTF8.self)
        let target = String(decoding: EscapedTextFolding.target, as: UTF8.self)
        var out = ""
        var rest = Substring(raw)
        while let open = rest.range(of: "<?" + target + " ") {
            out += rest[..<open.lowerBound]
            let close = rest.range(of: "?>", range: open.upperBound..<rest.endIndex)!
            let body = rest[open.upperBound..<close.lowerBound]
            #expect(body.allSatisfy { $0.isNumber || $0 == "\n" }, "\(body)")
            out += "<?PI " + body.filter { $0.isNumber } + body.filter { $0 == "\n" } + "?>"
            rest = rest[close.upperBound...]
        }
        out += rest
        return (out, decoded, count, raw)
    }

    /// Text long enough for a placeholder to fit in its place.
    static let long = "Talks resumed in Geneva on Monday: "

    @Test func foldsEscapedHTMLBetweenTags() {
        let r = Self.folded("<rss><d>\(Self.long)&lt;p&gt;Tom &amp; Jerry&#8217;s &quot;x&quot; &apos;y&apos; &#x41;</d><t>plain</t></rss>")
        #expect(r.given == "<rss><d><?PI 0?></d><t>plain</t></rss>")
        #expect(r.texts == [Self.long + "<p>Tom & Jerry\u{2019}s \"x\" 'y' A"])
    }

    /// Line for line: libxml2's line numbers do not move, and the placeholder is never longer
    /// than the run it stands for (columns do move; FeedParser never reports a position from a
    /// folded reading, see `anErrorIsReportedWhereItIsInTheDocumentAsWritten`).
    @Test func thePlaceholderKeepsTheRunsLines() {
        for text in [Self.long + "&lt;b&gt; naïve café", "a\n" + Self.long + "&amp;\r\nbé &lt;", Self.long + "&amp;\rnext line is long enough"] {
            let xml = "<rss><d>\(text)</d></rss>"
            let r = Self.folded(xml)
            #expect(r.count == 1, "\(text)")
            let lines = { (s: String) in s.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n").split(separator: "\n", omittingEmptySubsequences: false) }
            #expect(lines(r.raw).count == lines(xml).count, "\(text)")
            #expect(r.raw.utf8.count <= xml.utf8.count, "\(text)")
        }
        // Shorter than a placeholder: left alone.
        #expect(Self.folded("<rss><d>&lt;b&gt;</d></rss>").count == 0)
    }

    /// Errors after folded runs are reported at their line and column in the document as
    /// written: the document is read again without folding.
    @Test func anErrorIsReportedWhereItIsInTheDocumentAsWritten() {
        let xml = "<rss version=\"2.0\"><channel><item><description>\(Self.long)&lt;p&gt;a &amp; b&lt;/p&gt;</description><title>x</title></itm></channel></rss>"
        #expect(Self.folded(xml).count == 1)
        let (folded, plain) = Self.parsedBothWays(Array(xml.utf8))
        #expect(folded == plain)
        let column = xml.utf8.count - "</channel></rss>".utf8.count + 1 // libxml2 counts from 1, after the bad end tag
        #expect(folded.bozoException?.hasPrefix("line 1, column \(column):") == true, "\(folded.bozoException ?? "-")")
    }

    @Test func leavesAttributesCommentsCDATAAndInstructionsAlone() {
        let xml = "<rss><a href=\"x?a=1&amp;b>2\" t='&lt;'>\(Self.long)&lt;b&gt;</a><!-- \(Self.long)&amp; --><![CDATA[ \(Self.long)&amp; ]]><?pi \(Self.long)&amp; ?></rss>"
        let r = Self.folded(xml)
        #expect(r.given == "<rss><a href=\"x?a=1&amp;b>2\" t='&lt;'><?PI 0?></a><!-- \(Self.long)&amp; --><![CDATA[ \(Self.long)&amp; ]]><?pi \(Self.long)&amp; ?></rss>")
        #expect(r.texts == [Self.long + "<b>"])
    }

    @Test func leavesRunsLibxml2MustJudge() {
        for text in ["&nbsp;x", "a & b", "&#0;", "&#xFFFE;", "&#55296;", "a\u{1}&amp;", "]]&amp;]]>", "&unknown;", "&#12", "&lt", "\u{FFFF}&amp;"] {
            let xml = "<rss><d>\(Self.long)\(text)</d></rss>"
            #expect(Self.folded(xml).given == xml, "\(text)")
        }
        // A run too long to hold decoded beside the document.
        let huge = "<rss><d>" + String(repeating: "a", count: EscapedTextFolding.maxRunBytes) + "&amp;</d></rss>"
        #expect(Self.folded(huge).count == 0)
        // A raw '>' splits the run: libxml2 still reads (and reports) the "]]>" before it.
        let split = Self.folded("<rss><d>]]>\(Self.long)&amp;</d></rss>")
        #expect(split.given == "<rss><d>]]><?PI 0?></d></rss>")
    }

    @Test func leavesTextOutsideTheRootAlone() {
        let xml = "\(Self.long)&amp;<rss><d>\(Self.long)&amp;</d></rss>\(Self.long)&amp;"
        #expect(Self.folded(xml).given == "\(Self.long)&amp;<rss><d><?PI 0?></d></rss>\(Self.long)&amp;")
    }

    @Test func decodesLineEndsAsLibxml2Does() {
        let r = Self.folded("<rss><d>\(Self.long)a &amp;\nb\r\nc\rd is the last line</d></rss>")
        #expect(r.given == "<rss><d><?PI 0\n\n\n?></d></rss>")
        #expect(r.texts == [Self.long + "a &\nb\nc\nd is the last line"])
    }

    @Test func stopsAtAnInternalSubsetOrAnOpenTag() {
        let subset = "<!DOCTYPE rss [<!ENTITY a \"b\">]><rss><d>\(Self.long)&amp;</d></rss>"
        #expect(Self.folded(subset).given == subset)
        let open = "<rss><d>\(Self.long)&amp;</d><e a=\"</rss>"
        #expect(Self.folded(open).given == "<rss><d><?PI 0?></d><e a=\"</rss>")
    }

    @Test func manySmallPiecesGiveTheSameBytes() {
        let xml = "<rss>" + (0..<200).map { "<i>\(Self.long)\($0) &lt;b&gt; x</i>" }.joined() + "</rss>"
        let whole = Self.folded(xml)
        let pieces = Self.folded(xml, chunkLimit: 7)
        #expect(whole.raw == pieces.raw)
        #expect(whole.count == 200)
        #expect(pieces.texts == whole.texts)
    }

    // MARK: The parsed feed is the same

    static func parsedBothWays(_ bytes: [UInt8], contentType: String? = nil, parser base: FeedParser = FeedParser()) -> (folded: ParsedFeed, plain: ParsedFeed) {
        var parser = base
        let folded = parser.parse(bytes, documentURL: "http://example.org/feed", httpContentType: contentType)
        parser.foldsEscapedText = false
        let plain = parser.parse(bytes, documentURL: "http://example.org/feed", httpContentType: contentType)
        return (folded, plain)
    }

    @Test func theShippedSamplesParseTheSame() throws {
        for name in ["world-news.rss.xml", "europe-desk.atom.xml"] {
            let (folded, plain) = Self.parsedBothWays(try TestPaths.sampleBytes(name))
            #expect(folded == plain, "\(name)")
        }
    }

    /// Documents built to hit each rule: errors after folded runs (their line numbers), CR LF,
    /// HTML entities beside XML's, "]]>", controls, xhtml content, text outside the root, and a
    /// document long enough to go to libxml2 in many pieces.
    @Test func trickyDocumentsParseTheSame() {
        let long = Self.long
        let item = { (n: Int) in
            "<item><title>Story \(n) &amp; more&#8217;s</title><guid isPermaLink=\"false\">g\(n)</guid>"
                + "<description>&lt;p&gt;Talks in &lt;a href=\"http://x/?a=1&amp;amp;b=2\"&gt;Kyiv&lt;/a&gt;\r\nnext&lt;/p&gt;</description></item>"
        }
        let documents: [String] = [
            "<?xml version=\"1.0\"?>\r\n<rss version=\"2.0\"><channel><title>T</title>\(item(1))\(item(2))</channel></rss>",
            "<rss version=\"2.0\"><channel>\(item(1))\n<item><title>a &nbsp; b &amp; c</title></item>\n<item><title>x &bogus; y</title></item></channel></rss>",
            "<rss version=\"2.0\"><channel>\(item(1))<item><title>bad ]]> &amp; </title><description>\u{1}&amp;</description></item>\n\n<broken></channel></rss>",
            "<feed xmlns=\"http://www.w3.org/2005/Atom\"><title type=\"html\">\(long)&lt;b&gt;A&lt;/b&gt;</title><entry><id>1</id>"
                + "<content type=\"xhtml\"><div xmlns=\"http://www.w3.org/1999/xhtml\">\(long)a &amp; b<p>\(long)c &lt; d</p></div></content>"
                + "<summary type=\"text\">\(long)1 &lt; 2 &#38; 3 &#x3E; 2</summary></entry></feed>",
            "junk &amp; <rss version=\"2.0\"><channel>\(item(3))</channel></rss> trailing &amp; junk",
            "<rss version=\"2.0\"><channel>" + (0..<600).map(item).joined() + "<description><![CDATA[" + String(repeating: "x &amp; y ", count: 3000)
                + "]]></description>" + (600..<700).map(item).joined() + "</channel></rss>",
            "<rss version=\"2.0\"><channel>\(item(1))<item><title>cut &lt;b&gt; off",
            "<rss version=\"2.0\"><channel><item><title>\(long)café &amp; naïve 東京</title><bad <</item></channel></rss>",
            "<rss version=\"2.0\"><channel><item><title>\(long)\ncafé &amp; naïve\r\n東京 &lt;</title></itm></channel></rss>",
        ]
        for (k, xml) in documents.enumerated() {
            #expect(Self.folded(xml).count > 0, "document \(k) should have a run to fold")
            let (folded, plain) = Self.parsedBothWays(Array(xml.utf8))
            #expect(folded == plain, "document \(k): \(folded.bozoException ?? "-") / \(plain.bozoException ?? "-")")
        }
        // And in a legacy encoding, decoded to UTF-8 before the folding.
        let latin = Array("<?xml version=\"1.0\" encoding=\"iso-8859-1\"?><rss version=\"2.0\"><channel><title>caf".utf8) + [0xE9]
            + Array(" &amp; cr&#232;me</title></channel></rss>".utf8)
        let (folded, plain) = Self.parsedBothWays(latin)
        #expect(folded == plain)
        #expect(folded.feed.title?.value == "café & crème")
    }

    /// A field longer than the cap is cut at the same place whether its text came in one call
    /// (folded) or in libxml2's pieces: found by the differential fuzzer.
    @Test func aFieldIsCutAtTheSamePlaceHoweverItsTextArrives() {
        let small = FeedParser(maxFieldBytes: 64, maxDocumentBytes: 512)
        let docs = [
            "<rss version=\"2.0\"><channel><item><description>&lt;svg version=\"1.1\" stroke=\"#000000\" stroke-width=\"5px\"/&gt;&lt;/svg&gt; caf\u{E9} &amp; more</description></item></channel></rss>",
            "<feed xmlns=\"http://www.w3.org/2005/Atom\"><entry><id>1</id><content type=\"xhtml\"><div xmlns=\"http://www.w3.org/1999/xhtml\">\(Self.long)&lt;a&gt; &amp; &#233;&#233;&#233;&#233; &lt;b&gt;<p>x</p>\(Self.long)&amp;</div></content></entry></feed>",
        ]
        for (k, xml) in docs.enumerated() {
            #expect(Self.folded(xml).count > 0, "document \(k) should fold")
            let (folded, plain) = Self.parsedBothWays(Array(xml.utf8), parser: small)
            #expect(folded == plain, "document \(k)")
            #expect(folded.bozoException?.contains("longer than 64 bytes") == true)
            // (Markup of elements after the cut is still kept in xhtml content: only text is capped.)
            if let value = folded.entries.first?.summary?.value {
                #expect(value.utf8.count <= 64 && !value.isEmpty, "\(value)")
            }
        }
    }

    /// Differential: a feed damaged at random, 1,000 times over (markup characters, references,
    /// line ends, controls, non-ASCII inserted anywhere), parses the same with and without the
    /// folding, bozo messages and their positions included: still well-formed, the folding
    /// changes nothing; ill-formed, the document is read again without it.
    @Test func randomlyDamagedFeedsParseTheSame() {
        let item = { (n: Int) in
            "<item><title>\(Self.long)\(n) &amp; co&#8217;s</title><guid>g\(n)</guid>\n<description>\(Self.long)&lt;p&gt;Talks &lt;a href=\"http://x/?a=1&amp;amp;b=2\"&gt;Kyiv&lt;/a&gt; caf\u{E9}\r\n&lt;/p&gt;</description></item>\n"
        }
        let base = Array(("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<rss version=\"2.0\"><channel><title>T</title>\n"
            + (0..<6).map(item).joined() + "</channel></rss>\n").utf8)
        let inserts: [[UInt8]] = ["<", ">", "&", ";", "#", "x", "\r", "\n", "]]>", "\"", "'", "<!--", "-->", "?>", "&lt;", "&#", "é", "]"].map { Array($0.utf8) } + [[0x01], [0xEF, 0xBF, 0xBE]]
        var folds = 0
        var stillWellFormed = 0
        for (round, doc) in DamagedFeeds(base, inserts: inserts, seed: 0x9E37_79B9_7F4A_7C15, removeOneIn: 4).enumerated() {
            folds += Self.folded(String(decoding: doc, as: UTF8.self)).count
            let (folded, plain) = Self.parsedBothWays(doc)
            #expect(folded == plain, "round \(round): \(String(decoding: doc, as: UTF8.self))")
            if !folded.bozo { stillWellFormed += 1 }
        }
        #expect(folds > 3000, "the damaged feeds should still fold most runs (\(folds))")
        // Enough of them stay well-formed for the folded reading itself to be compared.
        #expect(stillWellFormed > 100, "\(stillWellFormed) of 1,000 stayed well-formed")
    }

}
