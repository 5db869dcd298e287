import Testing
@testable import FeedParsing

/// OPML subscription lists: folders as tags, odd exporters, hostile input, and round trips.
struct OPMLTests {
    func read(_ text: String) throws -> OPMLDocument { try OPMLReader().read(Array(text.utf8)) }

    @Test func nestedFoldersAndCategoriesBecomeTags() throws {
        let document = try read("""
            <?xml version="1.0" encoding="UTF-8"?>
            <opml version="2.0">
              <head><title>My subscriptions</title></head>
              <body>
                <outline text="News">
                  <outline text="World">
                    <outline type="rss" text="World desk" xmlUrl="https://a.example/rss" htmlUrl="https://a.example/"/>
                  </outline>
                  <outline type="rss" title="B title" text="B text" xmlUrl="https://b.example/atom" category="/Europe/Politics,/Daily"/>
                </outline>
                <outline type="rss" text="Top level" xmlUrl=" https://c.example/feed "/>
                <outline text="A link, not a feed" type="link" url="https://d.example/"/>
              </body>
            </opml>
            """)
        #expect(document.title == "My subscriptions")
        #expect(document.feeds.map(\.url) == ["https://a.example/rss", "https://b.example/atom", "https://c.example/feed"])
        #expect(document.feeds.map(\.tags) == [["News", "World"], ["News", "Europe", "Politics", "Daily"], []])
        #expect(document.feeds.map(\.title) == ["World desk", "B title", "Top level"])
        #expect(document.feeds[0].siteURL == "https://a.example/")
        #expect(document.feeds[0].line == 7)
    }

    @Test func attributeNamesAreMatchedWithoutCaseAndEntitiesDecoded() throws {
        let document = try read("""
            <opml version="1.0"><body>
            <outline TEXT="Tom &amp; Jerry&#39;s" XMLURL="https://e.example/rss?a=1&amp;b=2"/>
            </body></opml>
            """)
        #expect(document.feeds == [OPMLFeed(url: "https://e.example/rss?a=1&b=2", title: "Tom & Jerry's", line: 2)])
    }

    @Test func notOPMLIsAnError() {
        #expect(throws: OPMLError.self) { _ = try read("<rss version=\"2.0\"><channel/></rss>") }
        #expect(throws: OPMLError.self) { _ = try read("") }
        #expect(throws: OPMLError.self) { _ = try read("just text") }
    }

    @Test func externalEntitiesAreNeverLoadedAndExpansionIsBounded() throws {
        let document = try read("""
            <?xml version="1.0"?>
            <!DOCTYPE opml [
              <!ENTITY secret SYSTEM "file:///etc/passwd">
              <!ENTITY a "aaaaaaaaaa">
              <!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">
              <!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">
            ]>
            <opml version="2.0"><body>
              <outline text="x&secret;y" xmlUrl="https://f.example/&c;"/>
            </body></opml>
            """)
        let feed = try #require(document.feeds.first)
        #expect(!(feed.title ?? "").contains("root:"))
        #expect(feed.url.count < 200, "nested entities are not expanded")
    }

    @Test func brokenMarkupKeepsWhatCanBeRead() throws {
        let document = try read("<opml><body><outline text=\"A\" xmlUrl=\"https://a.example/\"><outline text=\"B\" xmlUrl=\"https://b.example/\"></body>")
        #expect(document.feeds.map(\.url) == ["https://a.example/", "https://b.example/"])
    }

    @Test func writtenOPMLReadsBackToTheSameFeedsAndTags() throws {
        let feeds = [
            OPMLFeed(url: "https://a.example/rss?x=1&y=<2>", title: "Quotes \" and ' and & and <tags>", tags: ["News", "World"]),
            OPMLFeed(url: "https://b.example/", title: nil, tags: []),
            OPMLFeed(url: "https://c.example/", title: "C", siteURL: "https://c.example/home", tags: ["News"]),
            OPMLFeed(url: "https://d.example/", title: "D\u{1}\ttab", tags: ["Ünïcode/ok"]),
        ]
        let text = OPMLWriter().write(OPMLDocument(title: "Mine & yours", feeds: feeds), dateCreated: "Fri, 27 Nov 2026 05:00:00 GMT")
        #expect(text.hasPrefix("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<opml version=\"2.0\">"))
        let back = try OPMLReader().read(Array(text.utf8))
        #expect(back.title == "Mine & yours")
        let byURL = Dictionary(uniqueKeysWithValues: back.feeds.map { ($0.url, $0) })
        #expect(Set(byURL.keys) == Set(feeds.map(\.url)))
        #expect(byURL["https://a.example/rss?x=1&y=<2>"]?.tags == ["News", "World"])
        #expect(byURL["https://a.example/rss?x=1&y=<2>"]?.title == "Quotes \" and ' and & and <tags>")
        #expect(byURL["https://b.example/"]?.tags == [])
        #expect(byURL["https://c.example/"]?.tags == ["News"])
        #expect(byURL["https://c.example/"]?.siteURL == "https://c.example/home")
        #expect(byURL["https://d.example/"]?.tags == ["Ünïcode/ok"])
        #expect(byURL["https://d.example/"]?.title == "D tab", "control characters dropped, whitespace collapsed")
    }

    @Test func theWriterNeverEmitsARawControlCharacter() throws {
        // A feed title is written by a stranger; `export-opml` prints to a terminal, where
        // U+009B is CSI and ESC starts a sequence.
        let title = "a\u{1B}]0;x\u{07} b\u{9B}31m c\u{7F}d"
        let text = OPMLWriter().write(OPMLDocument(feeds: [OPMLFeed(url: "https://a.example/", title: title)]))
        #expect(!text.unicodeScalars.contains { ($0.value < 0x20 && $0 != "\n") || (0x7F...0x9F).contains($0.value) })
        #expect(text.contains("b&#x9B;31m c&#x7F;d"))
        let back = try OPMLReader().read(Array(text.utf8))
        #expect(back.feeds.first?.title == "a]0;x b\u{9B}31m c\u{7F}d")
    }

    @Test func aFileOverTheLimitIsRefusedNotCutShort() {
        let huge = [UInt8](repeating: 0x20, count: OPMLReader.maxBytes + 1)
        #expect { _ = try OPMLReader().read(huge) } throws: { error in
            (error as? OPMLError)?.message.contains("larger than 32 MiB") == true
        }
    }

    @Test func deeplyNestedFoldersLoseNoFeed() throws {
        var text = "<opml version=\"2.0\"><body>"
        for level in 0..<100 { text += "<outline text=\"f\(level)\">" }
        text += "<outline text=\"deep\" xmlUrl=\"https://deep.example/\"/>"
        text += String(repeating: "</outline>", count: 100) + "</body></opml>"
        let document = try OPMLReader().read(Array(text.utf8))
        #expect(document.feeds.map(\.url) == ["https://deep.example/"])
        #expect(document.feeds.first?.tags == (0..<32).map { "f\($0)" })
    }

    @Test func aDisabledFeedIsExportedCommentedOutAndReadBackDisabled() throws {
        let document = OPMLDocument(feeds: [OPMLFeed(url: "https://a.example/", tags: ["x"], enabled: false),
                                            OPMLFeed(url: "https://b.example/", tags: ["x"])])
        let text = OPMLWriter().write(document)
        #expect(text.contains("xmlUrl=\"https://a.example/\" isComment=\"true\"/>"))
        #expect(try OPMLReader().read(Array(text.utf8)).feeds.map(\.enabled) == [false, true])
        // A commented folder comments everything inside it.
        let folder = try OPMLReader().read(Array("""
            <opml version="2.0"><body><outline text="old" isComment="TRUE"><outline xmlUrl="https://c.example/"/></outline>
            <outline xmlUrl="https://d.example/" isComment="false"/></body></opml>
            """.utf8))
        #expect(folder.feeds.map(\.enabled) == [false, true])
    }
}
