import FeedModel
import Testing
@testable import FeedParsing

/// Podlove Simple Chapters: an episode's chapter marks, as feedparser's `psc_chapters`.
extension FeedParserFormatsTests {
    @Test func chapterMarksOfTheFirstListOnly() {
        let feed = parse("""
            <rss version="2.0" xmlns:psc="http://podlove.org/simple-chapters"><channel><title>Pod</title>
            <item><title>Episode</title>
              <psc:chapters version="1.2">
                <psc:chapter start="00:00:00" title="Welcome" image="cover.jpg"/>
                <psc:chapter start="01:03:07.250" title="Sanctions" href="javascript:alert(1)"/>
                <psc:chapter start="8:26" title="Bad start"/>
                <psc:other><psc:chapter start="00:01" title="Not directly in the list"/></psc:other>
              </psc:chapters>
              <psc:chapters version="9"><psc:chapter start="00:00" title="Ignore me"/></psc:chapters>
            </item></channel></rss>
            """)
        let chapters = feed.entries[0].extra.chapters
        #expect(chapters?.version == "1.2")
        #expect(chapters?.marks == [
            ExtraFields.Chapter(start: "00:00:00", startSeconds: 0, title: "Welcome", image: "cover.jpg"),
            ExtraFields.Chapter(start: "01:03:07.250", startSeconds: 3787.25, title: "Sanctions"),
            ExtraFields.Chapter(start: "8:26", title: "Bad start"),
        ], "a script address is dropped, a start not in psc's form is kept as written only")
        #expect(feed.entries[0].json["psc_chapters"]?["version"] == .string("1.2"))
        let many = String(repeating: #"<psc:chapter start="00:00" title="x"/>"#, count: ExtraFields.Chapters.maxMarks + 5)
        let long = parse(#"<rss xmlns:psc="http://podlove.org/simple-chapters"><channel><item><psc:chapters>"# + many
                         + "</psc:chapters></item></channel></rss>")
        #expect(long.entries[0].extra.chapters?.marks.count == ExtraFields.Chapters.maxMarks)
    }

    @Test func chapterStartsInSeconds() {
        #expect(FeedBuilder.chapterStart("12:42.345") == 762.345)
        #expect(FeedBuilder.chapterStart("00:00:12.000") == 12)
        for bad in ["", "12", "1:2:3", "aa:bb", "00:00:00:00", "00:60.1", "00:00.1234", "-1:00"] {
            #expect(FeedBuilder.chapterStart(bad) == nil, "\(bad)")
        }
    }
}
