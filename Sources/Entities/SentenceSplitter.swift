/// Splits a token stream into sentences: at `.`, `!`, `?` (and closing quotes after them)
/// when the next token starts a new sentence. Abbreviations keep their dot inside the token
/// (see `Tokenizer`), so "Sen. Paul" never splits.
public struct SentenceSplitter: Sendable {
    public init() {}

    static let terminators: Set<String> = [".", "!", "?", "\u{2026}"]

    /// Ranges of token indices, one per sentence, covering every token in order.
    public func split(_ tokens: [Token]) -> [Range<Int>] {
        var sentences: [Range<Int>] = []
        var start = 0
        var i = 0
        while i < tokens.count {
            let t = tokens[i]
            if t.kind == .punctuation, SentenceSplitter.terminators.contains(t.text) {
                var end = i + 1
                // "...", "?!", "!!": one end of sentence.
                while end < tokens.count, tokens[end].kind == .punctuation, SentenceSplitter.terminators.contains(tokens[end].text),
                      !tokens[end].spaceBefore {
                    end += 1
                }
                while end < tokens.count, tokens[end].kind == .punctuation,
                      ["\"", "\u{201D}", "'", "\u{2019}", ")"].contains(tokens[end].text), !tokens[end].spaceBefore {
                    end += 1
                }
                if end >= tokens.count || tokens[end].isCapitalized || tokens[end].kind != .word {
                    sentences.append(start..<end)
                    start = end
                    i = end
                    continue
                }
            }
            i += 1
        }
        if start < tokens.count { sentences.append(start..<tokens.count) }
        return sentences
    }
}
