import FeedModel
import Testing
@testable import FeedParsing

struct JSONFeedParserTests {
    func parse(_ json: String, url: String? = nil, maxFieldBytes: Int = 4 << 20) -> ParsedFeed? {
        JSONFeedParser.parse(Array(json.utf8), documentURL: url, maxFieldBytes: maxFieldBytes)
    }

    // MARK: Whole documents

    @Test func fullVersion11Document() throws {
        let feed = try #require(parse("""
            {
              "version": "https://jsonfeed.org/version/1.1",
              "title": "  Europe Desk ",
              "home_page_url": "https://europe.example.net/",
              "feed_url": "https://europe.example.net/feed.json",
              "next_url": "https://europe.example.net/feed.json?page=2",
              "description": "Politics & economy from Brussels",
              "icon": "https://europe.example.net/icon.png",
              "favicon": "https://europe.example.net/favicon.ico",
              "language": "en-GB",
              "expired": false,
              "hubs": [{"type": "WebSub", "url": "https://hub.example.org/"}],
              "authors": [{"name": "Europe Desk", "url": "https://europe.example.net/desk", "avatar": "https://europe.example.net/a.png"},
                          {"name": "Mail Desk", "url": "mailto:desk@europe.example.net"}],
              "items": [
                {
                  "id": "https://europe.example.net/2018/08/09/sanctions",
                  "url": "https://europe.example.net/2018/08/09/sanctions",
                  "external_url": "https://www.consilium.europa.eu/press",
                  "title": "EU extends sanctions",
                  "content_html": "<p>EU governments <b>agreed</b></p>",
                  "content_text": "EU governments agreed",
                  "summary": "Sanctions extended",
                  "image": "https://europe.example.net/img.jpg",
                  "date_published": "2018-08-09T07:30:00+02:00",
                  "date_modified": "2018-08-09T05:45:00Z",
                  "tags": ["economy", "Russia", "economy"],
                  "language": "fr",
                  "authors": [{"name": "Anna Schmidt"}],
                  "_custom": {"anything": [1, 2, {"deep": true}]}
                },
                {"id": "2", "content_text": "Second"}
              ]
            }
            """))
        #expect(feed.version == .json11)
        #expect(!feed.bozo)
        #expect(feed.bozoException == nil)
        #expect(feed.encoding == "utf-8")
        #expect(feed.feed.title == TextConstruct(type: "text/plain", language: "en-GB", value: "Europe Desk"))
        #expect(feed.feed.subtitle?.value == "Politics & economy from Brussels")
        #expect(feed.feed.subtitle?.type == "text/plain")
        #expect(feed.feed.link == "https://europe.example.net/")
        #expect(feed.feed.links == [
            Link(rel: "alternate", type: "text/html", href: "https://europe.example.net/"),
            Link(rel: "self", type: "application/feed+json", href: "https://europe.example.net/feed.json"),
            Link(rel: "next", type: "application/feed+json", href: "https://europe.example.net/feed.json?page=2"),
        ])
        #expect(feed.feed.image == Image(href: "https://europe.example.net/icon.png"))
        #expect(feed.feed.language == "en-GB")
        #expect(feed.feed.authors == [
            Person(name: "Europe Desk", href: "https://europe.example.net/desk"),
            Person(name: "Mail Desk", email: "desk@europe.example.net"),
        ])
        #expect(feed.entries.count == 2)

        let first = feed.entries[0]
        #expect(first.id == "https://europe.example.net/2018/08/09/sanctions")
        #expect(first.link == "https://europe.example.net/2018/08/09/sanctions")
        #expect(first.links == [
            Link(rel: "alternate", type: "text/html", href: "https://europe.example.net/2018/08/09/sanctions"),
            Link(rel: "related", href: "https://www.consilium.europa.eu/press"),
        ])
        #expect(first.title == TextConstruct(type: "text/plain", language: "fr", value: "EU extends sanctions"))
        #expect(first.content == [
            TextConstruct(type: "text/html", language: "fr", value: "<p>EU governments <b>agreed</b></p>"),
            TextConstruct(type: "text/plain", language: "fr", value: "EU governments agreed"),
        ])
        #expect(first.summary == TextConstruct(type: "text/plain", language: "fr", value: "Sanctions extended"))
        #expect(first.publishedText == "2018-08-09T07:30:00+02:00")
        #expect(first.published?.rfc3339 == "2018-08-09T05:30:00Z")
        #expect(first.updatedText == "2018-08-09T05:45:00Z")
        #expect(first.updated?.rfc3339 == "2018-08-09T05:45:00Z")
        #expect(!first.futureDated)
        #expect(first.tags == [Tag(term: "economy"), Tag(term: "Russia")])
        #expect(first.authors == [Person(name: "Anna Schmidt")])
        #expect(first.enclosures.isEmpty)

        let second = feed.entries[1]
        #expect(second.id == "2")
        #expect(second.link == nil)
        #expect(second.title == nil)
        #expect(second.content == [TextConstruct(type: "text/plain", language: "en-GB", value: "Second")])
        #expect(second.authors.isEmpty)  // feedparser does not copy the feed's authors down
    }

    /// The feedparser conformance case json/example.json, byte for byte: "not bozo and
    /// feed.title == 'My Example Feed' and len(entries) == 2".
    @Test func feedparserConformanceExample() throws {
        let feed = try #require(parse("""
            {
                "__TEST__": "Description: basic JSON tests Expect: not bozo and feed.title == 'My Example Feed' and len(entries) == 2 -->",
                "version": "https://jsonfeed.org/version/1",
                "title": "My Example Feed",
                "home_page_url": "https://example.org/",
                "feed_url": "https://example.org/feed.json",
                "icon": "https://example.org/feed.png",
                "author": { "name": "me" },
                "items": [
                    {
                        "id": "2",
                        "title": "post 2",
                        "content_text": "This is a second item.",
                        "url": "https://example.org/second-item",
                        "attachments": [
                            {
                                "url": "https://example.org/second-item-show.mp4",
                                "mime_type": "video/mp4",
                                "size_in_bytes": 12000000
                            }
                        ],
                        "tags": ["test", "JSON"]
                    },
                    {
                        "id": "1",
                        "author": { "name": "you", "url": "http://example.net/~you" },
                        "content_html": "<p>Hello, world!</p>\\n\\n<script>alert();</script>",
                        "url": "https://example.org/initial-post"
                    }
                ]
            }

            """))
        #expect(!feed.bozo)
        #expect(feed.feed.title?.value == "My Example Feed")
        #expect(feed.entries.count == 2)
        #expect(feed.version == .json1)
        #expect(feed.feed.image?.href == "https://example.org/feed.png")
        #expect(feed.entries[1].content.first?.value == "<p>Hello, world!</p>\n\n<script>alert();</script>")
        // And as `feedwatch parse --json` prints it.
        let json = feed.json
        #expect(json["version"]?.stringValue == "json1")
        #expect(json["feed"]?["author"]?.stringValue == "me")
        #expect(json["entries"]?.arrayValue?.first?["enclosures"]?.arrayValue?.first?["length"]?.stringValue == "12000000")
        #expect(json["entries"]?.arrayValue?.last?["author_detail"]?["href"]?.stringValue == "http://example.net/~you")
    }

    @Test func version10DocumentWithAuthor() throws {
        let feed = try #require(parse("""
            {"version": "https://jsonfeed.org/version/1", "title": "Old style",
             "author": {"name": "Jo Bloggs", "url": "https://jo.example.org/"},
             "items": [
               {"id": 42, "title": "Numeric id", "author": {"url": "mailto:jo@example.org"},
                "date_published": "2017-05-17T10:02:12-07:00"},
               {"id": 12345678901234567890, "title": "Huge id", "author": {"name": "Ann"}, "authors": []}
             ]}
            """))
        #expect(feed.version == .json1)
        #expect(!feed.bozo)
        #expect(feed.feed.authors == [Person(name: "Jo Bloggs", href: "https://jo.example.org/")])
        #expect(feed.entries.map(\.id) == ["42", "12345678901234567890"])
        #expect(feed.entries[0].authors == [Person(email: "jo@example.org")])
        #expect(feed.entries[0].published?.rfc3339 == "2017-05-17T17:02:12Z")
        // An empty 1.1 `authors` falls back to 1.0's `author`.
        #expect(feed.entries[1].authors == [Person(name: "Ann")])
        // 1.1's `authors` wins over `author` when both are given.
        let both = try #require(parse("""
            {"version": "https://jsonfeed.org/version/1.1", "title": "T", "items": [],
             "author": {"name": "Old"}, "authors": [{"name": "New"}]}
            """))
        #expect(both.feed.authors == [Person(name: "New")])
    }

    @Test func attachmentsBecomeEnclosuresAndLinks() throws {
        let feed = try #require(parse("""
            {"version": "https://jsonfeed.org/version/1.1", "title": "Podcast", "items": [{
              "id": "ep1",
              "attachments": [
                {"url": "https://cdn.example.org/ep1.mp3", "mime_type": "audio/mpeg", "size_in_bytes": 89970236,
                 "duration_in_seconds": 6629, "title": "MP3"},
                {"url": "https://cdn.example.org/ep1.m4a", "mime_type": "audio/x-m4a", "size_in_bytes": 1.2e7},
                {"url": "https://cdn.example.org/ep1.ogg", "mime_type": "audio/ogg"},
                {"mime_type": "audio/flac"},
                "https://cdn.example.org/not-an-object.mp3",
                {"url": "https://cdn.example.org/ep1.wav", "mime_type": "audio/wav", "size_in_bytes": "big"}
              ]}]}
            """))
        let entry = try #require(feed.entries.first)
        #expect(entry.enclosures == [
            Enclosure(href: "https://cdn.example.org/ep1.mp3", type: "audio/mpeg", length: "89970236"),
            Enclosure(href: "https://cdn.example.org/ep1.m4a", type: "audio/x-m4a", length: "12000000"),
            Enclosure(href: "https://cdn.example.org/ep1.ogg", type: "audio/ogg"),
            Enclosure(href: "https://cdn.example.org/ep1.wav", type: "audio/wav"),
        ])
        #expect(entry.links.first == Link(rel: "enclosure", type: "audio/mpeg", href: "https://cdn.example.org/ep1.mp3",
                                          title: "MP3", length: "89970236"))
        #expect(entry.links.count == 4)
        // The attachment without a url is required-field trouble, and reported first.
        #expect(feed.bozo)
        #expect(feed.bozoException == "items[0].attachments[3].url is missing (required)")
    }

    // MARK: Robustness

    @Test func wrongTypesSkipTheFieldNeverTheItem() throws {
        let feed = try #require(parse("""
            {"version": "https://jsonfeed.org/version/1.1", "title": ["not", "a", "string"],
             "home_page_url": 7, "author": "Jo", "icon": {"href": "x"},
             "items": [
               {"id": true, "title": 3, "url": "https://example.org/1", "tags": "politics",
                "content_html": null, "content_text": "kept", "date_published": 20180808,
                "authors": {"name": "Jo"}, "attachments": {"url": "https://example.org/a.mp3"}},
               "a string item",
               42,
               null,
               {"id": "ok", "title": "Fine", "tags": ["a", 1, null, "b", "  "], "authors": ["Jo", {"name": 5, "url": "https://jo.example.org/"}]}
             ]}
            """))
        #expect(feed.bozo)
        #expect(feed.bozoException == "title: expected a string, found an array")
        #expect(feed.feed.title == nil)
        #expect(feed.feed.link == nil)
        #expect(feed.feed.image == nil)
        #expect(feed.feed.authors.isEmpty)
        // Non-object items are skipped; the others are all kept.
        #expect(feed.entries.count == 2)
        let first = feed.entries[0]
        #expect(first.id == nil)
        #expect(first.title == nil)
        #expect(first.link == "https://example.org/1")
        #expect(first.content.map(\.value) == ["kept"])
        #expect(first.published == nil)
        #expect(first.tags.isEmpty)
        #expect(first.enclosures.isEmpty)
        let second = feed.entries[1]
        #expect(second.title?.value == "Fine")
        #expect(second.tags.map(\.term) == ["a", "b"])
        #expect(second.authors == [Person(href: "https://jo.example.org/")])
    }

    @Test func missingRequiredFieldsAreBozoButKeepWhatIsThere() throws {
        let noItems = try #require(parse(#"{"version": "https://jsonfeed.org/version/1.1", "title": "T"}"#))
        #expect(noItems.bozo)
        #expect(noItems.bozoException == "items is missing (required)")
        #expect(noItems.feed.title?.value == "T")

        let noTitle = try #require(parse(#"{"version": "https://jsonfeed.org/version/1", "items": [{"id": "1"}]}"#))
        #expect(noTitle.bozoException == "title is missing (required)")
        #expect(noTitle.entries.count == 1)

        let noID = try #require(parse(#"{"version": "https://jsonfeed.org/version/1", "title": "T", "items": [{"id": "1"}, {"title": "x"}]}"#))
        #expect(noID.bozoException == "items[1].id is missing (required)")
        #expect(noID.entries.map { $0.title?.value } == [nil, "x"])

        let itemsNotArray = try #require(parse(#"{"version": "https://jsonfeed.org/version/1", "title": "T", "items": {"id": "1"}}"#))
        #expect(itemsNotArray.bozoException == "items: expected an array, found an object")
        #expect(itemsNotArray.entries.isEmpty)
    }

    @Test func nonJSONInputIsNotAJSONFeed() {
        #expect(parse("") == nil)
        #expect(parse("   \n") == nil)
        #expect(parse("hello world") == nil)
        #expect(parse("[1, 2, 3]") == nil)
        #expect(parse("\"https://jsonfeed.org/version/1\"") == nil)
        #expect(JSONFeedParser.parse([0xFF, 0xFE, 0x7B, 0x00], documentURL: nil) == nil)
        // JSON objects that are not JSON Feeds.
        #expect(parse(#"{"title": "x", "items": []}"#) == nil)
        #expect(parse(#"{"version": "1.1", "title": "x", "items": []}"#) == nil)
        #expect(parse(#"{"version": 1, "items": []}"#) == nil)
        #expect(parse(#"{"version": "https://example.org/version/1"}"#) == nil)
        // Broken JSON that does not claim to be a JSON Feed.
        #expect(parse(#"{"foo": "#) == nil)
    }

    @Test func xmlDocumentsAreLeftToTheXMLParser() {
        #expect(parse("<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>T</title></channel></rss>") == nil)
        #expect(parse("\u{FEFF}<feed xmlns=\"http://www.w3.org/2005/Atom\"><title>{json}</title></feed>") == nil)
        // Even one that mentions JSON Feed.
        #expect(parse("<rss><channel><link>https://jsonfeed.org/version/1.1</link></channel></rss>") == nil)
    }

    @Test func invalidJSONThatClaimsToBeAJSONFeedIsBozo() throws {
        let feed = try #require(parse("""
            {"version": "https://jsonfeed.org/version/1.1",
             "title": "Broken",
             "items": [{"id": "1",}]}
            """))
        #expect(feed.bozo)
        #expect(feed.version == .json11)
        #expect(feed.entries.isEmpty)
        #expect(feed.bozoException == "invalid JSON at line 3, column 23: expected a string key")

        let truncated = try #require(parse(#"{"version": "https://jsonfeed.org/version/1", "title": "Cut", "items": [{"id": "1", "title": "Tw"#))
        #expect(truncated.bozo)
        #expect(truncated.version == .json1)
        #expect(truncated.bozoException?.hasPrefix("invalid JSON at line 1") == true)
    }

    @Test func trailingDataKeepsTheFeedButIsBozo() throws {
        let feed = try #require(parse(#"{"version": "https://jsonfeed.org/version/1.1", "title": "T", "items": [{"id": "1"}]} {"#))
        #expect(feed.bozo)
        #expect(feed.bozoException == "trailing data after the JSON object at line 1, column 87")
        #expect(feed.entries.count == 1)
    }

    @Test func unknownJSONFeedVersionIsReadAsTheNewest() throws {
        let feed = try #require(parse(#"{"version": "https://jsonfeed.org/version/2", "title": "Future", "items": [{"id": "1"}]}"#))
        #expect(feed.version == .json11)
        #expect(feed.bozo)
        #expect(feed.bozoException == #"unknown JSON Feed version "https://jsonfeed.org/version/2"; read as 1.1"#)
        #expect(feed.entries.count == 1)
        #expect(JSONFeedVersion("http://jsonfeed.org/version/1.1/") == JSONFeedVersion("https://jsonfeed.org/version/1.1"))
        #expect(JSONFeedVersion(" HTTPS://JSONFEED.ORG/version/1.0 ")?.feedVersion == .json1)
    }

    @Test func nestingDeeperThan64LevelsIsRejected() throws {
        func feed(nesting levels: Int) -> String {
            // The root object is level 1 and "_deep" adds levels - 1.
            let inner = String(repeating: "[", count: levels - 1) + String(repeating: "]", count: levels - 1)
            return #"{"version": "https://jsonfeed.org/version/1.1", "title": "T", "items": [{"id": "1"}], "_deep": \#(inner)}"#
        }
        let atLimit = try #require(parse(feed(nesting: 64)))
        #expect(!atLimit.bozo)
        #expect(atLimit.entries.count == 1)

        let beyond = try #require(parse(feed(nesting: 65)))
        #expect(beyond.bozo)
        #expect(beyond.entries.isEmpty)
        #expect(beyond.bozoException?.contains("nested deeper than 64 levels") == true)

        // Far deeper input neither overflows the stack nor takes long.
        let hostile = try #require(parse(feed(nesting: 1_000_000)))
        #expect(hostile.bozo)
        // Deep JSON that is not a feed is simply not a JSON Feed.
        #expect(parse(String(repeating: "{\"a\":", count: 100_000)) == nil)
    }

    @Test func relativeURLsResolveAgainstTheDocumentURL() throws {
        let json = """
            {"version": "https://jsonfeed.org/version/1.1", "title": "T",
             "home_page_url": "/", "feed_url": "feed.json", "favicon": "../favicon.ico",
             "authors": [{"name": "Jo", "url": "/people/jo"}],
             "items": [{"id": "1", "url": "posts/1.html", "external_url": "//other.example.net/x",
                        "attachments": [{"url": "media/1.mp3", "mime_type": "audio/mpeg"}],
                        "authors": [{"name": "Ann", "url": "mailto:ann@example.org"}]},
                       {"id": "2", "url": "https://absolute.example.com/2"}]}
            """
        let feed = try #require(parse(json, url: "https://news.example.org/blog/feed.json"))
        #expect(!feed.bozo)
        #expect(feed.feed.link == "https://news.example.org/")
        #expect(feed.feed.links.map(\.href) == ["https://news.example.org/", "https://news.example.org/blog/feed.json"])
        #expect(feed.feed.image?.href == "https://news.example.org/favicon.ico")
        #expect(feed.feed.authors.first?.href == "https://news.example.org/people/jo")
        #expect(feed.feed.title?.base == "https://news.example.org/blog/feed.json")
        let entry = feed.entries[0]
        #expect(entry.link == "https://news.example.org/blog/posts/1.html")
        #expect(entry.links.map(\.href) == [
            "https://news.example.org/blog/posts/1.html",
            "https://other.example.net/x",
            "https://news.example.org/blog/media/1.mp3",
        ])
        #expect(entry.enclosures.first?.href == "https://news.example.org/blog/media/1.mp3")
        #expect(entry.authors == [Person(name: "Ann", email: "ann@example.org")])
        #expect(feed.entries[1].link == "https://absolute.example.com/2")

        // Without a document URL relative links stay as written.
        let bare = try #require(parse(json))
        #expect(bare.entries[0].link == "posts/1.html")
        #expect(bare.feed.link == "/")
    }

    @Test func datesKeepTheirTextAndFutureDatesAreFlagged() throws {
        let json = """
            {"version": "https://jsonfeed.org/version/1.1", "title": "T", "items": [
              {"id": "1", "date_published": "yesterday-ish"},
              {"id": "2", "date_modified": "Wed, 08 Aug 2018 10:00:00 GMT"},
              {"id": "3", "date_published": "2018-08-10T00:00:01Z"},
              {"id": "4", "date_published": "2018-08-09T00:00:00Z"}
            ]}
            """
        let now = try #require(Timestamp(year: 2018, month: 8, day: 8))
        let feed = try #require(JSONFeedParser.parse(Array(json.utf8), documentURL: nil, maxFieldBytes: 1 << 20, now: now))
        #expect(!feed.bozo)  // an unreadable date is not a broken feed
        #expect(feed.entries[0].publishedText == "yesterday-ish")
        #expect(feed.entries[0].published == nil)
        #expect(feed.entries[1].updated?.rfc3339 == "2018-08-08T10:00:00Z")
        #expect(feed.entries[1].date?.rfc3339 == "2018-08-08T10:00:00Z")
        #expect(feed.entries.map(\.futureDated) == [false, false, true, false])
        #expect(feed.entries[2].date == nil)
    }

    @Test func oversizedStringsAreCutAtACharacterBoundary() throws {
        let long = String(repeating: "é", count: 600)  // 1200 bytes
        let feed = try #require(parse(#"{"version": "https://jsonfeed.org/version/1.1", "title": "T", "items": [{"id": "1", "content_text": "\#(long)"}]}"#,
                                      maxFieldBytes: 1001))
        #expect(feed.bozo)
        #expect(feed.bozoException == "a string is longer than 1001 bytes and was cut")
        #expect(feed.entries.first?.content.first?.value == String(repeating: "é", count: 500))
    }

    @Test func invalidUTF8IsReplacedAndFlagged() throws {
        var bytes = Array(#"{"version": "https://jsonfeed.org/version/1.1", "title": "Caf"#.utf8)
        bytes += [0xE9]  // Latin-1 é
        bytes += Array(#"", "items": []}"#.utf8)
        let feed = try #require(JSONFeedParser.parse(bytes, documentURL: nil))
        #expect(feed.bozo)
        #expect(feed.feed.title?.value == "Caf\u{FFFD}")
    }

    // MARK: The JSON reader

    func read(_ text: String) throws(JSONReader.Failure) -> JSONNode {
        var reader = JSONReader(Array(text.utf8))
        return try reader.readDocument().value
    }

    @Test func readerValues() throws {
        #expect(try read(#"{"a": [true, false, null, -0.5e+3, 0, "x"], "a": 2}"#) == .object(["a": .number("2")]))
        #expect(try read(#"[-0, 10, 1.25, 1E5]"#) == .array([.number("-0"), .number("10"), .number("1.25"), .number("1E5")]))
        #expect(try read(#""\"\\\/\b\f\n\r\t""#) == .string("\"\\/\u{8}\u{C}\n\r\t"))
        #expect(try read(#""\u00e9\u20AC\ud83d\ude00""#) == .string("é€😀"))
        // Lone surrogates become U+FFFD; the escape after one still counts.
        #expect(try read(#""\ud800x\udc00\ud800\u0041""#) == .string("\u{FFFD}x\u{FFFD}\u{FFFD}A"))
        #expect(try read(" \t\r\n{ } ") == .object([:]))
        #expect(JSONNode.number("12000000").wholeNumberText == "12000000")
        #expect(JSONNode.number("1.5").wholeNumberText == nil)
        #expect(JSONNode.number("-3").wholeNumberText == nil)
        #expect(JSONNode.bool(true).wholeNumberText == nil)
    }

    @Test(arguments: [
        "", "{", "[1,]", "{\"a\" 1}", "{\"a\":1,}", "01", "1.", "-", "1e", "tru", "nul", "'x'",
        "\"unterminated", "\"tab\there\"", "\"\\x\"", "\"\\u12g4\"", "NaN", "{1: 2}", "[1 2]",
    ])
    func readerRejects(_ text: String) {
        #expect(throws: JSONReader.Failure.self) { try read(text) }
    }

    @Test func readerReportsPositions() {
        let bytes = Array("{\n  \"a\": tru\n}".utf8)
        var reader = JSONReader(bytes)
        #expect(throws: JSONReader.Failure(message: "unexpected character 't', expected a value", offset: 9)) {
            try reader.readDocument()
        }
        #expect(JSONReader.position(of: 9, in: bytes) == "line 2, column 8")
    }
}
