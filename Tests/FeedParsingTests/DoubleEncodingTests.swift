import FeedModel
import Testing
@testable import FeedParsing

/// UTF-8 that went through Windows-1252 or Latin-1 before it reached the feed ("donâ€™t").
struct DoubleEncodingTests {
    @Test func wholeFieldsOfMojibakeAreRepaired() {
        #expect(DoubleEncoding.repair("Putinâ€™s letter") == "Putin’s letter", "Windows-1252 punctuation")
        #expect(DoubleEncoding.repair("Ã©tÃ© Ã\u{A0}Paris â€” Ã€ bientÃ´t") == "été àParis — À bientôt", "Latin-1")
        #expect(DoubleEncoding.repair("â€œSanctionsâ€\u{9D}") == "“Sanctions”", "0x9D, a hole in Windows-1252, kept as the control character")
        #expect(DoubleEncoding.repair("Ã¢â‚¬â„¢") == "â€™", "one layer at a time, as feedparser")
        #expect(DoubleEncoding.repair("\u{E2}\u{80}\u{A6}") == "…", "C1 controls as Latin-1")
        #expect(DoubleEncoding.repair("ÐŸÑƒÑ‚Ð¸Ð½") == "Путин", "Cyrillic")
        #expect(DoubleEncoding.repair("Å‚Ã³dÅº") == "łódź", "Central European")
        #expect(DoubleEncoding.repair("cafÃ©") == "café", "one sequence is enough when it is a Latin-1 letter")
        #expect(DoubleEncoding.repair("donâ€™t") == "don’t", "or Windows-1252 punctuation")
    }

    @Test func genuineTextIsLeftAlone() {
        for text in ["CAFÉ”", "“CAFÉ”", "café", "Putin", "", "Ã© 日本", "Ã©t€", "naïve — résumé", "Â", "Ö”", "É’s", "Ü»", "Erdoğan", "José Martí", "São Paulo", "Ãt", "â€", "Rohr Ø\u{A0}20 mm", "3×\u{A0}renoviert", "liberté\u{A0}»", "Nestlé®™", "Ã©\u{301}",
                     "Â\u{80}x"] {
            #expect(DoubleEncoding.repair(text) == text, "\(text)")
        }
    }

    @Test func onlyDocumentsReadAsUTF8AreRepaired() {
        let utf8 = FeedParser().parse(Array("<rss version=\"2.0\"><channel><item><title>Putinâ€™s letter</title></item></channel></rss>".utf8))
        #expect(utf8.entries[0].title?.value == "Putin’s letter")
        for name in ["UTF8", "utf_8", "cp65001"] {
            let declared = FeedParser().parse(Array("<?xml version=\"1.0\" encoding=\"\(name)\"?><rss version=\"2.0\"><channel><item><title>Putinâ€™s letter</title></item></channel></rss>".utf8))
            #expect(declared.entries.first?.title?.value == "Putin’s letter", "declared \(name): read as UTF-8, repaired")
        }
        let names = FeedParser().parse(Array("""
            <rss version="2.0"><channel><item><title>t</title><author>jose@example.com (JosÃ© MartÃ­)</author>
            <source url="http://lemonde.example/rss">Le Monde â€“ International</source></item></channel></rss>
            """.utf8))
        #expect(names.entries[0].authors.first?.name == "José Martí", "names are shown with alerts")
        #expect(names.entries[0].source?.title?.value == "Le Monde – International")
        // The same characters in a Windows-1252 document are what its bytes say.
        var bytes = Array("<?xml version=\"1.0\" encoding=\"windows-1252\"?><rss version=\"2.0\"><channel><item><title>Putin".utf8)
        bytes += [0xE2, 0x80, 0x99]
        bytes += Array("s letter</title></item></channel></rss>".utf8)
        let legacy = FeedParser().parse(bytes)
        #expect(legacy.encoding == "windows-1252")
        #expect(legacy.entries[0].title?.value == "Putinâ€™s letter")
    }
}
