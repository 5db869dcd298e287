import Foundation
import Testing
import FeedModel

/// `JSONValue.serialized`: escaping (the alert log must stay one line and terminal-safe),
/// key order, and the pretty form. Tricky strings are also parsed back with Foundation's
/// JSON parser to prove the output is valid JSON that means the same text.
@Suite("JSONValue.serialized")
struct JSONValueSerializeTests {
    private func json(_ s: String) -> String { JSONValue.string(s).serialized() }

    /// Parses `text` (a JSON string literal) with Foundation and returns the string it denotes.
    private func parsedString(_ text: String) throws -> String? {
        let array = try JSONSerialization.jsonObject(with: Data("[\(text)]".utf8)) as? [Any]
        return array?.first as? String
    }

    @Test func quotesAndBackslashes() {
        #expect(json(#"say "hi""#) == #""say \"hi\"""#)
        #expect(json(#"C:\path\"#) == #""C:\\path\\""#)
        #expect(json(#"\""#) == #""\\\"""#)
        #expect(json("") == #""""#)
        #expect(json("/") == #""/""#)
    }

    @Test func lineBreaksAndTabsUseShortEscapes() {
        #expect(json("a\nb") == #""a\nb""#)
        #expect(json("a\rb") == #""a\rb""#)
        #expect(json("a\tb") == #""a\tb""#)
        // "\r\n" is one Character but two scalars: both are escaped.
        #expect(json("a\r\nb") == #""a\r\nb""#)
    }

    @Test func otherControlCharactersUseUnicodeEscapes() {
        #expect(json("\u{0}") == #""\u0000""#)
        #expect(json("\u{1}\u{8}\u{C}\u{1F}") == #""\u0001\u0008\u000c\u001f""#)
        #expect(json("\u{1B}[31mred") == #""\u001b[31mred""#)
        #expect(json("\u{7F}") == #""\u007f""#)
    }

    @Test func c1ControlsAndJavaScriptLineSeparatorsAreEscaped() {
        #expect(json("\u{80}\u{85}\u{9B}\u{9F}") == #""\u0080\u0085\u009b\u009f""#)
        #expect(json("a\u{2028}b\u{2029}c") == #""a\u2028b\u2029c""#)
        // U+00A0 is the first character after the C1 block: written as is.
        #expect(json("\u{A0}") == "\"\u{A0}\"")
    }

    @Test func nonASCIITextIsWrittenAsUTF8() {
        let s = "Müller – Путин 北京 😀 e\u{301}"
        #expect(json(s) == "\"\(s)\"")
    }

    @Test func noRawControlCharacterSurvives() {
        var all = ""
        for v in Array(0..<0x20) + Array(0x7F..<0xA0) + [0x2028, 0x2029] {
            all.unicodeScalars.append(Unicode.Scalar(UInt32(v))!)
        }
        let out = json(all)
        #expect(!out.unicodeScalars.contains { $0.value < 0x20 || (0x7F..<0xA0).contains($0.value) || $0.value == 0x2028 || $0.value == 0x2029 })
    }

    @Test("Output parses back to the same string", arguments: [
        "plain", "quote \" backslash \\ slash /", "ctl \u{0}\u{1}\u{1F}\u{7F}\u{85}\u{9B}", "lines\n\r\n\t",
        "sep\u{2028}\u{2029}", "Müller 😀 \u{202E}rtl", "\\u0041 is not unescaped",
    ])
    func roundTrip(s: String) throws {
        #expect(try parsedString(json(s)) == s)
    }

    @Test func scalarsAndNumbers() {
        #expect(JSONValue.null.serialized() == "null")
        #expect(JSONValue.bool(true).serialized() == "true")
        #expect(JSONValue.bool(false).serialized() == "false")
        #expect(JSONValue.int(-42).serialized() == "-42")
        #expect(JSONValue.int(Int64.max).serialized() == "9223372036854775807")
        #expect(JSONValue.double(1.5).serialized() == "1.5")
        // JSON has no NaN or infinity.
        #expect(JSONValue.double(.nan).serialized() == "null")
        #expect(JSONValue.double(.infinity).serialized() == "null")
        #expect(JSONValue.double(-.infinity).serialized() == "null")
    }

    @Test func objectsKeepInsertionOrder() {
        let v = JSONValue.object([("z", .int(1)), ("a", .int(2)), ("m", .array([.null, .string("x")]))])
        #expect(v.serialized() == #"{"z":1,"a":2,"m":[null,"x"]}"#)
        // Keys are escaped like values.
        #expect(JSONValue.object([("a\"b\n", .bool(true))]).serialized() == #"{"a\"b\n":true}"#)
        #expect(JSONValue.object([]).serialized() == "{}")
        #expect(JSONValue.array([]).serialized() == "[]")
    }

    @Test func compactOutputIsOneLine() {
        let v = JSONValue.object([("title", .string("line one\nline two\u{2028}three")), ("list", .array([.int(1), .int(2)]))])
        let out = v.serialized()
        #expect(!out.contains("\n") && !out.contains("\u{2028}"))
        #expect(out == #"{"title":"line one\nline two\u2028three","list":[1,2]}"#)
    }

    @Test func prettyOutputIndentsByTwoSpaces() {
        let v = JSONValue.object([
            ("a", .array([.int(1), .int(2)])),
            ("b", .object([])),
            ("c", .object([("d", .string("e"))])),
            ("f", .array([])),
        ])
        let expected = """
        {
          "a": [
            1,
            2
          ],
          "b": {},
          "c": {
            "d": "e"
          },
          "f": []
        }
        """
        #expect(v.serialized(pretty: true) == expected)
    }

    @Test func prettyAndCompactParseToTheSameDocument() throws {
        let v = JSONValue.object([("id", .string("x\ny")), ("n", .array([.int(1), .object([("k", .bool(false))])]))])
        let a = try JSONSerialization.jsonObject(with: Data(v.serialized().utf8)) as? NSDictionary
        let b = try JSONSerialization.jsonObject(with: Data(v.serialized(pretty: true).utf8)) as? NSDictionary
        #expect(a != nil && a == b)
    }

    @Test func builderLeavesOutAbsentFields() {
        var o = JSONObjectBuilder()
        o.add("id", "1")
        o.add("title", nil as String?)
        o.add("n", 3)
        o.add("ok", true)
        o.addNonEmpty("tags", [])
        o.addNonEmpty("links", [.string("l")])
        #expect(o.value.serialized() == #"{"id":"1","n":3,"ok":true,"links":["l"]}"#)
        #expect(o.value["n"] == .int(3))
        #expect(o.value["title"] == nil)
    }
}
