import Testing
import FeedModel

/// `TerminalSafe.clean`: text from strangers must not reach the terminal as control sequences.
@Suite("TerminalSafe")
struct TerminalSafeTests {
    private func hasControl(_ s: String) -> Bool {
        s.unicodeScalars.contains { $0.value < 0x20 || (0x7F..<0xA0).contains($0.value) }
    }

    @Test func escapeSequencesLoseTheirESC() {
        let colour = TerminalSafe.clean("\u{1B}[31mred\u{1B}[0m")
        #expect(!hasControl(colour))
        #expect(colour == "[31mred[0m")
        // OSC "set window title", terminated by BEL or by ESC \.
        #expect(TerminalSafe.clean("\u{1B}]0;pwned\u{7}after") == "]0;pwnedafter")
        #expect(TerminalSafe.clean("\u{1B}]0;pwned\u{1B}\\after") == "]0;pwned\\after")
        // Clear screen, cursor movement.
        #expect(TerminalSafe.clean("a\u{1B}[2J\u{1B}[Hb") == "a[2J[Hb")
    }

    @Test func c0AndC1ControlsAndDELAreDropped() {
        #expect(TerminalSafe.clean("a\u{0}b\u{7}c\u{8}d\u{7F}e") == "abcde")
        // U+009B is an 8-bit CSI, U+0085 NEL, U+009D OSC.
        #expect(TerminalSafe.clean("x\u{9B}31my\u{85}z\u{9D}0;t\u{9C}") == "x31myz0;t")
        var all = ""
        for v in Array(0..<0x20) + Array(0x7F..<0xA0) { all.unicodeScalars.append(Unicode.Scalar(UInt32(v))!) }
        #expect(!hasControl(TerminalSafe.clean(all)))
        #expect(!hasControl(TerminalSafe.clean(all, keepNewlines: true).replacingNewlines()))
    }

    @Test func bidiControlsAreDropped() {
        #expect(TerminalSafe.clean("abc\u{202E}fed\u{202C}") == "abcfed")
        #expect(TerminalSafe.clean("\u{202A}\u{202B}\u{202D}x") == "x")
        #expect(TerminalSafe.clean("\u{2066}a\u{2069}\u{2067}b\u{2068}c") == "abc")
        #expect(TerminalSafe.clean("\u{200E}l\u{200F}r\u{61C}a") == "lra")
    }

    @Test func lineBreaksAndTabsBecomeSpaces() {
        #expect(TerminalSafe.clean("one\ntwo\tthree\rfour") == "one two three four")
        #expect(TerminalSafe.clean("a\r\nb") == "a  b")
    }

    @Test func keepNewlinesKeepsOnlyLineFeeds() {
        #expect(TerminalSafe.clean("one\ntwo\tthree", keepNewlines: true) == "one\ntwo three")
        #expect(TerminalSafe.clean("a\r\nb", keepNewlines: true) == "a \nb")
        #expect(TerminalSafe.clean("a\u{1B}[1m\nb", keepNewlines: true) == "a[1m\nb")
    }

    @Test func ordinaryTextIsUntouched() {
        let s = "Müller – Путин, 北京 😀 «quoted» e\u{301} \u{A0}nbsp ZWJ 👨‍👩‍👧"
        #expect(TerminalSafe.clean(s) == s)
        #expect(TerminalSafe.clean("") == "")
    }
}

private extension String {
    func replacingNewlines() -> String { String(map { $0 == "\n" ? " " : $0 }) }
}
