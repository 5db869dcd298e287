/// What a tag does to the plain text. Unknown and inline tags (`a`, `b`, `span`, `img`, ...) are
/// `.inline`: they vanish without a trace, so `Pu<b>tin</b>` still reads "Putin", as in a browser.
enum HTMLTagKind: Sendable, Equatable {
    /// Leaves no trace in the text.
    case inline
    /// Starts and ends a line (`div`, `li`, `tr`, ...), so words of neighbouring blocks never merge.
    case block
    /// Like `.block`, but separated from its neighbours by a blank line (`p`, headings, quotes).
    case paragraph
    /// A `.paragraph` whose own line breaks are kept (`pre`, `listing`).
    case preformatted
    /// `<br>` (and the stray `</br>` browsers treat the same): one line break, cumulative.
    case lineBreak
    /// A table cell: a space, so "Putin" and "Biden" in neighbouring cells stay two words.
    case cell
    /// Content is not markup and is dropped up to the matching end tag (`script`, `style`, ...).
    /// Scanning for only that end tag is what keeps `if (a<b) "</div>"` in a script from being read as tags.
    case rawText
    /// Content is markup but never shown (`head`, `template`, `svg`): parsed, counted, dropped.
    case hidden(HTMLHiddenElement)
    /// `<body>`: closes an unterminated `<head>`, as the HTML parser does.
    case body
}

/// Elements whose parsed content is dropped; each has its own nesting count.
enum HTMLHiddenElement: Int, Sendable, CaseIterable {
    case head, template, svg
}

/// Tag names, lowercased and packed 6 bits per character into a `UInt64` (names of at most 10
/// letters or digits; longer or stranger names are unknown, hence inline), so classifying a tag
/// costs one multiplicative hash and a probe or two, and never builds a `String`. (A Swift
/// `Dictionary` ran SipHash for every start and end tag: 3% of a feed's HTML-to-text.)
enum HTMLTagNames {
    /// Longest name that packs; `blockquote` and `figcaption` are the longest names listed.
    static let maximumLength = 10

    static func kind(ofKey key: UInt64) -> HTMLTagKind {
        var i = slot(key)
        while let entry = table[i] {
            if entry.key == key { return entry.kind }
            i = (i + 1) & (tableSize - 1)
        }
        return .inline
    }

    /// Open addressing, at most a quarter full: a miss (most tags are inline) ends at the first
    /// empty slot.
    private static let tableSize = 256

    @inline(__always)
    private static func slot(_ key: UInt64) -> Int {
        Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> 56)
    }

    private static let table: [(key: UInt64, kind: HTMLTagKind)?] = {
        var table = [(key: UInt64, kind: HTMLTagKind)?](repeating: nil, count: tableSize)
        for (key, kind) in kinds {
            var i = slot(key)
            while table[i] != nil { i = (i + 1) & (tableSize - 1) }
            table[i] = (key, kind)
        }
        return table
    }()

    /// The packed key of an ASCII tag name, ignoring case; nil when it cannot be a listed name.
    @inline(__always)
    static func key(_ name: UnsafeBufferPointer<UInt8>) -> UInt64? {
        guard name.count <= maximumLength else { return nil }
        var key: UInt64 = 0
        for byte in name {
            let lower = byte | 0x20  // ASCII letters only; digits already have bit 5 set
            let code: UInt64
            if lower >= 0x61 && lower <= 0x7A {
                code = UInt64(lower - 0x61 + 1)        // a-z → 1...26
            } else if byte >= 0x30 && byte <= 0x39 {
                code = UInt64(byte - 0x30 + 27)        // 0-9 → 27...36
            } else {
                return nil
            }
            key = key << 6 | code
        }
        return key
    }

    private static func key(_ name: String) -> UInt64 {
        let bytes = Array(name.utf8)
        return bytes.withUnsafeBufferPointer { key($0)! }
    }

    private static let kinds: [UInt64: HTMLTagKind] = {
        var table: [UInt64: HTMLTagKind] = [:]
        for name in blockNames { table[key(name)] = .block }
        for name in paragraphNames { table[key(name)] = .paragraph }
        for name in ["pre", "listing"] { table[key(name)] = .preformatted }
        for name in rawTextNames { table[key(name)] = .rawText }
        table[key("br")] = .lineBreak
        table[key("td")] = .cell
        table[key("th")] = .cell
        table[key("head")] = .hidden(.head)
        table[key("template")] = .hidden(.template)
        table[key("svg")] = .hidden(.svg)
        table[key("body")] = .body
        return table
    }()

    /// Block-level elements of HTML (the ones a browser lays out on their own lines).
    static let blockNames = [
        "address", "article", "aside", "caption", "center", "dd", "details", "dialog", "dir", "div",
        "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form", "frameset", "header",
        "hgroup", "hr", "html", "legend", "li", "main", "menu", "nav", "ol", "optgroup", "option",
        "search", "section", "summary", "table", "tbody", "tfoot", "thead", "tr", "ul",
    ]

    /// Blocks set off by a blank line: the units a reader sees as separate paragraphs.
    static let paragraphNames = ["p", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote"]

    /// Elements whose content is script, styling or fallback rather than article text. `noscript`
    /// is here because feed readers run no scripts but its content is "please enable JavaScript";
    /// `title` because a summary's own `<title>` (pasted whole documents) is not its text.
    static let rawTextNames = ["script", "style", "title", "noscript", "iframe", "noembed", "noframes"]
}
