/// Turns the HTML of a feed entry into the plain text that entity extraction and matching read.
///
/// Why not libxml2's HTML parser or Foundation: entry summaries are fragments, often broken
/// (truncated mid-tag, stray `<`, unescaped `&`), read by the thousand on every poll; what
/// matching needs is only the words with their block boundaries. A single hand-written pass over
/// the UTF-8 bytes does that at tens of MB/s, in linear time and without building a tree, so
/// hostile input (a megabyte of `<<<<`, an unterminated `<!--`, deep nesting) costs no more than
/// ordinary input of the same size.
///
/// What the text looks like:
/// - Tags are removed. Block elements (`p`, `div`, `li`, `h1`–`h6`, `tr`, `blockquote`, `pre`,
///   `table`, `ul`, `ol`, `dl`, `dt`, `dd`, `figure`, `hr`, `section`, `article`, ...) start and end
///   a line, paragraphs and headings are set off by a blank line, `<br>` is a line break, table
///   cells are separated by a space. Inline tags leave no trace: `Pu<b>tin</b>` reads "Putin".
/// - The content of `script`, `style`, `head`, `template`, `noscript`, `title`, `iframe` and
///   `svg` is dropped; comments, `<!DOCTYPE>` and `<?...?>` are dropped; the text of
///   `<![CDATA[...]]>` is kept as written.
/// - Character references are decoded: numeric (`&#8217;`, `&#x2019;`, with or without `;`;
///   0, surrogates and values past U+10FFFF give U+FFFD; `&#128;`–`&#159;` mean their
///   Windows-1252 characters, as in browsers) and named (all of HTML 4 plus `&apos;`). An unknown
///   or malformed reference is kept as written, so "AT&T" and "a && b" survive.
/// - Whitespace runs collapse to one space within a line; lines carry no leading or trailing
///   spaces; there is never more than one blank line in a row; the ends are trimmed. Only `pre`
///   keeps its own line breaks.
/// - For matching, `&nbsp;` and the other Unicode spaces become an ordinary space, and invisible
///   characters that would split a word are removed: the soft hyphen (so "Pu&shy;tin" reads
///   "Putin"), zero-width space, word joiner, byte order mark and bidi controls.
/// - For terminals and logs, control characters are removed: C0 except tab and line breaks
///   (which become whitespace; `\r` counts as `\n`), DEL, and C1 (U+0080–U+009F; NEL is a space).
public enum HTMLText {
    /// Plain text of `html`: tags removed, entities decoded, block elements separated by line
    /// breaks, whitespace collapsed, hidden content dropped, controls removed (see `HTMLText`).
    public static func plainText(_ html: String) -> String {
        var html = html
        return html.withUTF8 { input in
            var scanner = HTMLToTextScanner(input: input)
            scanner.run()
            return scanner.writer.finish()
        }
    }

    /// True when the string contains markup or entity references worth converting: a `<`
    /// followed by a letter, `/`, `!` or `?`, or a `&` followed by `#` or by a name and `;`.
    ///
    /// Why: many feeds put plain text in fields that may hold HTML, and a cheap scan lets those
    /// skip the conversion, which would otherwise read "x <y" or "AT&T" for nothing. A plain-text
    /// field still wants `normalizedPlainText(_:)`, which removes controls and collapses whitespace.
    public static func looksLikeHTML(_ s: String) -> Bool {
        var s = s
        return s.withUTF8 { bytes in
            let n = bytes.count
            var i = 0
            while i < n {
                let byte = bytes[i]
                if byte == UInt8(ascii: "<"), i + 1 < n {
                    let next = bytes[i + 1]
                    let lower = next | 0x20
                    if (lower >= 0x61 && lower <= 0x7A) || next == UInt8(ascii: "/")
                        || next == UInt8(ascii: "!") || next == UInt8(ascii: "?") {
                        return true
                    }
                } else if byte == UInt8(ascii: "&"), i + 1 < n {
                    if bytes[i + 1] == UInt8(ascii: "#") { return true }
                    // A name of letters and digits, at most 8 long, then `;`.
                    var k = i + 1
                    while k < n, k - i <= 9 {
                        let c = bytes[k]
                        let lower = c | 0x20
                        if (lower >= 0x61 && lower <= 0x7A) || (c >= 0x30 && c <= 0x39) {
                            k += 1
                        } else {
                            break
                        }
                    }
                    if k > i + 1, k - i <= 9, k < n, bytes[k] == UInt8(ascii: ";") { return true }
                }
                i += 1
            }
            return false
        }
    }

    /// `text` read as plain text, not markup, but otherwise cleaned like `plainText(_:)`:
    /// controls, soft hyphens and invisible characters removed, Unicode spaces made ordinary,
    /// whitespace collapsed within lines, at most one blank line in a row, ends trimmed.
    ///
    /// Why: the fields `looksLikeHTML(_:)` lets skip the HTML conversion come from the same
    /// untrusted feeds and need the same terminal safety and the same spelling for matching.
    public static func normalizedPlainText(_ text: String) -> String {
        var text = text
        return text.withUTF8 { input in
            var writer = PlainTextWriter(capacity: input.count)
            // Line breaks are kept, as in `pre`: a plain-text field's lines are its own.
            writer.appendText(input, from: 0, to: input.count, preformatted: true)
            return writer.finish()
        }
    }
}
