import FeedModel
import Testing
@testable import FeedParsing

/// Relative URLs inside a feed's HTML, resolved for `parse --json` as feedparser does.
struct HTMLRelativeURLsTests {
    let base = "http://example.com/blog/post/"

    @Test func relativeURLsInURLAttributesAreResolved() {
        let html = #"<p>See <a href="../other/">this</a> and <img src='/img/a.png' alt="../not-a-url"> <IMG SRC=b.png></p>"#
        #expect(HTMLRelativeURLs.resolve(html, base: base) ==
                #"<p>See <a href="http://example.com/blog/other/">this</a> and <img src="http://example.com/img/a.png" alt="../not-a-url"> <IMG SRC="http://example.com/blog/post/b.png"></p>"#)
    }

    @Test func absoluteURLsOtherAttributesAndTextAreLeftByteForByte() {
        let html = #"<a href="https://x.example/a" title="rel/ative">a &lt; b</a> <span href="rel">x</span> 3 < 4 <a href=mailto:a@b>m</a>"#
        #expect(HTMLRelativeURLs.resolve(html, base: base) == html)
    }

    @Test func valuesAreDecodedBeforeAndEscapedAfter() {
        let html = #"<a href="search?q=a&amp;b=&quot;c&quot;">s</a><a href="&#192;">u</a>"#
        #expect(HTMLRelativeURLs.resolve(html, base: base) ==
                #"<a href="http://example.com/blog/post/search?q=a&amp;b=&quot;c&quot;">s</a><a href="http://example.com/blog/post/À">u</a>"#,
                "characters as the feed wrote them, as feedparser does; escaped again for the attribute")
    }

    @Test func brokenMarkupNeitherCrashesNorLosesText() {
        for html in ["<a href=", "<a href=\"rel", "<img src='x' ", "<", "<<a href=x>>", "<a\u{0}href=x>", "<a href = 'y' >t"] {
            let out = HTMLRelativeURLs.resolve(html, base: base)
            #expect(out.count >= html.count - 2, "\(html) -> \(out)")
        }
        #expect(HTMLRelativeURLs.resolve("<a href = 'y' >t", base: base) == #"<a href = "http://example.com/blog/post/y" >t"#)
    }

    @Test func parseJSONResolvesEachTextAgainstItsOwnBase() {
        let feed = FeedParser().parse(Array("""
            <feed xmlns="http://www.w3.org/2005/Atom" xml:base="http://example.com/parent/">
            <title type="xhtml" xml:base="http://example.com/test/"><div xmlns="http://www.w3.org/1999/xhtml">Example <a href="test.html">test</a></div></title>
            <entry><title>Plain text keeps &lt;a href="x"&gt; as text</title>
              <content type="html">&lt;img src="pic.jpg"&gt;</content></entry>
            </feed>
            """.utf8), documentURL: "http://feed.example/atom")
        #expect(feed.feed.title?.value == #"Example <a href="test.html">test</a>"#, "the parse keeps the HTML as written")
        let resolved = feed.resolvingRelativeURLs()
        #expect(resolved.feed.title?.value == #"Example <a href="http://example.com/test/test.html">test</a>"#)
        #expect(resolved.entries[0].content.first?.value == #"<img src="http://example.com/parent/pic.jpg">"#)
        #expect(resolved.entries[0].title?.value == #"Plain text keeps <a href="x"> as text"#, "text/plain is not HTML")
    }
}
