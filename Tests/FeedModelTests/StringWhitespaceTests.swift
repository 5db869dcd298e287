import Testing
import FeedModel

/// `String.trimmedWhitespace` and `String.collapsedWhitespace`.
@Suite("String whitespace")
struct StringWhitespaceTests {
    @Test("trimmedWhitespace", arguments: [
        ("", ""), ("   ", ""), ("\n\t\r\u{B}\u{C} ", ""), ("a", "a"), ("  a  ", "a"), ("\n\ta b\r\n", "a b"),
        ("a  \n  b", "a  \n  b"), ("\u{A0}\u{2003}x\u{3000}\u{2028}", "x"), ("\r\nx\r\n", "x"), (" Müller ", "Müller"),
        ("e\u{301} ", "e\u{301}"),
    ])
    func trimmed(input: String, expected: String) {
        #expect(input.trimmedWhitespace == expected)
    }

    @Test("collapsedWhitespace", arguments: [
        ("", ""), ("   \n ", ""), ("a", "a"), ("  Title\n   over\t\tlines  ", "Title over lines"),
        ("a\r\nb", "a b"), ("a\u{A0}\u{2003}b", "a b"), ("one  two   three", "one two three"),
        ("\n\nlead", "lead"), ("trail\n\n", "trail"), ("Mü ller", "Mü ller"),
    ])
    func collapsed(input: String, expected: String) {
        #expect(input.collapsedWhitespace == expected)
    }
}
