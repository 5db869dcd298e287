import Testing
import Entities

/// `Tokenizer`: tokens for names in news, with Unicode-scalar offsets into the original text.
@Suite("Tokenizer")
struct TokenizerTests {
    private let tokenizer = Tokenizer()

    private func texts(_ s: String) -> [String] { tokenizer.tokenize(s).map(\.text) }

    /// The token's text sliced from the original by its scalar offsets.
    private func slice(_ s: String, _ t: Token) -> String {
        let scalars = Array(s.unicodeScalars)
        var out = ""
        out.unicodeScalars.append(contentsOf: scalars[t.start..<t.end])
        return out
    }

    @Test func offsetsCountUnicodeScalarsNotCharactersOrBytes() throws {
        // 👍🏽 is one Character but two scalars (eight UTF-8 bytes); é precomposed is one scalar,
        // e + U+0301 two.
        let s = "👍🏽 Müller and Pe\u{301}rez in Zürich"
        let tokens = tokenizer.tokenize(s)
        let muller = try #require(tokens.first { $0.text == "Müller" })
        #expect(muller.start == 3 && muller.end == 9)
        let perez = try #require(tokens.first { $0.text == "Pe\u{301}rez" })
        #expect(perez.start == 14 && perez.end == 20)
        let zurich = try #require(tokens.first { $0.text == "Zürich" })
        #expect(zurich.start == 24 && zurich.end == 30)
        // Every token slices back to its own text.
        for t in tokens { #expect(slice(s, t) == t.text) }
        #expect(!tokens.contains { $0.kind == .word && $0.text.contains("👍") })
    }

    @Test func offsetsAfterCRLFAndTabs() {
        let s = "a\r\n\tBb  \u{A0}Cc"
        let tokens = tokenizer.tokenize(s)
        #expect(tokens.map(\.text) == ["a", "Bb", "Cc"])
        #expect(tokens.map(\.start) == [0, 4, 9])
        #expect(tokens.map(\.spaceBefore) == [true, true, true])
    }

    @Test func possessiveSplitsOff() {
        #expect(texts("Mueller's investigation") == ["Mueller", "'s", "investigation"])
        #expect(texts("MUELLER'S team") == ["MUELLER", "'S", "team"])
        let t = tokenizer.tokenize("Mueller's")
        #expect(t.count == 2)
        #expect(t[1].kind == .word && t[1].start == 7 && t[1].end == 9 && !t[1].spaceBefore)
        #expect(texts("Paul's.") == ["Paul", "'s", "."])
    }

    @Test func curlyApostrophesCountAsApostrophes() {
        #expect(texts("Mueller\u{2019}s team") == ["Mueller", "\u{2019}s", "team"])
        #expect(texts("O\u{2019}Brien") == ["O\u{2019}Brien"])
        #expect(texts("don\u{2019}t") == ["don\u{2019}t"])
    }

    @Test func innerApostrophesStayInTheWord() {
        #expect(texts("O'Brien said") == ["O'Brien", "said"])
        #expect(texts("O'Sullivan") == ["O'Sullivan"])
        #expect(texts("don't") == ["don't"])
        // A trailing plural possessive is punctuation.
        #expect(texts("James' car") == ["James", "'", "car"])
    }

    @Test func hyphenatedCompoundsSplitAtTheHyphen() {
        let tokens = tokenizer.tokenize("Putin-backed")
        #expect(tokens.map(\.text) == ["Putin", "-", "backed"])
        #expect(tokens.map(\.kind) == [.word, .punctuation, .word])
        #expect(tokens.map(\.start) == [0, 5, 6])
        #expect(texts("anti-Putin") == ["anti", "-", "Putin"])
    }

    @Test func abbreviationsWithInnerDotsAreOneToken() {
        #expect(texts("U.S. Senator") == ["U.S.", "Senator"])
        #expect(texts("the U.K. and U.S.A.") == ["the", "U.K.", "and", "U.S.A."])
        #expect(texts("at 9 a.m. today") == ["at", "9", "a.m.", "today"])
        let t = tokenizer.tokenize("U.S.")
        #expect(t.count == 1 && t[0].kind == .word && t[0].end == 4)
    }

    @Test func knownTitlesKeepTheirDot() {
        #expect(texts("Sen. Paul") == ["Sen.", "Paul"])
        #expect(texts("Dr. Smith and Mr. Jones") == ["Dr.", "Smith", "and", "Mr.", "Jones"])
        #expect(texts("St. Paul") == ["St.", "Paul"])
        // Not an abbreviation: the dot ends the sentence.
        #expect(texts("He met Paul.") == ["He", "met", "Paul", "."])
        #expect(texts("Senator.") == ["Senator", "."])
    }

    @Test func numbersKeepDecimalPointsAndThousandsSeparators() {
        let tokens = tokenizer.tokenize("rose 3.5 percent to 10,000 troops, 2018.")
        #expect(tokens.map(\.text) == ["rose", "3.5", "percent", "to", "10,000", "troops", ",", "2018", "."])
        #expect(tokens.filter { $0.kind == .number }.map(\.text) == ["3.5", "10,000", "2018"])
        // Commas and dots only join digits.
        #expect(texts("Paris,London") == ["Paris", ",", "London"])
        #expect(texts("1,2, 3") == ["1,2", ",", "3"])
    }

    @Test func urlsAreOneTokenWithoutTrailingPunctuation() {
        let s = "See https://example.org/a/b?c=1&d=2#x. Or (http://EXAMPLE.org/Putin-backed)"
        let tokens = tokenizer.tokenize(s)
        let urls = tokens.filter { $0.kind == .url }
        #expect(urls.map(\.text) == ["https://example.org/a/b?c=1&d=2#x", "http://EXAMPLE.org/Putin-backed"])
        for u in urls { #expect(slice(s, u) == u.text) }
        #expect(tokens.map(\.text).suffix(2) == ["http://EXAMPLE.org/Putin-backed", ")"])
        #expect(texts("HTTPS://X.ORG/p") == ["HTTPS://X.ORG/p"])
        // A word that merely starts with "http" is a word.
        #expect(tokenizer.tokenize("httpd").map(\.kind) == [.word])
    }

    @Test func punctuationIsOneScalarPerToken() {
        let tokens = tokenizer.tokenize("\"Yes,\" he said.")
        #expect(tokens.map(\.text) == ["\"", "Yes", ",", "\"", "he", "said", "."])
        #expect(tokens.map(\.spaceBefore) == [true, false, false, false, true, true, false])
    }

    @Test func capitalisation() {
        let tokens = tokenizer.tokenize("Putin putin Ölkonzern U.S. 3M 'x")
        #expect(tokens.map(\.isCapitalized) == [true, false, true, true, false, false, false])
    }

    @Test func emptyAndBlankText() {
        #expect(tokenizer.tokenize("").isEmpty)
        #expect(tokenizer.tokenize(" \n\t\r ").isEmpty)
    }
}
