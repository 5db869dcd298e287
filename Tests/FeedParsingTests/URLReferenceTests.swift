import Testing
@testable import FeedParsing

/// Relative links are resolved as RFC 3986 says and as feedparser (urljoin) writes them: the
/// feed's own characters kept, nothing percent-encoded that the feed did not encode.
struct URLReferenceTests {
    static let base = "http://a/b/c/d;p?q"

    /// RFC 3986 §5.4.1 and §5.4.2, every example.
    static let rfcExamples: [(String, String)] = [
        ("g:h", "g:h"), ("g", "http://a/b/c/g"), ("./g", "http://a/b/c/g"), ("g/", "http://a/b/c/g/"),
        ("/g", "http://a/g"), ("//g", "http://g"), ("?y", "http://a/b/c/d;p?y"), ("g?y", "http://a/b/c/g?y"),
        ("#s", "http://a/b/c/d;p?q#s"), ("g#s", "http://a/b/c/g#s"), ("g?y#s", "http://a/b/c/g?y#s"),
        (";x", "http://a/b/c/;x"), ("g;x", "http://a/b/c/g;x"), ("g;x?y#s", "http://a/b/c/g;x?y#s"),
        ("", "http://a/b/c/d;p?q"), (".", "http://a/b/c/"), ("./", "http://a/b/c/"), ("..", "http://a/b/"),
        ("../", "http://a/b/"), ("../g", "http://a/b/g"), ("../..", "http://a/"), ("../../", "http://a/"),
        ("../../g", "http://a/g"),
        ("../../../g", "http://a/g"), ("../../../../g", "http://a/g"), ("/./g", "http://a/g"), ("/../g", "http://a/g"),
        ("g.", "http://a/b/c/g."), (".g", "http://a/b/c/.g"), ("g..", "http://a/b/c/g.."), ("..g", "http://a/b/c/..g"),
        ("./../g", "http://a/b/g"), ("./g/.", "http://a/b/c/g/"), ("g/./h", "http://a/b/c/g/h"),
        ("g/../h", "http://a/b/c/h"), ("g;x=1/./y", "http://a/b/c/g;x=1/y"), ("g;x=1/../y", "http://a/b/c/y"),
        ("g?y/./x", "http://a/b/c/g?y/./x"), ("g?y/../x", "http://a/b/c/g?y/../x"),
        ("g#s/./x", "http://a/b/c/g#s/./x"), ("g#s/../x", "http://a/b/c/g#s/../x"), ("http:g", "http:g"),
    ]

    @Test(arguments: rfcExamples) func rfc3986Examples(reference: String, expected: String) {
        #expect(URLResolver.resolve(reference, against: Self.base) == expected)
    }

    @Test func theFeedsCharactersAreKeptAsWritten() {
        #expect(URLResolver.resolve("À/ü?q=ß#é", against: "http://example.com/wiki/") == "http://example.com/wiki/À/ü?q=ß#é")
        #expect(URLResolver.resolve("b%20c", against: "http://example.com/a/") == "http://example.com/a/b%20c")
        #expect(URLResolver.resolve("x", against: "http://example.com/dir with space/feed") == "http://example.com/dir with space/x",
                "a base Foundation refuses still resolves")
        #expect(URLResolver.resolve("//cdn.example/i.png", against: "https://news.example/feed") == "https://cdn.example/i.png")
        #expect(URLResolver.resolve("item", against: "http://example.com") == "http://example.com/item", "an empty base path is /")
        #expect(URLResolver.resolve("/a//b/../c", against: "http://example.com/x") == "http://example.com/a//c",
                "an empty segment is a segment")
        #expect(URLResolver.resolve("2024:title", against: "http://example.com/n/") == "http://example.com/n/2024:title",
                "a scheme starts with a letter")
    }

    @Test func aSchemeIsWhatRFC3986CallsOne() {
        #expect(URLResolver.resolve("my file:v2.html", against: "http://example.com/a/b") == "http://example.com/a/my file:v2.html")
        #expect(URLResolver.resolve("x_y:z", against: "http://example.com/a/b") == "http://example.com/a/x_y:z")
        #expect(URLResolver.resolve("svn+ssh:x", against: "http://example.com/a/b") == "svn+ssh:x")
    }

    @Test func tabsAndLineBreaksInsideAreDroppedAsBrowsersDropThem() {
        #expect(URLResolver.resolve("a\nb", against: "http://e/d/") == "http://e/d/ab")
        #expect(URLResolver.resolve("ht\ttp://x/y", against: "http://e/d/") == "http://x/y")
        #expect(URLResolver.link(" java\r\nscript:alert(1)", against: "http://e/d/") == nil)
    }

    @Test func anEmptyAuthorityIsTakenOut() {
        #expect(URLResolver.resolve("http:///example.org/x", against: nil) == "http://example.org/x")
        #expect(URLResolver.resolve("HTTPS:////example.org/x", against: "http://e/") == "HTTPS://example.org/x")
        #expect(URLResolver.resolve("file:///etc/x", against: nil) == "file:///etc/x", "only http and https")
    }

    @Test func anOpaqueOrOverlongXMLBaseIsIgnored() {
        #expect(URLResolver.base("tag:example.com,2005:1", against: "http://example.com/a/") == nil)
        #expect(URLResolver.base("urn:uuid:1", against: nil) == nil)
        #expect(URLResolver.base("b/", against: "http://example.com/a/") == "http://example.com/a/b/")
        let long = String(repeating: "q", count: URLResolver.maxBaseBytes) + "/"
        #expect(URLResolver.base(long, against: "http://example.com/") == nil)
    }

    @Test func anOpaqueOrOverlongAncestorBaseLeavesTheParentsInForce() {
        let feed = FeedParser().parse(Array("""
            <feed xmlns="http://www.w3.org/2005/Atom" xml:base="http://example.com/a/">
            <entry xml:base="tag:example.com,2005:1"><link href="story.html"/></entry>
            </feed>
            """.utf8), documentURL: nil)
        #expect(feed.entries[0].link == "http://example.com/a/story.html", "a tag: base has nothing to resolve against")
        // 256 nested elements with a relative base of 10 KB each: the bases in force stop
        // growing at the limit instead of holding 300 MB.
        var base: String? = "http://example.com/"
        for _ in 0..<256 { base = URLResolver.base(String(repeating: "q", count: 10_000) + "/", against: base) ?? base }
        #expect(base == "http://example.com/")
        for _ in 0..<256 { base = URLResolver.base(String(repeating: "q", count: 1_000) + "/", against: base) ?? base }
        #expect((base?.utf8.count ?? 0) <= URLResolver.maxBaseBytes)
    }

    @Test func anOpaqueBaseHasNothingToResolveAgainst() {
        #expect(URLResolver.resolve("entry/1", against: "tag:example.com,2005:feed") == "entry/1")
        #expect(URLResolver.resolve("x", against: "urn:uuid:60a76c80") == "x")
    }

    @Test func aRelativeBaseGivesARelativeResult() {
        #expect(URLResolver.resolve("c", against: "a/b") == "a/c")
        #expect(URLResolver.resolve("../c", against: "/a/b/") == "/a/c")
        #expect(URLResolver.resolve("c", against: "/feeds/rss.xml") == "/feeds/c")
    }

    @Test func surroundingWhitespaceIsNotPartOfTheAddress() {
        #expect(URLResolver.resolve("  g \n", against: " \(Self.base)\t") == "http://a/b/c/g")
    }
}
