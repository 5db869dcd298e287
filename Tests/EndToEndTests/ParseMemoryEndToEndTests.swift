import Foundation
import Testing
import TestSupport

/// Issue #4's "memory growth in long-running processes": the daemon parses the same kinds of
/// feed for weeks, so a parse must give back everything it takes. `parse --stats --repeat N`
/// parses one file N times in one process and reports the peak resident memory after them all;
/// for each kind of feed (each takes its own paths: recovery, iconv, UTF-16, xml:base, GeoRSS,
/// JSON), the peak after many parses must stay where the first few put it. A parse that kept a
/// sixth of its input would add a megabyte or more here.
struct ParseMemoryEndToEndTests {
    /// Parses before the peak is first read: the allocator's arenas and the parser's pools fill
    /// during the first few (up to 1.4 MB more after 20 parses than after one, in release runs),
    /// then stay (within 0.5 MB from 20 to 400 parses).
    static let warm = 10
    static let many = 70
    /// Growth allowed from `warm` to `many` parses. Without a leak it was -500 to +260 KB (debug
    /// build, four runs of the six feeds); with a leak of a sixth of the input put in
    /// FeedParser.parse (20 KB a parse here), +800 to +2,250 KB; with a third, +1,800 to +4,500.
    /// Smaller leaks are LeakSanitizer's to find (`make test-asan`).
    static let allowedGrowthKB = 600

    /// One run's `peak_rss_kb`, after checking the run read the feed.
    func peakKB(_ file: URL, repeats: Int) throws -> Int {
        let result = try ProcessRunner.run(TestPaths.feedwatchBinary, ["parse", "--stats", "--repeat", "\(repeats)", file.path])
        #expect(result.status == 0, "\(file.lastPathComponent): \(result.stderr)")
        #expect(result.stdout.contains(" entries=\(Fixture.items) "), "\(file.lastPathComponent): \(result.stdout)")
        let field = result.stdout.split(separator: " ").first { $0.hasPrefix("peak_rss_kb=") }
        return try #require(field.flatMap { Int($0.dropFirst("peak_rss_kb=".count).trimmingCharacters(in: .whitespacesAndNewlines)) },
                            "no peak_rss_kb in \(result.stdout)")
    }

    @Test(arguments: Fixture.allCases)
    func repeatedParsesDoNotGrowMemory(_ fixture: Fixture) throws {
        let directory = try TestPaths.temporaryDirectory()
        let file = directory.appendingPathComponent(fixture.rawValue)
        try Data(fixture.bytes).write(to: file)
        #expect(fixture.bytes.count > 100_000, "a feed large enough for a leak to show")
        let warm = try peakKB(file, repeats: Self.warm)
        let many = try peakKB(file, repeats: Self.many)
        #expect(many - warm <= Self.allowedGrowthKB,
                "\(fixture.rawValue) (\(fixture.bytes.count) bytes): peak \(warm) KB after \(Self.warm) parses, \(many) KB after \(Self.many)")
    }

    /// Feeds that each take a different path through the parser, 100–240 KB each.
    enum Fixture: String, CaseIterable, Sendable {
        case rssWithEntities = "rss-entities.xml"
        case atomXHTML = "atom-xhtml.xml"
        case windows1252 = "rss-cp1252.xml"
        case utf16 = "rss-utf16.xml"
        case truncated = "rss-truncated.xml"
        case jsonFeed = "feed.json"

        static let items = 80

        var bytes: [UInt8] {
            switch self {
            case .rssWithEntities:
                return Array(Self.rss(declaration: "<?xml version=\"1.0\" encoding=\"utf-8\"?>").utf8)
            case .atomXHTML:
                return Array(Self.atom().utf8)
            case .windows1252:
                // Curly quotes as cp1252 writes them (0x93, 0x94): converted by iconv.
                let text = Self.rss(declaration: "<?xml version=\"1.0\" encoding=\"windows-1252\"?>")
                return Array(text.utf8).flatMap { $0 == UInt8(ascii: "`") ? [0x93, 0x94] : [$0] }
            case .utf16:
                let text = Self.rss(declaration: "<?xml version=\"1.0\" encoding=\"utf-16\"?>")
                return [0xFF, 0xFE] + text.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
            case .truncated:
                // Cut inside the last item: libxml2 recovers, the feed is bozo, and every item is
                // kept, the last one as far as it goes.
                let text = Array(Self.rss(declaration: "<?xml version=\"1.0\"?>").utf8)
                let lastItem = text.count - 200
                return Array(text[..<lastItem])
            case .jsonFeed:
                return Array(Self.json().utf8)
            }
        }

        static func rss(declaration: String) -> String {
            let items = (0..<items).map { i in
                """
                <item><title>Putin writes to the Council, part \(i) `quoted`</title>
                <link>/world/\(i).html</link><guid isPermaLink="false">id-\(i)</guid>
                <pubDate>Tue, \(i % 28 + 1) Nov 2026 0\(i % 10):15:00 EST</pubDate><dc:creator>Jo Bloggs (desk \(i))</dc:creator>
                <category>Russia</category><category>Sanctions</category>
                <description>&lt;p&gt;Moscow&amp;nbsp;said &lt;a href="/r/\(i)?a=1&amp;amp;b=2"&gt;more&lt;/a&gt;&amp;#8217;s &lt;b&gt;text&lt;/b&gt;&lt;/p&gt;</description>
                <content:encoded><![CDATA[<p>The letter&nbsp;\(i) to the Security Council &mdash; with <a href="rel/\(i)">a link</a>.</p>\(String(repeating: "<p>More of the article, as long as articles are.</p>", count: 12))]]></content:encoded>
                <media:content url="/img/\(i).jpg" medium="image"><media:credit role="photographer">Agency</media:credit></media:content>
                <georss:point>55.75 37.\(i % 100)</georss:point>
                <enclosure url="/audio/\(i).mp3" length="123" type="audio/mpeg"/>
                <source url="http://other.example/rss">Other &nbsp;Desk</source></item>
                """
            }
            return declaration + """
                <rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:content="http://purl.org/rss/1.0/modules/content/" \
                xmlns:media="http://search.yahoo.com/mrss/" xmlns:georss="http://www.georss.org/georss" xml:base="http://news.example/">
                <channel><title>News &amp; more</title><link>http://news.example/</link>\(items.joined(separator: "\n"))</channel></rss>
                """
        }

        static func atom() -> String {
            let entries = (0..<items).map { i in
                """
                <entry xml:base="/section/\(i)/" xml:lang="en-GB"><title type="html">Mueller &amp;amp; the report \(i)</title>
                <id>tag:news.example,2026:\(i)</id><link href="story.html"/><updated>2026-11-\(i % 18 + 10)T12:00:00.\(i)+03:00</updated>
                <author><name>Jo Bloggs</name><uri>/people/jo</uri></author>
                <summary type="html">&lt;p&gt;Summary &amp;hellip; of \(i)&lt;/p&gt;</summary>
                <content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>Rand Paul said <a href="more.html">this</a>.</p>\
                \(String(repeating: "<p>Paragraph with <em>emphasis</em> and <img src=\"pic.png\" alt=\"a > b\"/>.</p>", count: 10))</div></content></entry>
                """
            }
            return """
                <?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom" xml:base="http://news.example/">\
                <title>Atom news</title><id>urn:x</id>\(entries.joined(separator: "\n"))</feed>
                """
        }

        static func json() -> String {
            let items = (0..<items).map { i in
                """
                {"id": "\(i)", "url": "https://news.example/\(i)", "title": "Syria \(i) \\u2019", "date_published": "2026-11-2\(i % 10)T10:00:00Z", \
                "content_html": "<p>\(String(repeating: "Sanctions and more text. ", count: 50))</p>", "authors": [{"name": "Jo"}], "tags": ["a", "b"]}
                """
            }
            return "{\"version\": \"https://jsonfeed.org/version/1.1\", \"title\": \"J\", \"items\": [\(items.joined(separator: ","))]}"
        }
    }
}
