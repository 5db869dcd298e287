import Foundation
import Testing
@testable import FeedParsing

/// `EncodingDetector`: byte-order marks, declarations, RFC 3023 precedence, legacy and CJK
/// encodings, fallbacks, big inputs, and feedparser's own encoding cases.
struct EncodingDetectorTests {
    // MARK: Helpers

    private func bytes(_ text: String) -> [UInt8] { Array(text.utf8) }

    private func text(_ document: DecodedDocument) -> String {
        String(decoding: document.utf8, as: UTF8.self)
    }

    private func utf16(_ text: String, bigEndian: Bool, bom: Bool) -> [UInt8] {
        var out: [UInt8] = bom ? (bigEndian ? [0xFE, 0xFF] : [0xFF, 0xFE]) : []
        for unit in text.utf16 {
            let pair = [UInt8(unit >> 8), UInt8(unit & 0xFF)]
            out += bigEndian ? pair : pair.reversed()
        }
        return out
    }

    private func utf32(_ text: String, bigEndian: Bool, bom: Bool) -> [UInt8] {
        var out: [UInt8] = bom ? (bigEndian ? [0, 0, 0xFE, 0xFF] : [0xFF, 0xFE, 0, 0]) : []
        for scalar in text.unicodeScalars {
            let v = scalar.value
            let quad = [UInt8(v >> 24), UInt8((v >> 16) & 0xFF), UInt8((v >> 8) & 0xFF), UInt8(v & 0xFF)]
            out += bigEndian ? quad : quad.reversed()
        }
        return out
    }

    /// A small RSS document around `title`, with `declaration` as its first line.
    private func rss(_ declaration: String, title: [UInt8]) -> [UInt8] {
        bytes(declaration + "\n<rss version=\"2.0\"><channel><title>") + title + bytes("</title></channel></rss>\n")
    }

    private func sameStorage(_ a: [UInt8], _ b: [UInt8]) -> Bool {
        a.withUnsafeBufferPointer { x in b.withUnsafeBufferPointer { y in x.baseAddress == y.baseAddress } }
    }

    // MARK: Byte-order marks and UTF-16/32

    @Test func utf8WithBOMLosesTheMark() {
        let input: [UInt8] = [0xEF, 0xBB, 0xBF] + bytes("<?xml version=\"1.0\" encoding=\"utf-8\"?><rss>é</rss>")
        let decoded = EncodingDetector.decode(input, httpContentType: nil)
        #expect(decoded.encoding == "utf-8")
        #expect(decoded.problem == nil)
        #expect(text(decoded) == "<?xml version=\"1.0\" encoding=\"utf-8\"?><rss>é</rss>")
    }

    @Test(arguments: [(true, true), (true, false), (false, true), (false, false)])
    func utf16(bigEndian: Bool, bom: Bool) {
        let source = "<?xml version=\"1.0\" encoding=\"utf-16\"?>\n<rss><title>Ελληνικά 日本 𝄞</title></rss>"
        let decoded = EncodingDetector.decode(utf16(source, bigEndian: bigEndian, bom: bom), httpContentType: nil)
        #expect(decoded.encoding == (bigEndian ? "utf-16be" : "utf-16le"))
        #expect(decoded.problem == nil)
        #expect(text(decoded) == source.replacingOccurrences(of: "utf-16", with: "utf-8"))
    }

    @Test(arguments: [(true, true), (true, false), (false, true), (false, false)])
    func utf32(bigEndian: Bool, bom: Bool) {
        let source = "<?xml version='1.0' encoding='UTF-32'?><feed><title>Ünïcödé 𝄞</title></feed>"
        let decoded = EncodingDetector.decode(utf32(source, bigEndian: bigEndian, bom: bom), httpContentType: nil)
        #expect(decoded.encoding == (bigEndian ? "utf-32be" : "utf-32le"))
        #expect(decoded.problem == nil)
        #expect(text(decoded) == source.replacingOccurrences(of: "UTF-32", with: "utf-8"))
    }

    @Test func utf16WithoutDeclarationNeedsNoRewrite() {
        let source = "<rss><title>Ωmega</title></rss>"
        let decoded = EncodingDetector.decode(utf16(source, bigEndian: false, bom: true), httpContentType: nil)
        #expect(decoded.encoding == "utf-16le")
        #expect(text(decoded) == source)
    }

    @Test func utf16WithALoneSurrogateIsReadWithReplacements() {
        var input = utf16("<?xml version=\"1.0\"?><rss>ab</rss>", bigEndian: false, bom: true)
        // Replace "a" with an unpaired high surrogate.
        let index = input.firstIndex(of: UInt8(ascii: "a"))!
        input[index] = 0x00
        input[index + 1] = 0xD8
        let decoded = EncodingDetector.decode(input, httpContentType: nil)
        #expect(decoded.encoding == "utf-16le")
        #expect(decoded.problem != nil)
        #expect(text(decoded).contains("<rss>\u{FFFD}b</rss>"))
    }

    @Test func utf16DocumentServedAsUTF8KeepsItsMark() {
        let source = "<?xml version=\"1.0\"?><rss>x</rss>"
        let decoded = EncodingDetector.decode(utf16(source, bigEndian: true, bom: true),
                                              httpContentType: "application/rss+xml; charset=utf-8")
        #expect(decoded.encoding == "utf-16be")
        #expect(decoded.problem?.contains("declared as utf-8, but parsed as utf-16be") == true)
        #expect(text(decoded) == source)
    }

    @Test func declaredUTF16InASingleByteDocumentIsNotBelieved() {
        let input = bytes("<?xml version=\"1.0\" encoding=\"utf-16\"?><rss>café</rss>")
        let decoded = EncodingDetector.decode(input, httpContentType: nil)
        #expect(decoded.encoding == "utf-8")
        #expect(decoded.problem?.contains("declared as utf-16") == true)
        #expect(text(decoded) == "<?xml version=\"1.0\" encoding=\"utf-8\"?><rss>café</rss>")
    }

    // MARK: RFC 3023 precedence

    @Test func applicationXMLCharsetWinsOverDeclaration() {
        let input = rss("<?xml version=\"1.0\" encoding=\"iso-8859-1\"?>", title: bytes("Müller"))
        let decoded = EncodingDetector.decode(input, httpContentType: "application/rss+xml; charset=\"UTF-8\"")
        #expect(decoded.encoding == "utf-8")
        #expect(decoded.problem == nil)
        #expect(text(decoded).contains("encoding=\"utf-8\""))
        #expect(text(decoded).contains("<title>Müller</title>"))
    }

    @Test func applicationXMLWithoutCharsetUsesDeclarationThenUTF8() {
        let latin = rss("<?xml version=\"1.0\" encoding=\"iso-8859-1\"?>", title: [0x4D, 0xFC, 0x6C, 0x6C, 0x65, 0x72])
        for type in ["application/xml", "application/atom+xml", "application/rss+xml", "application/xml-dtd",
                     "application/xml-external-parsed-entity", "Application/RSS+XML"] {
            let decoded = EncodingDetector.decode(latin, httpContentType: type)
            #expect(decoded.encoding == "iso-8859-1", "\(type)")
            #expect(decoded.problem == nil, "\(type)")
            #expect(text(decoded).contains("<title>Müller</title>"), "\(type)")
        }
        let plain = EncodingDetector.decode(rss("<?xml version=\"1.0\"?>", title: bytes("é")), httpContentType: "application/xml")
        #expect(plain.encoding == "utf-8")
        #expect(plain.problem == nil)
    }

    @Test func textXMLIgnoresTheDeclarationAndDefaultsToASCII() {
        let ascii = rss("<?xml version=\"1.0\" encoding=\"iso-8859-1\"?>", title: bytes("plain"))
        for type in ["text/xml", "text/rss+xml", "text/atom+xml", "text/xml-external-parsed-entity", "text/xml; qs=0.9"] {
            let decoded = EncodingDetector.decode(ascii, httpContentType: type)
            #expect(decoded.encoding == "us-ascii", "\(type)")
            #expect(decoded.problem == nil, "\(type)")
            // The declaration no longer claims iso-8859-1 once the text is UTF-8.
            #expect(text(decoded).hasPrefix("<?xml version=\"1.0\" encoding=\"utf-8\"?>"), "\(type)")
        }
        let windows = rss("<?xml version=\"1.0\" encoding=\"iso-8859-1\"?>", title: [0x93, 0x68, 0x69, 0x94])
        let decoded = EncodingDetector.decode(windows, httpContentType: "text/xml; charset=windows-1252")
        #expect(decoded.encoding == "windows-1252")
        #expect(decoded.problem == nil)
        #expect(text(decoded).contains("<title>“hi”</title>"))
    }

    @Test func textXMLWithoutCharsetAndNonASCIIIsAnOverride() {
        let input = rss("<?xml version=\"1.0\" encoding=\"utf-8\"?>", title: bytes("Iñtërnâtiônàlizætiøn"))
        let decoded = EncodingDetector.decode(input, httpContentType: "text/xml")
        #expect(decoded.encoding == "utf-8")
        let problem = decoded.problem ?? ""
        #expect(problem.hasPrefix("document declared as us-ascii, but parsed as utf-8"))
        #expect(problem.contains("non-ASCII byte at offset 75 (line 2): 0xC3 0xB1"))
        #expect(text(decoded).contains("Iñtërnâtiônàlizætiøn"))
    }

    @Test func nonXMLMediaTypesAreProblemsButStillRead() {
        let input = rss("<?xml version=\"1.0\"?>", title: bytes("x"))
        let plain = EncodingDetector.decode(input, httpContentType: "text/plain")
        #expect(plain.encoding == "us-ascii")
        #expect(plain.problem == "text/plain is not an accepted media type")
        let charset = EncodingDetector.decode(input, httpContentType: "text/html; charset=utf-8")
        #expect(charset.encoding == "utf-8")
        #expect(charset.problem == "text/html; charset=utf-8 is not an accepted media type")
        let latin = rss("<?xml version=\"1.0\" encoding=\"iso-8859-1\"?>", title: [0xE9])
        let octets = EncodingDetector.decode(latin, httpContentType: "application/octet-stream")
        #expect(octets.encoding == "iso-8859-1")
        #expect(octets.problem == "application/octet-stream is not an accepted media type")
        #expect(text(octets).contains("<title>é</title>"))
    }

    @Test func noHeaderUsesTheDocument() {
        let latin = rss("<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>", title: [0xE9])
        #expect(EncodingDetector.decode(latin, httpContentType: nil).encoding == "iso-8859-1")
        let plain = rss("<?xml version=\"1.0\"?>", title: bytes("é"))
        let decoded = EncodingDetector.decode(plain, httpContentType: nil)
        #expect(decoded.encoding == "utf-8")
        #expect(decoded.problem == nil)
    }

    @Test func anHTTPResponseWithoutContentTypeDefaultsToLatin1() {
        let plain = rss("<?xml version=\"1.0\"?>", title: [0xE9])
        let decoded = EncodingDetector.decode(plain, httpContentType: "")
        #expect(decoded.encoding == "iso-8859-1")
        #expect(decoded.problem == "no Content-type specified")
        #expect(text(decoded).contains("<title>é</title>"))
        let json = EncodingDetector.decode(bytes("  {\"version\": \"https://jsonfeed.org/version/1.1\"}"), httpContentType: "")
        #expect(json.encoding == "utf-8")
        #expect(json.problem == nil)
    }

    @Test func jsonMediaTypes() {
        let feed = bytes("{\"title\": \"Zürich\"}")
        for type in ["application/json", "application/feed+json"] {
            let decoded = EncodingDetector.decode(feed, httpContentType: type)
            #expect(decoded.encoding == "utf-8")
            #expect(decoded.problem == nil)
            #expect(sameStorage(decoded.utf8, feed))
        }
    }

    @Test func contentTypeHeaderParsing() {
        let cases: [(String, String, String, ContentType.MediaClass)] = [
            ("application/atom+xml;charset='us-ascii'", "application/atom+xml", "us-ascii", .applicationXML),
            ("application/rss+xml;charset= \"US-ASCII\"", "application/rss+xml", "us-ascii", .applicationXML),
            ("application/xml;charset = us-ascii", "application/xml", "us-ascii", .applicationXML),
            ("text/xml;", "text/xml", "", .textXML),
            ("text/xml; charset:iso-8859-1", "text/xml", "", .textXML),
            ("text/xml; qs=0.9; charset=koi8-r", "text/xml", "koi8-r", .textXML),
            ("text/plain", "text/plain", "", .otherText),
            ("application/feed+json", "application/feed+json", "", .json),
            ("application/octet-stream", "application/octet-stream", "", .other),
            ("", "", "", .missing),
        ]
        for (header, type, charset, mediaClass) in cases {
            let parsed = ContentType(header: header)
            #expect(parsed.mediaType == type, "\(header)")
            #expect(parsed.charset == charset, "\(header)")
            #expect(parsed.mediaClass == mediaClass, "\(header)")
        }
    }

    // MARK: Legacy single-byte encodings

    @Test(arguments: [
        ("iso-8859-1", [0x4D, 0xFC, 0x6C, 0x6C, 0x65, 0x72, 0x20, 0x63, 0x61, 0x66, 0xE9] as [UInt8], "Müller café"),
        ("latin1", [0x4D, 0xFC, 0x6C, 0x6C, 0x65, 0x72, 0x20, 0x63, 0x61, 0x66, 0xE9], "Müller café"),
        ("windows-1252", [0x93, 0x73, 0x6D, 0x61, 0x72, 0x74, 0x94, 0x20, 0x97, 0x20, 0x80], "“smart” — €"),
        ("cp1252", [0x93, 0x73, 0x6D, 0x61, 0x72, 0x74, 0x94, 0x20, 0x97, 0x20, 0x80], "“smart” — €"),
        ("koi8-r", [0xEE, 0xCF, 0xD7, 0xCF, 0xD3, 0xD4, 0xC9], "Новости"),
        ("iso-8859-2", [0xA3, 0xF3, 0x64, 0xBC], "Łódź"),
    ])
    func legacySingleByte(name: String, encoded: [UInt8], expected: String) {
        let decoded = EncodingDetector.decode(rss("<?xml version=\"1.0\" encoding=\"\(name)\"?>", title: encoded), httpContentType: nil)
        #expect(decoded.encoding == name)
        #expect(decoded.problem == nil)
        #expect(text(decoded) == "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<rss version=\"2.0\"><channel><title>\(expected)</title></channel></rss>\n")
    }

    @Test func windows1252UndefinedByteFallsBack() {
        // 0x81 is undefined in windows-1252 (as in Python's cp1252): iso-8859-2 reads it.
        let decoded = EncodingDetector.decode(rss("<?xml version=\"1.0\" encoding=\"windows-1252\"?>", title: [0x81, 0x41]), httpContentType: nil)
        #expect(decoded.encoding == "iso-8859-2")
        #expect(decoded.problem?.contains("byte undefined in windows-1252 at offset 81 (line 2): 0x81 0x41") == true)
    }

    // MARK: CJK

    @Test(arguments: [
        ("shift_jis", "shift_jis", [0x93, 0xFA, 0x96, 0x7B, 0x8C, 0xEA, 0x82, 0xCC, 0x83, 0x6A, 0x83, 0x85, 0x81, 0x5B, 0x83, 0x58, 0x20, 0x7E, 0x5C] as [UInt8],
         "日本語のニュース ~\\"),
        ("x-sjis", "x-sjis", [0x93, 0xFA, 0x96, 0x7B], "日本"),
        ("euc-jp", "euc-jp", [0xC6, 0xFC, 0xCB, 0xDC, 0xB8, 0xEC, 0xA4, 0xCE, 0xA5, 0xCB, 0xA5, 0xE5, 0xA1, 0xBC, 0xA5, 0xB9], "日本語のニュース"),
        ("gb2312", "gb18030", [0xD6, 0xD0, 0xCE, 0xC4, 0xD0, 0xC2, 0xCE, 0xC5], "中文新闻"),
        ("gb18030", "gb18030", [0xD6, 0xD0, 0xCE, 0xC4, 0x95, 0x32, 0x82, 0x36], "中文𠀀"),
        ("big5", "big5", [0xA4, 0xA4, 0xA4, 0xE5, 0xB7, 0x73, 0xBB, 0x44], "中文新聞"),
        ("euc-kr", "euc-kr", [0xC7, 0xD1, 0xB1, 0xB9, 0xBE, 0xEE, 0x20, 0xB4, 0xBA, 0xBD, 0xBA], "한국어 뉴스"),
    ])
    func cjkRoundTrip(declared: String, reported: String, encoded: [UInt8], expected: String) {
        let decoded = EncodingDetector.decode(rss("<?xml version=\"1.0\" encoding=\"\(declared)\"?>", title: encoded), httpContentType: nil)
        #expect(decoded.encoding == reported)
        #expect(decoded.problem == nil)
        #expect(text(decoded) == "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<rss version=\"2.0\"><channel><title>\(expected)</title></channel></rss>\n")
    }

    @Test func httpCharsetGB2312ReadsAsGB18030() {
        let input = rss("<?xml version=\"1.0\" encoding=\"utf-8\"?>", title: [0xD6, 0xD0, 0xCE, 0xC4])
        let decoded = EncodingDetector.decode(input, httpContentType: "application/atom+xml; charset='gb2312'")
        #expect(decoded.encoding == "gb18030")
        #expect(decoded.problem == nil)
        #expect(text(decoded).contains("<title>中文</title>"))
    }

    // MARK: Mismatches and fallbacks

    @Test func declaredUTF8WithLatin1BytesFallsBackToWindows1252() {
        // "Müller" in ISO-8859-1, declared as UTF-8.
        let input = rss("<?xml version=\"1.0\" encoding=\"utf-8\"?>", title: [0x4D, 0xFC, 0x6C, 0x6C, 0x65, 0x72])
        let decoded = EncodingDetector.decode(input, httpContentType: nil)
        #expect(decoded.encoding == "windows-1252")
        #expect(decoded.problem == "document declared as utf-8, but parsed as windows-1252: invalid utf-8 at offset 75 (line 2): 0xFC 0x6C 0x6C 0x65")
        #expect(text(decoded).contains("<title>Müller</title>"))
    }

    @Test func undeclaredNonUTF8FallsBack() {
        let input = bytes("<rss><title>") + [0x93, 0x41, 0x94] + bytes("</title></rss>")
        let decoded = EncodingDetector.decode(input, httpContentType: nil)
        #expect(decoded.encoding == "windows-1252")
        #expect(decoded.problem?.hasPrefix("document declared as utf-8, but parsed as windows-1252: invalid utf-8 at offset 12 (line 1)") == true)
        #expect(text(decoded) == "<rss><title>“A”</title></rss>")
    }

    @Test func unknownEncodingNamesFallBack() {
        for name in ["bogus", "utf-8//IGNORE", "x-unknown-charset-name"] {
            let decoded = EncodingDetector.decode(rss("<?xml version=\"1.0\" encoding=\"\(name)\"?>", title: bytes("ok")), httpContentType: nil)
            #expect(decoded.encoding == "utf-8", "\(name)")
            #expect(decoded.problem == "document declared as \(name.lowercased()), but parsed as utf-8: unknown encoding", "\(name)")
            #expect(text(decoded).hasPrefix("<?xml version=\"1.0\" encoding=\"utf-8\"?>"), "\(name)")
        }
    }

    @Test func encodingNamesResolveLikePython() {
        let utf8Names = ["utf-8", "UTF8", "utf_8", "U8", "utf"]
        for name in utf8Names { #expect(EncodingNames.charset(named: name, sniffed: "") == .utf8, "\(name)") }
        for name in ["latin1", "ISO-8859-1", "iso8859-1", "l1", "cp819", "ISO_8859-1:1987"] {
            #expect(EncodingNames.charset(named: name, sniffed: "") == .latin1, "\(name)")
        }
        for name in ["windows-1252", "cp1252", "1252"] {
            #expect(EncodingNames.charset(named: name, sniffed: "") == .windows1252, "\(name)")
        }
        for name in ["us-ascii", "ascii", "ANSI_X3.4-1968", "646"] {
            #expect(EncodingNames.charset(named: name, sniffed: "") == .ascii, "\(name)")
        }
        #expect(EncodingNames.charset(named: "x-sjis", sniffed: "") == .iconv("CP932"))
        #expect(EncodingNames.charset(named: "Shift_JIS", sniffed: "") == .iconv("CP932"))
        #expect(EncodingNames.charset(named: "ks_c_5601-1987", sniffed: "") == .iconv("CP949"))
        #expect(EncodingNames.charset(named: "utf-16", sniffed: "utf-16be") == .iconv("UTF-16BE", .utf16))
        #expect(EncodingNames.charset(named: "utf-8//IGNORE", sniffed: "") == nil)
    }

    @Test func emptyAndTinyInputs() {
        let empty = EncodingDetector.decode([], httpContentType: nil)
        #expect(empty.encoding == "utf-8")
        #expect(empty.utf8.isEmpty)
        #expect(empty.problem == nil)
        let bomOnly = EncodingDetector.decode([0xFF, 0xFE], httpContentType: nil)
        #expect(bomOnly.encoding == "utf-16le")
        #expect(bomOnly.utf8.isEmpty)
        let one = EncodingDetector.decode([0xE9], httpContentType: nil)
        #expect(one.encoding == "windows-1252")
        #expect(text(one) == "é")
    }

    // MARK: The declaration

    @Test func declarationRewriteKeepsEverythingElse() {
        let input = bytes("<?xml version='1.0'\n   encoding = 'ISO-8859-15' standalone='yes'?><rss/>")
        let decoded = EncodingDetector.decode(input, httpContentType: nil)
        #expect(decoded.encoding == "iso-8859-15")
        #expect(text(decoded) == "<?xml version='1.0'\n   encoding = 'utf-8' standalone='yes'?><rss/>")
    }

    @Test func anEncodingOutsideTheDeclarationIsIgnored() {
        let input = bytes("<?xml version=\"1.0\"?><rss><title>encoding=\"iso-8859-1\"?></title></rss>")
        let decoded = EncodingDetector.decode(input, httpContentType: nil)
        #expect(decoded.encoding == "utf-8")
        #expect(sameStorage(decoded.utf8, input))
    }

    // MARK: Cost

    @Test func hugeASCIIDocumentPassesUnchanged() {
        var input = bytes("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rss><channel>")
        let item = bytes("<item><title>Republican U.S. Senator delivers letter to Putin</title></item>\n")
        input.reserveCapacity(16 << 20)
        while input.count + item.count < (16 << 20) - 64 { input += item }
        input += bytes("</channel></rss>\n")
        let clock = ContinuousClock()
        var decoded = DecodedDocument(utf8: [], encoding: "")
        let elapsed = clock.measure { decoded = EncodingDetector.decode(input, httpContentType: "application/rss+xml") }
        #expect(decoded.encoding == "utf-8")
        #expect(decoded.problem == nil)
        #expect(decoded.utf8 == input)
        #expect(sameStorage(decoded.utf8, input), "the common case must not copy")
        #expect(elapsed < .seconds(5))
    }

    @Test func hugeLatin1DocumentConvertsWithBoundedMemory() {
        var input = bytes("<?xml version=\"1.0\" encoding=\"iso-8859-1\"?>\n<rss>")
        let item: [UInt8] = bytes("<item><title>M") + [0xFC] + bytes("ller, Gen") + [0xE8] + bytes("ve</title></item>\n")
        input.reserveCapacity(8 << 20)
        while input.count + item.count < 8 << 20 { input += item }
        input += bytes("</rss>")
        let decoded = EncodingDetector.decode(input, httpContentType: nil)
        #expect(decoded.encoding == "iso-8859-1")
        #expect(decoded.problem == nil)
        #expect(decoded.utf8.count < input.count + input.count / 8)
        #expect(decoded.utf8.capacity <= 4 * input.count)
        #expect(String(decoding: decoded.utf8.suffix(60), as: UTF8.self).contains("Müller, Genève"))
    }

    @Test func hugeShiftJISDocumentGoesThroughIconvInChunks() {
        var input = bytes("<?xml version=\"1.0\" encoding=\"shift_jis\"?>\n<rss>")
        let item: [UInt8] = bytes("<title>") + [0x93, 0xFA, 0x96, 0x7B, 0x8C, 0xEA] + bytes("</title>\n")
        while input.count + item.count < 2 << 20 { input += item }
        input += bytes("</rss>")
        let decoded = EncodingDetector.decode(input, httpContentType: nil)
        #expect(decoded.encoding == "shift_jis")
        #expect(decoded.problem == nil)
        #expect(text(decoded).hasSuffix("<title>日本語</title>\n</rss>"))
    }

    // MARK: libxml2 reads the result without converting again

    @Test func libxml2ReadsTheConvertedDocument() {
        let input = rss("<?xml version=\"1.0\" encoding=\"koi8-r\"?>", title: [0xEE, 0xCF, 0xD7, 0xCF, 0xD3, 0xD4, 0xC9])
        let decoded = EncodingDetector.decode(input, httpContentType: nil)
        let feed = FeedParser().parse(decoded.utf8)
        #expect(feed.feed.title?.value == "Новости")
    }

    // MARK: feedparser's encoding cases

    private struct Manifest: Decodable {
        struct Case: Decodable {
            var path: String
            var category: String
            var http: Bool
            var headers: [String: String]
            var expect: String
        }
        var cases: [Case]
    }

    private static func conformanceRoot() -> URL? {
        var directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        while true {
            // `shared/` sits beside the package root, so walking up finds it.
            let candidate = directory.appendingPathComponent("shared/conformance/feedparser")
            if FileManager.default.fileExists(atPath: candidate.appendingPathComponent("manifest.json").path) { return candidate }
            let parent = directory.deletingLastPathComponent()
            if parent.path == directory.path { return nil }
            directory = parent
        }
    }

    private static func loadCases() throws -> (URL, [Manifest.Case])? {
        guard let root = conformanceRoot() else { return nil }
        let manifest = try JSONDecoder().decode(Manifest.self, from: Data(contentsOf: root.appendingPathComponent("manifest.json")))
        return (root, manifest.cases.filter { $0.category == "encoding" })
    }

    /// The `'...'` of an `encoding == '...'` expectation, if the expression has one.
    private static func expectedEncoding(_ expression: String) -> String? {
        guard let match = expression.firstMatch(of: #/encoding == '([^']*)'/#) else { return nil }
        return String(match.output.1)
    }

    /// Cases whose bozo comes from the encoding (not from the XML), so `problem` must be set.
    private static let encodingBozoCases: Set<String> = [
        "encoding/bozo_bogus_encoding.xml", "encoding/bozo_invalid-bytes-with-bom.xml", "encoding/bozo_linenoise.xml",
        "encoding/bozo_encoding_mismatch_crash.xml", "encoding/bozo_http_i18n.xml", "encoding/bozo_http_text_plain.xml",
        "encoding/bozo_http_text_plain_charset.xml",
    ]

    @Test("feedparser encoding cases read from files (no HTTP header)")
    func feedparserEncodingCases() throws {
        guard let (root, cases) = try Self.loadCases() else {
            Issue.record("manifest.json not found above \(#filePath) (expected …/shared/conformance/feedparser/)")
            return
        }
        var checked = 0
        var skipped = 0
        for testCase in cases where !testCase.http {
            let input = Array(try Data(contentsOf: root.appendingPathComponent(testCase.path)))
            let decoded = EncodingDetector.decode(input, httpContentType: nil)
            if testCase.expect.hasPrefix("not bozo") {
                #expect(decoded.problem == nil, "\(testCase.path): \(decoded.problem ?? "")")
            }
            if Self.encodingBozoCases.contains(testCase.path) {
                #expect(decoded.problem != nil, "\(testCase.path)")
            }
            guard let expected = Self.expectedEncoding(testCase.expect) else { skipped += 1; continue }
            #expect(decoded.encoding == expected, "\(testCase.path): \(testCase.expect)")
            checked += 1
        }
        #expect(checked >= 20, "only \(checked) cases had an encoding to check (\(skipped) skipped)")
    }

    @Test("feedparser encoding cases served over HTTP, with the header passed in")
    func feedparserHTTPEncodingCases() throws {
        guard let (root, cases) = try Self.loadCases() else {
            Issue.record("manifest.json not found above \(#filePath) (expected …/shared/conformance/feedparser/)")
            return
        }
        var checked = 0
        for testCase in cases where testCase.http {
            let header = testCase.headers.first { $0.key.lowercased() == "content-type" }?.value
            let input = Array(try Data(contentsOf: root.appendingPathComponent(testCase.path)))
            let decoded = EncodingDetector.decode(input, httpContentType: header)
            if testCase.expect.hasPrefix("not bozo") {
                #expect(decoded.problem == nil, "\(testCase.path): \(decoded.problem ?? "")")
            }
            if Self.encodingBozoCases.contains(testCase.path) {
                #expect(decoded.problem != nil, "\(testCase.path)")
            }
            if let expected = Self.expectedEncoding(testCase.expect) {
                #expect(decoded.encoding == expected, "\(testCase.path): \(testCase.expect) with \(header ?? "no header")")
                checked += 1
            }
        }
        #expect(checked >= 40, "only \(checked) HTTP cases had an encoding to check")
    }

    @Test func feedparserWindows1252OverHTTP() throws {
        guard let root = Self.conformanceRoot() else { return }
        for name in ["http_text_xml_charset_2.xml", "http_text_xml_charset_overrides_encoding_2.xml"] {
            let input = Array(try Data(contentsOf: root.appendingPathComponent("encoding/\(name)")))
            let decoded = EncodingDetector.decode(input, httpContentType: "text/xml; charset=windows-1252")
            #expect(decoded.encoding == "windows-1252")
            #expect(decoded.problem == nil)
            #expect(text(decoded).contains("<description>This is a £“test.”</description>"), "\(name)")
        }
    }
}
