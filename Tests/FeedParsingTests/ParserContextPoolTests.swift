import FeedModel
import Testing
import TestSupport
@_spi(Testing) @testable import FeedParsing

/// libxml2 contexts reset and reused between documents (ParserContextPool) parse exactly like
/// new ones, whatever the document before left behind; a context whose dictionary grew is freed.
struct ParserContextPoolTests {
    /// Documents that leave different state in a context: an error and recovery, a parse
    /// stopped by the depth guard, a declared legacy encoding, namespaces and xml:base, a
    /// DOCTYPE with an internal subset past InternalSubset's reach (libxml2 hangs a stub document
    /// on the context), HTML entities, folded escaped text, an empty and a non-XML document.
    static let documents: [[UInt8]] = {
        let item = { (n: Int) in
            "<item><title>T\(n) &amp; co</title><link>http://x/\(n)</link><description>&lt;p&gt;Talks in Kyiv&lt;/p&gt; more text here</description></item>"
        }
        var docs: [String] = [
            "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>A</title>\(item(1))\(item(2))</channel></rss>",
            "<rss version=\"2.0\"><channel><title>broken & bare</title>\(item(3))<item><title>x</itm></channel></rss>",
            "<rss version=\"2.0\"><channel>" + String(repeating: "<x>", count: 300) + "</channel></rss>",
            "<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:base=\"http://example.org/a/\" xml:lang=\"de\"><title type=\"html\">&lt;b&gt;B&lt;/b&gt;</title>"
                + "<entry><id>1</id><link href=\"rel/1\"/><title>\u{E9}t\u{E9} &nbsp;&hellip;</title></entry></feed>",
            "<?xml version=\"1.0\"?>\n<!-- " + String(repeating: "x", count: 9000) + " -->\n<!DOCTYPE rss [<!ENTITY foo \"bar\">]>\n"
                + "<rss version=\"2.0\"><channel><title>A &foo; B</title></channel></rss>",
            "",
            "not xml at all",
            "<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\" xmlns=\"http://purl.org/rss/1.0/\"><channel><title>R</title></channel>"
                + "<item rdf:about=\"http://x/9\"><title>nine</title></item></rdf:RDF>",
            "<rss version=\"2.0\"><channel>\(item(4))<item><title>cut &lt;b&gt; off",
            "<d",   // shorter than four bytes: a new context waits for more (found by the fuzzer)
        ]
        docs.append("<rss version=\"2.0\"><channel>" + (0..<300).map(item).joined() + "</channel></rss>")
        var bytes = docs.map { Array($0.utf8) }
        bytes.append(Array("<?xml version=\"1.0\" encoding=\"iso-8859-1\"?><rss version=\"2.0\"><channel><title>caf".utf8) + [0xE9]
            + Array("</title></channel></rss>".utf8))
        return bytes
    }()

    static func parse(_ doc: [UInt8], pool: ParserContextPool?) -> ParsedFeed {
        var parser = FeedParser()
        parser.contextPool = pool
        return parser.parse(doc, documentURL: "http://example.org/feed")
    }

    @Test func aReusedContextParsesLikeANewOne() throws {
        let pool = ParserContextPool()
        let docs = Self.documents + [try TestPaths.sampleBytes("world-news.rss.xml"), try TestPaths.sampleBytes("europe-desk.atom.xml")]
        let fresh = docs.map { Self.parse($0, pool: nil) }
        // Every document after every other one, through one pool.
        for (i, first) in docs.enumerated() {
            for (j, second) in docs.enumerated() {
                _ = Self.parse(first, pool: pool)
                #expect(Self.parse(second, pool: pool) == fresh[j], "document \(j) after document \(i)")
            }
        }
        #expect(pool.count >= 1, "contexts should have been kept")
    }

    @Test func aContextWhoseDictionaryGrewIsFreed() {
        let pool = ParserContextPool()
        _ = Self.parse(Self.documents[0], pool: pool)
        #expect(pool.count == 1)
        let names = (0..<(ParserContextPool.maxDictionaryNames + 100)).map { "<n\($0)/>" }.joined()
        let many = Self.parse(Array("<rss version=\"2.0\"><channel>\(names)</channel></rss>".utf8), pool: pool)
        #expect(many.version == .rss20)
        #expect(pool.count == 0, "a context with \(ParserContextPool.maxDictionaryNames)+ names should not be kept")
        // And the next parse still works, on a new context.
        #expect(Self.parse(Self.documents[0], pool: pool) == Self.parse(Self.documents[0], pool: nil))
        #expect(pool.count == 1)
    }

    @Test func thePoolKeepsAtMostItsLimit() async {
        let pool = ParserContextPool()
        await withTaskGroup(of: Void.self) { group in
            for _ in 0..<(ParserContextPool.maxKept * 3) {
                group.addTask { _ = Self.parse(Self.documents[10], pool: pool) }
            }
        }
        #expect(pool.count >= 1 && pool.count <= ParserContextPool.maxKept)
    }
}
