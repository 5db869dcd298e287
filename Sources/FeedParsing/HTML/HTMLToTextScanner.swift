/// The single forward pass behind `HTMLText.plainText`: a hand-written tokenizer over UTF-8
/// bytes that follows the HTML5 tokenizer wherever the difference shows in the text (what ends
/// a tag, a comment, a script), and keeps no stack.
///
/// Linear time and bounded memory on any input: every construct is scanned once, forward, and
/// a construct that never ends (`<!--`, `<a title="`, `<script>`) runs to the end of the input
/// instead of being retried from the next byte. Nesting is tracked with counters, not a stack.
struct HTMLToTextScanner: ~Copyable {
    private let input: UnsafeBufferPointer<UInt8>
    private(set) var writer: PlainTextWriter

    /// Open `head`, `template` and `svg` elements; text is shown only while all are zero.
    private var hiddenDepth = (head: 0, template: 0, svg: 0)
    /// Open `pre`/`listing` elements: their line breaks are kept.
    private var preDepth = 0

    init(input: UnsafeBufferPointer<UInt8>) {
        self.input = input
        self.writer = PlainTextWriter(capacity: input.count)
    }

    /// Visible ASCII that is neither markup nor a reference: copied as it is.
    @inline(__always)
    private static func isPlainVisible(_ b: UInt8) -> Bool {
        b > 0x20 && b < 0x7F && b != UInt8(ascii: "<") && b != UInt8(ascii: "&")
    }

    /// Where a run of plain visible ASCII that started before `start` ends: it goes on over
    /// visible ASCII other than `<` and `&`, and over single spaces followed by such a byte.
    ///
    /// Eight bytes at a time (each test below sets a byte's high bit where it holds), since most
    /// of an article is such runs; a word with anything else in it is finished byte by byte.
    /// Byte by byte alone, this loop was half of all HTML → text time.
    static func plainRunEnd(_ input: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        let n = input.count
        guard let base = input.baseAddress else { return start }
        let high: UInt64 = 0x8080_8080_8080_8080, low7: UInt64 = 0x7F7F_7F7F_7F7F_7F7F, ones: UInt64 = 0x0101_0101_0101_0101
        @inline(__always) func equal(_ w: UInt64, _ c: UInt8) -> UInt64 {
            let t = w ^ (ones &* UInt64(c))
            return ~(((t & low7) &+ low7) | t) & high
        }
        var j = start
        while true {
            while j + 8 <= n {
                let w = UnsafeRawPointer(base + j).loadUnaligned(as: UInt64.self)
                // A sum carries out of a byte only when the byte is 0xA1 or more, into the bytes
                // after it, and such a byte is itself a stop: the first stop found is exact.
                let below21 = ~(w &+ 0x5F5F_5F5F_5F5F_5F5F) & high      // controls and space (0xA1...0xFF too)
                let from7F = (w &+ ones) & high                          // 0x7F...0xFE
                let notPlain = below21 | from7F | equal(w, UInt8(ascii: "<")) | equal(w, UInt8(ascii: "&"))
                let space = equal(w, 0x20)
                // A space goes with the run only when a plain byte follows it; the last byte's
                // follower is in the next word, so a space there is settled byte by byte.
                let stops = (notPlain & ~space) | (space & ((notPlain >> 8) | (0x80 << 56)))
                if stops == 0 {
                    j += 8
                } else {
                    j += stops.trailingZeroBitCount >> 3
                    break
                }
            }
            guard j < n else { return j }
            let b = base[j]
            if isPlainVisible(b) {
                j += 1
            } else if b == 0x20, j + 1 < n, isPlainVisible(base[j + 1]) {
                j += 2
            } else {
                return j
            }
        }
    }

    private var isHidden: Bool {
        hiddenDepth.head > 0 || hiddenDepth.template > 0 || hiddenDepth.svg > 0
    }

    mutating func run() {
        let input = self.input
        let n = input.count
        var i = 0
        while i < n {
            let byte = input[i]
            if byte == UInt8(ascii: "<") {
                i = markup(at: i)
            } else if isHidden {
                // Nothing is shown until the hidden element ends: skip to the next tag.
                i += 1
                while i < n, input[i] != UInt8(ascii: "<") { i += 1 }
            } else if byte > 0x20 && byte < 0x7F {
                if byte == UInt8(ascii: "&") {
                    i = reference(at: i)
                } else {
                    // A run of visible ASCII (most of any text) goes out in one copy, single
                    // spaces between its words included: a space followed by a visible
                    // character is exactly what the writer would make of it. (Word by word,
                    // the separator logic ran once per word: 3% of a parse with HTML to text.)
                    let j = Self.plainRunEnd(input, from: i + 1)
                    writer.append(input, from: i, count: j - i)
                    i = j
                }
            } else if byte < 0x80 {
                i = writer.appendASCIIWhitespaceOrControl(input, at: i, end: n, preformatted: preDepth > 0)
            } else {
                i = writer.appendNonASCII(input, at: i)
            }
        }
    }

    // MARK: Character references

    private mutating func reference(at i: Int) -> Int {
        guard let match = HTMLCharacterReferences.match(input, at: i) else {
            writer.append(UInt8(ascii: "&"))
            return i + 1
        }
        writer.append(scalar: match.scalar, preformatted: preDepth > 0)
        return match.end
    }

    // MARK: Markup

    /// Handles the `<` at `i`; returns where the text resumes.
    private mutating func markup(at i: Int) -> Int {
        let n = input.count
        let next = i + 1
        guard next < n else { return literalLessThan(at: i) }
        let byte = input[next]
        if isASCIILetter(byte) {
            return startTag(nameStart: next)
        }
        switch byte {
        case UInt8(ascii: "/"):
            let after = next + 1
            guard after < n else { return literalLessThan(at: i) }  // "</" at the very end: text
            if isASCIILetter(input[after]) { return endTag(nameStart: after) }
            if input[after] == UInt8(ascii: ">") { return after + 1 }  // "</>" is dropped
            return bogusComment(from: after)
        case UInt8(ascii: "!"):
            if hasPrefix("--", at: next + 1) { return comment(from: next + 3) }
            if hasPrefix("[CDATA[", at: next + 1) { return cdata(from: next + 8) }
            return bogusComment(from: next + 1)  // <!DOCTYPE ...> and other declarations
        case UInt8(ascii: "?"):
            return bogusComment(from: next + 1)  // <?xml ...?>: ends at the first ">", like HTML5
        default:
            return literalLessThan(at: i)  // "a < b", "<3", "<<<"
        }
    }

    private mutating func literalLessThan(at i: Int) -> Int {
        if !isHidden { writer.append(UInt8(ascii: "<")) }
        return i + 1
    }

    private mutating func startTag(nameStart: Int) -> Int {
        let nameEnd = tagNameEnd(from: nameStart)
        guard let (end, selfClosing) = tagEnd(from: nameEnd) else { return input.count }
        let kind = tagKind(nameStart, nameEnd)
        switch kind {
        case .inline:
            break
        case .rawText:
            if !selfClosing { return rawTextEnd(from: end, nameStart: nameStart, nameEnd: nameEnd) }
        case .hidden(let element):
            if !selfClosing { changeHiddenDepth(element, by: 1) }
        case .body:
            hiddenDepth.head = 0
        case .preformatted:
            if !isHidden { writer.boundary(2) }
            if !selfClosing { preDepth += 1 }
        case .block, .paragraph, .lineBreak, .cell:
            if !isHidden { layout(kind) }
        }
        return end
    }

    private mutating func endTag(nameStart: Int) -> Int {
        let nameEnd = tagNameEnd(from: nameStart)
        guard let (end, _) = tagEnd(from: nameEnd) else { return input.count }
        let kind = tagKind(nameStart, nameEnd)
        switch kind {
        case .inline, .rawText, .body:
            break
        case .hidden(let element):
            changeHiddenDepth(element, by: -1)
        case .preformatted:
            if preDepth > 0 { preDepth -= 1 }
            if !isHidden { writer.boundary(2) }
        case .block, .paragraph, .lineBreak, .cell:
            if !isHidden { layout(kind) }  // "</br>" is a <br> in HTML5 too
        }
        return end
    }

    private mutating func layout(_ kind: HTMLTagKind) {
        switch kind {
        case .block: writer.boundary(1)
        case .paragraph: writer.boundary(2)
        case .lineBreak: writer.lineBreak()
        case .cell: writer.space()
        default: break
        }
    }

    private mutating func changeHiddenDepth(_ element: HTMLHiddenElement, by delta: Int) {
        switch element {
        case .head: hiddenDepth.head = max(0, hiddenDepth.head + delta)
        case .template: hiddenDepth.template = max(0, hiddenDepth.template + delta)
        case .svg: hiddenDepth.svg = max(0, hiddenDepth.svg + delta)
        }
    }

    private func tagKind(_ nameStart: Int, _ nameEnd: Int) -> HTMLTagKind {
        let name = UnsafeBufferPointer(rebasing: input[nameStart..<nameEnd])
        guard let key = HTMLTagNames.key(name) else { return .inline }
        return HTMLTagNames.kind(ofKey: key)
    }

    /// A tag name runs to whitespace, `/` or `>` (HTML5), whatever the bytes in between.
    private func tagNameEnd(from start: Int) -> Int {
        var i = start
        while i < input.count {
            let byte = input[i]
            if isHTMLWhitespace(byte) || byte == UInt8(ascii: "/") || byte == UInt8(ascii: ">") { break }
            i += 1
        }
        return i
    }

    private enum AttributeState {
        case beforeName, name, afterName, beforeValue, unquoted, afterQuoted, selfClosing
    }

    /// Finds the `>` that ends a tag whose name ends at `start`, stepping through attributes the
    /// way HTML5 does, so a quoted value may hold `>` (`<a title="a>b">`) but a stray quote in a
    /// name does not start a value. Returns the index after `>` and whether the tag ended in
    /// `/>`; nil when the input ends first (HTML5 then drops the tag, and so do we).
    private func tagEnd(from start: Int) -> (end: Int, selfClosing: Bool)? {
        let n = input.count
        var state = AttributeState.beforeName
        var i = start
        while i < n {
            let byte = input[i]
            let isSpace = isHTMLWhitespace(byte)
            switch state {
            case .beforeName, .afterQuoted:
                if byte == UInt8(ascii: ">") { return (i + 1, false) }
                if byte == UInt8(ascii: "/") { state = .selfClosing } else if !isSpace { state = .name }
            case .name:
                if byte == UInt8(ascii: ">") { return (i + 1, false) }
                if byte == UInt8(ascii: "/") { state = .selfClosing }
                else if byte == UInt8(ascii: "=") { state = .beforeValue }
                else if isSpace { state = .afterName }
            case .afterName:
                if byte == UInt8(ascii: ">") { return (i + 1, false) }
                if byte == UInt8(ascii: "/") { state = .selfClosing }
                else if byte == UInt8(ascii: "=") { state = .beforeValue }
                else if !isSpace { state = .name }
            case .beforeValue:
                if byte == UInt8(ascii: ">") { return (i + 1, false) }
                if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") {
                    // A quoted value (an href, a src) runs to its closing quote whatever it
                    // holds: memchr jumps there (a byte at a time through every URL was 4% of
                    // HTML → text). No closing quote: the tag never ends.
                    guard let close = ByteScan.find(byte, in: input, from: i + 1) else { return nil }
                    state = .afterQuoted
                    i = close + 1
                    continue
                }
                if !isSpace { state = .unquoted }
            case .unquoted:
                if byte == UInt8(ascii: ">") { return (i + 1, false) }
                if isSpace { state = .beforeName }
            case .selfClosing:
                if byte == UInt8(ascii: ">") { return (i + 1, true) }
                state = .beforeName
                continue  // reconsume in "before attribute name"
            }
            i += 1
        }
        return nil
    }

    /// After the start tag of a raw text element (`script`, `style`, ...): skips to the end of its
    /// matching end tag, `</name` in any case followed by whitespace, `/` or `>`. Unterminated:
    /// the rest of the input is the element's content, as in HTML5.
    private func rawTextEnd(from start: Int, nameStart: Int, nameEnd: Int) -> Int {
        let n = input.count
        let nameLength = nameEnd - nameStart
        var i = start
        while i < n {
            guard input[i] == UInt8(ascii: "<") else {
                i += 1
                continue
            }
            let candidate = i + 2
            if candidate + nameLength <= n, input[i + 1] == UInt8(ascii: "/"),
               equalIgnoringASCIICase(at: candidate, nameStart: nameStart, length: nameLength) {
                let after = candidate + nameLength
                if after == n { return n }
                let byte = input[after]
                if isHTMLWhitespace(byte) || byte == UInt8(ascii: "/") || byte == UInt8(ascii: ">") {
                    return tagEnd(from: after)?.end ?? n
                }
            }
            i += 1
        }
        return n
    }

    /// After `<!--`: skips to the end of the comment, `-->` or `--!>`; `<!-->` and `<!--->` are
    /// complete (empty) comments, as in HTML5. Unterminated: the rest is comment.
    private func comment(from start: Int) -> Int {
        let n = input.count
        if hasPrefix(">", at: start) { return start + 1 }
        if hasPrefix("->", at: start) { return start + 2 }
        var i = start
        while i + 2 < n {
            if input[i] == UInt8(ascii: "-"), input[i + 1] == UInt8(ascii: "-") {
                if input[i + 2] == UInt8(ascii: ">") { return i + 3 }
                if input[i + 2] == UInt8(ascii: "!"), i + 3 < n, input[i + 3] == UInt8(ascii: ">") { return i + 4 }
            }
            i += 1
        }
        return n
    }

    /// After `<![CDATA[`: the section's text is kept verbatim (no tags, no references), which is
    /// what a feed author who wrapped text in CDATA meant. Unterminated: the rest is its text.
    private mutating func cdata(from start: Int) -> Int {
        let n = input.count
        var i = start
        var end = n
        var resume = n
        while i + 2 < n {
            if input[i] == UInt8(ascii: "]"), input[i + 1] == UInt8(ascii: "]"), input[i + 2] == UInt8(ascii: ">") {
                end = i
                resume = i + 3
                break
            }
            i += 1
        }
        if !isHidden { writer.appendText(input, from: start, to: end, preformatted: preDepth > 0) }
        return resume
    }

    /// `<!DOCTYPE ...>`, `<?...>`, `</ 3>`: up to the first `>`, or the end of the input.
    private func bogusComment(from start: Int) -> Int {
        var i = start
        while i < input.count {
            if input[i] == UInt8(ascii: ">") { return i + 1 }
            i += 1
        }
        return input.count
    }

    // MARK: Byte helpers

    private func hasPrefix(_ literal: StaticString, at start: Int) -> Bool {
        let count = literal.utf8CodeUnitCount
        guard start + count <= input.count else { return false }
        let bytes = literal.utf8Start
        for k in 0..<count where input[start + k] != bytes[k] { return false }
        return true
    }

    private func equalIgnoringASCIICase(at start: Int, nameStart: Int, length: Int) -> Bool {
        for k in 0..<length {
            let a = input[start + k], b = input[nameStart + k]
            if a != b, !(isASCIILetter(a) && a | 0x20 == b | 0x20) { return false }
        }
        return true
    }
}

@inline(__always)
private func isASCIILetter(_ byte: UInt8) -> Bool {
    let lower = byte | 0x20
    return lower >= 0x61 && lower <= 0x7A
}

/// HTML's whitespace: space, tab, LF, FF, CR.
@inline(__always)
private func isHTMLWhitespace(_ byte: UInt8) -> Bool {
    byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0C || byte == 0x0D
}
