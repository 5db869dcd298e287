/// What becomes of one Unicode scalar in the plain text.
enum PlainTextScalarClass: Equatable {
    /// Copied as is.
    case visible
    /// Whitespace: collapses with its neighbours into one space.
    case space
    /// A line break in preformatted text (`\n`, `\r`), a space elsewhere.
    case lineBreak
    /// Dropped without a trace.
    case removed
}

/// Which scalars survive into the plain text, and as what.
///
/// Why: the text is printed on terminals and written to logs, so controls that could drive a
/// terminal (ESC, C1 controls, DEL) must not get through; and it is matched against names, so
/// characters that are invisible but split a word ("Pu&shy;tin", a zero-width space, a bidi
/// override) are removed, and the many Unicode spaces (no-break, thin, ideographic, ...) become
/// an ordinary space.
enum PlainTextScalarFilter {
    @inline(__always)
    static func classify(_ v: UInt32) -> PlainTextScalarClass {
        if v < 0x80 {
            if v > 0x20 && v < 0x7F { return .visible }
            switch v {
            case 0x20, 0x09, 0x0C: return .space
            case 0x0A, 0x0D: return .lineBreak
            default: return .removed  // other C0 controls and DEL
            }
        }
        if v < 0xA0 { return v == 0x85 ? .space : .removed }  // C1; NEL separates words
        if v == 0xA0 { return .space }      // no-break space
        if v == 0xAD { return .removed }    // soft hyphen
        if v < 0x061C { return .visible }
        switch v {
        case 0x061C,                        // Arabic letter mark
             0x200B,                        // zero-width space
             0x200E, 0x200F,                // left-to-right / right-to-left mark
             0x202A...0x202E,               // bidi embeddings and overrides
             0x2060,                        // word joiner
             0x2066...0x2069,               // bidi isolates
             0xFEFF:                        // zero-width no-break space, byte order mark
            return .removed
        case 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000:
            return .space
        default:
            return .visible
        }
    }
}

/// Collects the plain text, deciding separators lazily: whitespace and line breaks are only
/// *requested*, and written out just before the next visible character. That gives, with no
/// second pass, trimmed ends, no trailing spaces on lines, one space per run of whitespace,
/// and at most one blank line in a row.
struct PlainTextWriter: ~Copyable {
    private var bytes: TextByteBuffer
    /// Line breaks owed before the next visible character: 0, 1 (new line) or 2 (blank line).
    private var pendingBreaks = 0
    /// Whitespace seen since the last visible character; a space unless line breaks are owed.
    private var pendingSpace = false

    init(capacity: Int) {
        bytes = TextByteBuffer(capacity: capacity)
    }

    /// Whitespace between words.
    @inline(__always)
    mutating func space() {
        pendingSpace = true
    }

    /// A block boundary: the next text starts on a new line (1) or after a blank line (2).
    /// Boundaries do not add up, so `</div><div>` is one line break, like in a browser.
    @inline(__always)
    mutating func boundary(_ breaks: Int) {
        if pendingBreaks < breaks { pendingBreaks = breaks }
    }

    /// `<br>` or a newline in preformatted text: these add up, to a blank line at most.
    @inline(__always)
    mutating func lineBreak() {
        if pendingBreaks < 2 { pendingBreaks += 1 }
    }

    /// A visible ASCII character.
    @inline(__always)
    mutating func append(_ byte: UInt8) {
        if pendingBreaks != 0 || pendingSpace { writeSeparator() }
        bytes.append(byte)
    }

    /// The UTF-8 bytes of one visible scalar, copied from the input.
    @inline(__always)
    mutating func append(_ input: UnsafeBufferPointer<UInt8>, from start: Int, count: Int) {
        if pendingBreaks != 0 || pendingSpace { writeSeparator() }
        bytes.append(input, from: start, count: count)
    }

    /// A scalar that did not come verbatim from the input (a decoded reference), filtered.
    mutating func append(scalar v: UInt32, preformatted: Bool) {
        switch PlainTextScalarFilter.classify(v) {
        case .visible:
            if pendingBreaks != 0 || pendingSpace { writeSeparator() }
            encode(v)
        case .space:
            space()
        case .lineBreak:
            if preformatted { lineBreak() } else { space() }
        case .removed:
            break
        }
    }

    /// Copies `input[start..<end]` as text, without looking for markup or references (CDATA
    /// sections, plain-text fields): only whitespace and control handling apply.
    mutating func appendText(_ input: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int, preformatted: Bool) {
        var i = start
        while i < end {
            let byte = input[i]
            if byte > 0x20 && byte < 0x7F {
                var j = i + 1
                while j < end, input[j] > 0x20 && input[j] < 0x7F { j += 1 }
                append(input, from: i, count: j - i)
                i = j
            } else if byte < 0x80 {
                i = appendASCIIWhitespaceOrControl(input, at: i, end: end, preformatted: preformatted)
            } else {
                i = appendNonASCII(input, at: i)
            }
        }
    }

    /// Handles the ASCII byte at `i` that is not visible (space, tab, newline, a control);
    /// returns the index after it. `\r\n` is one line break.
    @inline(__always)
    mutating func appendASCIIWhitespaceOrControl(
        _ input: UnsafeBufferPointer<UInt8>, at i: Int, end: Int, preformatted: Bool
    ) -> Int {
        let byte = input[i]
        switch byte {
        case 0x20, 0x09, 0x0C:
            space()
        case 0x0A:
            if preformatted { lineBreak() } else { space() }
        case 0x0D:
            if preformatted {
                lineBreak()
                if i + 1 < end, input[i + 1] == 0x0A { return i + 2 }
            } else {
                space()
            }
        default:
            break  // C0 control or DEL
        }
        return i + 1
    }

    /// Handles the multi-byte UTF-8 sequence starting at `i` (the input is valid UTF-8, being a
    /// Swift string); returns the index after it.
    @inline(__always)
    mutating func appendNonASCII(_ input: UnsafeBufferPointer<UInt8>, at i: Int) -> Int {
        let lead = UInt32(input[i])
        let count: Int
        let v: UInt32
        if lead < 0xE0 {
            count = 2
            v = (lead & 0x1F) << 6 | UInt32(input[i + 1] & 0x3F)
        } else if lead < 0xF0 {
            count = 3
            v = (lead & 0x0F) << 12 | UInt32(input[i + 1] & 0x3F) << 6 | UInt32(input[i + 2] & 0x3F)
        } else {
            // Nothing above U+FFFF is filtered.
            append(input, from: i, count: 4)
            return i + 4
        }
        switch PlainTextScalarFilter.classify(v) {
        case .visible: append(input, from: i, count: count)
        case .space, .lineBreak: space()
        case .removed: break
        }
        return i + count
    }

    /// The text; everything still pending (trailing whitespace and breaks) is dropped.
    func finish() -> String {
        bytes.string()
    }

    private mutating func writeSeparator() {
        if !bytes.isEmpty {
            if pendingBreaks > 0 {
                bytes.append(0x0A)
                if pendingBreaks > 1 { bytes.append(0x0A) }
            } else {
                bytes.append(0x20)
            }
        }
        pendingBreaks = 0
        pendingSpace = false
    }

    private mutating func encode(_ v: UInt32) {
        switch v {
        case ..<0x80:
            bytes.append(UInt8(v))
        case ..<0x800:
            bytes.append(UInt8(0xC0 | v >> 6))
            bytes.append(UInt8(0x80 | v & 0x3F))
        case ..<0x10000:
            bytes.append(UInt8(0xE0 | v >> 12))
            bytes.append(UInt8(0x80 | v >> 6 & 0x3F))
            bytes.append(UInt8(0x80 | v & 0x3F))
        default:
            bytes.append(UInt8(0xF0 | v >> 18))
            bytes.append(UInt8(0x80 | v >> 12 & 0x3F))
            bytes.append(UInt8(0x80 | v >> 6 & 0x3F))
            bytes.append(UInt8(0x80 | v & 0x3F))
        }
    }
}
