import Testing
import Entities

/// `SentenceSplitter`: sentence boundaries over tokens, abbreviations and closing quotes included.
@Suite("SentenceSplitter")
struct SentenceSplitterTests {
    private func sentences(_ s: String) -> [String] {
        let tokens = Tokenizer().tokenize(s)
        return SentenceSplitter().split(tokens).map { r in tokens[r].map(\.text).joined(separator: " ") }
    }

    @Test func splitsAtFullStopsBeforeACapital() {
        #expect(sentences("Putin spoke. Trump listened. Paul left.") == ["Putin spoke .", "Trump listened .", "Paul left ."])
        #expect(sentences("Did he? Yes! Fine.") == ["Did he ?", "Yes !", "Fine ."])
        #expect(sentences("He paused\u{2026} Then left") == ["He paused \u{2026}", "Then left"])
    }

    @Test func noSplitInsideTitlesAndAbbreviationsBeforeAName() {
        #expect(sentences("Sen. Paul met Dr. Smith in the U.S. Senate. He left.")
            == ["Sen. Paul met Dr. Smith in the U.S. Senate .", "He left ."])
        #expect(sentences("Republican U.S. Senator Rand Paul spoke.") == ["Republican U.S. Senator Rand Paul spoke ."])
        #expect(sentences("They flew to St. Paul on Monday.") == ["They flew to St. Paul on Monday ."])
    }

    @Test func noSplitBeforeALowerCaseWord() {
        #expect(sentences("The deal. and then more") == ["The deal . and then more"])
    }

    @Test func splitBeforeNumbersAndOpeningQuotes() {
        #expect(sentences("It ended. 2019 was calm.") == ["It ended .", "2019 was calm ."])
        #expect(sentences("He left. \"Why?\" Nobody knew.") == ["He left .", "\" Why ? \"", "Nobody knew ."])
        // A quoted question followed by a lower-case word goes on: "'Why?' she asked."
        #expect(sentences("He left. \"Why?\" she asked.") == ["He left .", "\" Why ? \" she asked ."])
    }

    @Test func closingQuotesAndBracketsStayWithTheirSentence() {
        #expect(sentences("He said \u{201C}no.\u{201D} Then he left.") == ["He said \u{201C} no . \u{201D}", "Then he left ."])
        #expect(sentences("He said \"no.\" Then he left.") == ["He said \" no . \"", "Then he left ."])
        #expect(sentences("(See below.) Next") == ["( See below . )", "Next"])
        #expect(sentences("It was 'done.' Then") == ["It was ' done . '", "Then"])
    }

    @Test func sentencesCoverEveryTokenInOrder() {
        let text = "Republican U.S. Senator delivers letter. \"It would be a mistake\", Paul said on Monday. "
            + "According to RIA Novosti, Putin's press secretary confirmed it... The Kremlin has not! Why? "
        let tokens = Tokenizer().tokenize(text)
        let ranges = SentenceSplitter().split(tokens)
        #expect(ranges.first?.lowerBound == 0)
        #expect(ranges.last?.upperBound == tokens.count)
        for (a, b) in zip(ranges, ranges.dropFirst()) { #expect(a.upperBound == b.lowerBound) }
        #expect(ranges.allSatisfy { !$0.isEmpty })
        #expect(SentenceSplitter().split([]).isEmpty)
        #expect(sentences("no final stop") == ["no final stop"])
    }

    @Test
    func threeDotsBeforeALowerCaseWordDoNotSplit() {
        #expect(sentences("Wait... what happened?") == ["Wait . . . what happened ?"])
        #expect(sentences("Wait... Then it happened.") == ["Wait . . .", "Then it happened ."])
    }

    @Test
    func repeatedEndPunctuationEndsOneSentence() {
        #expect(sentences("Really?! Yes.") == ["Really ? !", "Yes ."])
    }
}
