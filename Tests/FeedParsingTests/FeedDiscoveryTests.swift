import Testing
@testable import FeedParsing

/// `<link rel="alternate">` feeds of an HTML page.
struct FeedDiscoveryTests {
    func find(_ html: String, _ page: String? = "https://example.org/blog/post.html") -> [FeedDiscovery.Candidate] {
        FeedDiscovery().candidates(inHTML: Array(html.utf8), pageURL: page)
    }

    @Test func findsRSSAtomAndJSONFeedsResolvedAgainstThePage() {
        let found = find("""
            <!DOCTYPE html><html><head>
            <title>Blog</title>
            <link rel="stylesheet" href="/style.css">
            <link rel="alternate" type="application/rss+xml" title="Posts (RSS)" href="/feed.rss">
            <LINK REL="Alternate" TYPE="application/atom+xml; charset=utf-8" href="atom.xml" title="  Posts
              (Atom) ">
            <link rel="alternate" type="application/feed+json" href="https://cdn.example.net/feed.json">
            <link rel="alternate" type="text/html" hreflang="fr" href="/fr/">
            <link rel="alternate" type="application/rss+xml" href="/feed.rss">
            </head><body></body></html>
            """)
        #expect(found == [
            .init(url: "https://example.org/feed.rss", title: "Posts (RSS)", type: "application/rss+xml"),
            .init(url: "https://example.org/blog/atom.xml", title: "Posts (Atom)", type: "application/atom+xml"),
            .init(url: "https://cdn.example.net/feed.json", title: nil, type: "application/feed+json"),
        ])
    }

    @Test func baseHrefIsHonoured() {
        let found = find("""
            <html><head><base href="/news/"><link rel="alternate" type="application/rss+xml" href="rss.xml"></head></html>
            """)
        #expect(found.map(\.url) == ["https://example.org/news/rss.xml"])
    }

    @Test func relTokensAndBrokenMarkup() {
        let found = find("""
            <html><head><link rel="feed alternate" type="application/rss+xml" href="/a">
            <link rel="alternate stylesheet" type="application/rss+xml" href="/not-a-feed">
            <link rel=alternate type=application/rss+xml href=/b>
            <p>unclosed <b>tags <link rel="alternate" type="application/rss+xml" href="/in-body">
            """)
        #expect(found.map(\.url) == ["https://example.org/a", "https://example.org/b", "https://example.org/in-body"])
    }

    @Test func onlyWebURLsAreOffered() {
        let found = find("""
            <link rel="alternate" type="application/rss+xml" href="javascript:alert(1)">
            <link rel="alternate" type="application/rss+xml" href="file:///etc/passwd">
            <link rel="alternate" type="application/rss+xml" href="">
            """)
        #expect(found.isEmpty)
        let base = find("""
            <base href="file:///etc/"><link rel="alternate" type="application/rss+xml" href="passwd">
            """)
        #expect(base.isEmpty, "a <base> with another scheme makes relative hrefs unusable")
    }

    @Test func protocolRelativeAndUnfetchableHrefs() {
        let found = find("""
            <link rel="alternate" type="application/rss+xml" href="//cdn.example/feed">
            <link rel="alternate" type="application/rss+xml" href="https://x.example/a b">
            <link rel="alternate" type="application/atom+xml" href="https://x.example/\u{1B}[2J">
            <link rel="alternate" type="application/atom+xml" href="/my feed.xml">
            """)
        #expect(found.map(\.url) == ["https://cdn.example/feed", "https://x.example/a%20b", "https://example.org/my%20feed.xml"],
                "spaces are sent encoded, as a browser sends them; an escape character is no address")
        #expect(find(#"<link rel="alternate" type="application/rss+xml" href="/flux/économie.xml">"#).map(\.url) ==
                ["https://example.org/flux/%C3%A9conomie.xml"])
    }

    @Test func aPageWithoutFeedsOrBytesHasNone() {
        #expect(find("<html><head><title>x</title></head><body>No feeds</body></html>").isEmpty)
        #expect(find("").isEmpty)
    }

    @Test func fallbackPathsAreOnThePagesSite() {
        #expect(FeedDiscovery.fallbackURLs(for: "https://example.org:8443/blog/post?id=3") == [
            "https://example.org:8443/feed", "https://example.org:8443/rss.xml", "https://example.org:8443/atom.xml",
            "https://example.org:8443/index.xml", "https://example.org:8443/feed.xml",
        ])
    }
}
