import FeedModel
import Testing
@testable import FeedParsing

/// feedparser's rarer fields: extension elements by their feedparser keys, iTunes flags, RSS
/// channel metadata, an entry's rights, licence and comments page, Atom's generator and icon.
extension FeedParserFormatsTests {

    private func key(_ json: JSONValue, _ name: String) -> JSONValue? { json[name] }

    @Test func leafExtensionElementsKeepTheirTextUnderFeedparsersKeys() {
        let feed = parse("""
            <rss version="2.0" xmlns:slash="http://purl.org/rss/1.0/modules/slash/"
                 xmlns:wfw="http://wellformedweb.org/CommentAPI/" xmlns:MadeUp="http://madeup.test"
                 xmlns:fb="http://rssnamespace.org/feedburner/ext/1.0">
            <channel><title>T</title><ttl>60</ttl><docs>http://example.com/docs</docs>
            <item><title>Putin</title><link>http://news.example/a</link>
              <slash:comments>12</slash:comments>
              <wfw:commentRss>http://news.example/a/comments.rss</wfw:commentRss>
              <fb:origLink>http://origin.example/a</fb:origLink>
              <MadeUp:Element>test</MadeUp:Element>
              <MadeUp:Rated scheme="urn:x" level="3">adult</MadeUp:Rated>
              <MadeUp:Empty/>
            </item></channel></rss>
            """)
        let channel = feed.feed.json
        #expect(key(channel, "ttl") == .string("60"))
        #expect(key(channel, "docs") == .string("http://example.com/docs"))
        let entry = feed.entries[0].json
        #expect(key(entry, "slash_comments") == .string("12"), "feedparser's own prefix for a namespace it knows")
        #expect(key(entry, "wfw_commentrss") == .string("http://news.example/a/comments.rss"), "lower case")
        #expect(key(entry, "feedburner_origlink") == .string("http://origin.example/a"), "not the document's prefix (fb)")
        #expect(key(entry, "madeup_element") == .string("test"), "the document's prefix for an unknown namespace")
        #expect(key(entry, "madeup_rated") == .object([("scheme", .string("urn:x")), ("level", .string("3")),
                                                        ("content", .string("adult"))]))
        #expect(key(entry, "madeup_empty") == .string(""))
        #expect(feed.entries[0].link == "http://news.example/a")
    }

    @Test func containersKeepTheirChildrenAndNeverReplaceFeedwatchsOwnKeys() {
        let feed = parse("""
            <rss version="2.0" xmlns:x="http://x.test/">
            <channel><title>Channel</title>
            <item><title>Item</title><link>http://news.example/a</link>
              <x:wrap><link>http://elsewhere.example/</link><title>Not the title</title></x:wrap>
              <image><abcdefg>Incorrect</abcdefg></image>
              <abcdefg>Correct</abcdefg>
              <links>http://not-links.example/</links>
              <future_dated>yes</future_dated>
            </item></channel></rss>
            """)
        let entry = feed.entries[0]
        #expect(entry.link == "http://news.example/a", "a container's <link> is not the item's")
        #expect(entry.title?.value == "Item")
        let json = entry.json
        #expect(key(json, "x_wrap") == nil, "a container is not a value")
        #expect(key(json, "image") == nil)
        #expect(key(json, "abcdefg") == .string("Correct"), "the entry's own, not the one inside <image>")
        #expect(json["links"]?.arrayValue?.count == 1, "<links> does not replace the links")
        #expect(key(json, "future_dated") == nil, "a feed cannot set a key feedwatch writes")
    }

    @Test func atomContentElsewhereKeepsItsAddress() {
        let feed = parse("""
            <feed xmlns="http://www.w3.org/2005/Atom" xml:base="http://news.example/feeds/">
            <entry><summary>A clip</summary><content type="video/mp4" src="../clips/1.mp4"/></entry>
            <entry><content type="html">&lt;p&gt;here&lt;/p&gt;</content><content src="javascript:alert(1)"/></entry>
            <entry><content src="  "/></entry>
            </feed>
            """, url: "http://news.example/feeds/atom")
        #expect(feed.entries[0].extra.contentSource == ExtraFields.ContentSource(index: 0, href: "http://news.example/clips/1.mp4"))
        #expect(firstContent(feed.entries[0])?["src"] == .string("http://news.example/clips/1.mp4"))
        #expect(feed.entries[1].extra.contentSource == nil, "a script address is no source")
        #expect(firstContent(feed.entries[1])?["src"] == nil)
        #expect(feed.entries[2].extra.contentSource == nil, "blank is no address (not the base)")
    }

    private func firstContent(_ entry: Entry) -> JSONValue? {
        guard case .array(let items)? = entry.json["content"] else { return nil }
        return items.first
    }

    @Test func mediaCreditsAreAListAndRestrictionsSplitIntoCountries() {
        let credits = (0..<70).map { #"<media:credit role="r\#($0)">Name \#($0)</media:credit>"# }.joined()
        let feed = parse("""
            <rss version="2.0" xmlns:media="http://search.yahoo.com/mrss/"><channel><title>T</title>
            <item><title>Photo</title><media:group>
              <media:credit role="photographer" scheme="urn:ebu">Jane Doe</media:credit><media:credit>AP</media:credit>
              <media:restriction relationship="deny" type="country">RU  by</media:restriction></media:group></item>
            <item><title>Many</title>\(credits)<media:credit role="empty"/></item>
            </channel></rss>
            """)
        let json = feed.entries[0].json
        #expect(json["media_credit"] == .array([
            .object([("role", .string("photographer")), ("scheme", .string("urn:ebu")), ("content", .string("Jane Doe"))]),
            .object([("content", .string("AP"))]),
        ]))
        #expect(json["media_restriction"]?["content"] == .array([.string("ru"), .string("by")]))
        #expect(json["media_restriction"]?["relationship"] == .string("deny"))
        let countries = String(repeating: "xx ", count: ExtraFields.maxListItems + 10)
        let long = parse("<rss xmlns:media=\"http://search.yahoo.com/mrss/\"><channel><item><media:restriction relationship=\"allow\">\(countries)</media:restriction></item></channel></rss>")
        guard case .array(let codes)? = long.entries[0].json["media_restriction"]?["content"] else { Issue.record("no list"); return }
        #expect(codes.count == ExtraFields.maxListItems)
        guard case .array(let many)? = feed.entries[1].json["media_credit"] else { Issue.record("no credits"); return }
        #expect(many.count == ExtraFields.maxElements, "a list is capped like the elements are")
    }

    @Test func creditsInsideMediaContentAreTheEntrysAndNothingElseThereIs() {
        let feed = parse("""
            <rss version="2.0" xmlns:media="http://search.yahoo.com/mrss/"><channel><title>T</title>
            <item><title>Sanctions bite</title>
              <media:content width="140" url="https://i.example/photo.jpg">
                <media:credit scheme="urn:ebu">Photograph: Jane Doe/Reuters</media:credit>
                <media:description>A caption, not the story</media:description>
                <media:title>Photo title</media:title>
              </media:content>
              <link>https://news.example/a</link>
            </item>
            <item><title>Two</title><media:content url="https://i.example/2.jpg"/><description>Story two</description></item>
            </channel></rss>
            """)
        let first = feed.entries[0]
        #expect(first.json["media_credit"] == .array([.object([("scheme", .string("urn:ebu")), ("content", .string("Photograph: Jane Doe/Reuters"))])]))
        #expect(first.summary == nil && first.content.isEmpty, "the caption is the photo's, not the story's")
        #expect(first.title?.value == "Sanctions bite")
        #expect(first.link == "https://news.example/a", "elements after it are read again")
        #expect(first.mediaContent.map(\.href) == ["https://i.example/photo.jpg"])
        #expect(feed.entries[1].summary?.value == "Story two", "a self-closed media:content ends at once")
    }

    @Test func extensionElementsAreCappedPerEntry() {
        let many = (0..<(ExtraFields.maxElements + 20)).map { "<x:e\($0)>v</x:e\($0)>" }.joined()
        let feed = parse("""
            <rss version="2.0" xmlns:x="http://x.test/"><channel><item><title>t</title>\(many)
            <x:e0>last wins</x:e0></item></channel></rss>
            """)
        let elements = feed.entries[0].extra.elements
        #expect(elements.count == ExtraFields.maxElements)
        #expect(elements.first == ExtraFields.Element(key: "x_e0", value: .string("last wins")))
    }

    @Test func iTunesFlagsAreReadAsFeedparserReadsThem() {
        func channel(_ inner: String) -> ParsedFeed {
            parse("""
                <rss xmlns:itunes="http://www.itunes.com/dtds/podcast-1.0.dtd"><channel>\(inner)
                <item><title>t</title>\(inner)</item></channel></rss>
                """)
        }
        let cases: [(String, Bool, ExtraFields.Explicit)] = [
            ("yes", true, .yes), ("Yes", true, .unknown), ("true", false, .yes), ("no", false, .no),
            ("clean", false, .no), ("false", false, .no), ("YES", false, .unknown), (" yes ", false, .unknown),
        ]
        for (value, blocked, explicit) in cases {
            let feed = channel("<itunes:block>\(value)</itunes:block><itunes:explicit>\(value)</itunes:explicit>")
            #expect(feed.feed.extra.itunesBlock == blocked, "block \(value)")
            #expect(feed.feed.extra.itunesExplicit == explicit, "explicit \(value)")
            #expect(feed.entries[0].extra.itunesBlock == blocked)
            #expect(feed.entries[0].extra.itunesExplicit == explicit)
        }
        let json = channel("<itunes:explicit>maybe</itunes:explicit>").feed.json
        #expect(json["itunes_explicit"] == .null, "present but neither: feedparser's None")
    }

    @Test func iTunesOwnerImageAndDuration() {
        let feed = parse("""
            <rss xmlns:itunes="http://www.itunes.com/DTDs/PodCast-1.0.dtd"><channel><title>Pod</title>
            <itunes:owner><itunes:name>Mark Pilgrim</itunes:name><itunes:email>mark@example.com</itunes:email></itunes:owner>
            <itunes:image url="http://a.b/i.png"/>
            <item><title>Episode</title><itunes:image href="/ep.jpg"/><itunes:duration>3:00</itunes:duration></item>
            </channel></rss>
            """, url: "http://pod.example/feed")
        #expect(feed.feed.extra.publisher == Person(name: "Mark Pilgrim", email: "mark@example.com"))
        #expect(feed.feed.authors.isEmpty, "the owner publishes; it is not the author")
        #expect(feed.feed.image?.href == "http://a.b/i.png")
        #expect(feed.entries[0].extra.image?.href == "http://pod.example/ep.jpg")
        #expect(feed.entries[0].json["itunes_duration"] == .string("3:00"))
        #expect(feed.feed.json["publisher"] == .string("Mark Pilgrim (mark@example.com)"))
    }

    @Test func rssChannelMetadataStaysOutOfTheChannelsOwnFields() {
        let feed = parse("""
            <rss version="2.0"><channel>
            <image><title>Logo</title><url>http://example.org/logo.png</url><link>http://example.org/</link>
              <width>80</width><height>tall</height><description>Image text</description></image>
            <textInput><title>Search</title><description>Search the site</description><name>q</name>
              <link>http://example.org/search</link></textInput>
            <title>Channel</title><description>Channel text</description><link>http://example.org/home</link>
            <cloud domain="rpc.sys.com" port="80" path="/RPC2" registerProcedure="myCloud.rssPleaseNotify" protocol="xml-rpc"/>
            <webMaster>web@example.org (Web Master)</webMaster>
            <item><title>t</title><comments>http://example.org/a#comments</comments>
              <expirationDate>Wed, 01 Dec 2010 19:48:21 GMT</expirationDate>
              <expirationDate>Thu, 01 Jan 2004 19:48:21 GMT</expirationDate></item>
            </channel></rss>
            """)
        let info = feed.feed
        #expect(info.title?.value == "Channel", "not the image's or the text input's title")
        #expect(info.subtitle?.value == "Channel text", "not the image's description")
        #expect(info.link == "http://example.org/home")
        #expect(info.image?.width == 80)
        #expect(info.image?.height == 0, "not a number: 0, as feedparser")
        #expect(info.image?.description == "Image text")
        #expect(info.extra.textInput?.name == "q")
        #expect(info.extra.textInput?.title == "Search")
        #expect(info.extra.textInput?.link == "http://example.org/search")
        #expect(info.json["cloud"]?["registerprocedure"] == .string("myCloud.rssPleaseNotify"))
        #expect(info.extra.publisher == Person(name: "Web Master", email: "web@example.org"))
        #expect(info.authors.first?.name == "Web Master", "the webmaster stands in for a missing author")
        let entry = feed.entries[0]
        #expect(entry.extra.comments == "http://example.org/a#comments")
        #expect(entry.extra.expiredText == "Thu, 01 Jan 2004 19:48:21 GMT", "the last one wins")
        #expect(entry.json["expired_parsed"] == .string("2004-01-01T19:48:21Z"))
    }

    @Test func redirectNewLocationRightsLicenceLanguageAndValidity() {
        let feed = parse("""
            <rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/"
                 xmlns:cc="http://web.resource.org/cc/" xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"
                 xmlns:creativeCommons="http://backend.userland.com/creativeCommonsRssModule">
            <redirect><newLocation>http://example/new</newLocation></redirect>
            <channel><title>T</title><dc:publisher>Example editor</dc:publisher>
            <dcterms:valid>start=2002-10-13T09:00+01:00;end=2002-10-17T17:00+01:00;scheme=W3C-DTF</dcterms:valid>
            <item><title>a</title><dc:rights>Example copyright</dc:rights><dc:language>en</dc:language>
              <cc:license rdf:resource="http://www.creativecommons.org/licenses/by-nc/1.0"/></item>
            <item><title>b</title><creativeCommons:license>http://creativecommons.org/licenses/by/2.0</creativeCommons:license></item>
            </channel></rss>
            """)
        #expect(feed.feed.extra.newLocation == "http://example/new")
        #expect(feed.feed.extra.publisher?.name == "Example editor")
        #expect(feed.feed.json["validity_end_parsed"] == .string("2002-10-17T16:00:00Z"))
        #expect(feed.feed.extra.validityStartText == "2002-10-13T09:00+01:00")
        #expect(feed.feed.language == nil, "an item's language is the item's")
        let a = feed.entries[0]
        #expect(a.extra.rights?.value == "Example copyright")
        #expect(a.extra.language == "en")
        #expect(a.links.contains(Link(rel: "license", href: "http://www.creativecommons.org/licenses/by-nc/1.0")))
        #expect(feed.entries[1].links.contains(Link(rel: "license", href: "http://creativecommons.org/licenses/by/2.0")))
        #expect(a.link == nil, "a licence is not the entry's link")
    }

    @Test func atomGeneratorIconEntryRightsHreflangAndLanguageTags() {
        let feed = parse("""
            <feed xmlns="http://www.w3.org/2005/Atom" xml:lang="en_US">
            <generator uri="/gen" version="2.65">Example generator</generator>
            <icon>/favicon.ico</icon><logo>/logo.jpg</logo>
            <link rel="alternate" hreflang="en" href="/"/>
            <entry><title xml:lang="">Untagged</title><rights type="html">Example &lt;b&gt;Atom&lt;/b&gt;</rights></entry>
            </feed>
            """, url: "http://example.com/feed")
        let info = feed.feed
        #expect(info.extra.generator == ExtraFields.Generator(name: "Example generator", href: "http://example.com/gen", version: "2.65"))
        #expect(info.generator == "Example generator")
        #expect(info.extra.icon == "http://example.com/favicon.ico")
        #expect(info.extra.logo == "http://example.com/logo.jpg")
        #expect(info.image?.href == "http://example.com/logo.jpg")
        #expect(info.links.first?.hreflang == "en")
        #expect(info.language == "en-US", "en_US is written en-US")
        let entry = feed.entries[0]
        #expect(entry.title?.language == "", "xml:lang=\"\" says the language is unknown: not the feed's")
        #expect(entry.json["title_detail"]?["language"] == .null, "written as feedparser writes it")
        #expect(feed.entries[0].extra.rights?.language == "en-US")
        #expect(entry.extra.rights == TextConstruct(type: "text/html", language: "en-US", base: "http://example.com/feed",
                                                    value: "Example <b>Atom</b>"))
        #expect(feed.feed.rights == nil, "an entry's rights are not the feed's")
    }
}
