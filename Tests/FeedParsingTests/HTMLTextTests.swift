import Testing
@testable import FeedParsing

/// `HTMLText`: what entity extraction and matching get to read from a feed entry's HTML.
@Suite("HTMLText")
struct HTMLTextTests {
    private func text(_ html: String) -> String { HTMLText.plainText(html) }

    // MARK: Blocks, line breaks, whitespace

    @Test func paragraphsAreSeparatedByABlankLine() {
        #expect(text("<p>One</p><p>Two</p>") == "One\n\nTwo")
        #expect(text("<p>One<p>Two") == "One\n\nTwo")
        #expect(text("<h1>Title</h1>Text") == "Title\n\nText")
        #expect(text("<P>Upper</P>case") == "Upper\n\ncase")
        #expect(text("<p>a</p>\n\n\n\n<p>b</p>") == "a\n\nb")
    }

    @Test func blockElementsStartAndEndALine() {
        #expect(text("<div>a</div><div>b</div>") == "a\nb")
        #expect(text("before<div>inside</div>after") == "before\ninside\nafter")
        #expect(text("<section><article><div>a</div></article></section><footer>b</footer>") == "a\nb")
        #expect(text("a<hr>b") == "a\nb")
        #expect(text("a<div/>b") == "a\nb")
        #expect(text("<figure><img src=\"p.jpg\"><figcaption>Caption</figcaption></figure>Body") == "Caption\nBody")
    }

    @Test func lineBreaksAddUpToOneBlankLine() {
        #expect(text("a<br>b<br/>c<br />d<BR>e") == "a\nb\nc\nd\ne")
        #expect(text("a<br><br>b") == "a\n\nb")
        #expect(text("a<br><br><br><br><br>b") == "a\n\nb")
        #expect(text("a</br>b") == "a\nb")
        #expect(text("<br><br>a<br><br>") == "a")
    }

    @Test func inlineTagsLeaveNoTrace() {
        #expect(text("Pu<b>tin</b>") == "Putin")
        #expect(text("<b>Putin</b> <i>said</i>") == "Putin said")
        #expect(text("<span>a</span><span>b</span>") == "ab")
        #expect(text("<custom-tag data-x=1>x</custom-tag><a:b>y</a:b>") == "xy")
    }

    @Test func whitespaceCollapsesWithinLinesAndIsTrimmed() {
        #expect(text("a \t\n  b") == "a b")
        #expect(text("<p>\n   Hello,\n   world\n</p>") == "Hello, world")
        #expect(text("   padded   ") == "padded")
        #expect(text("<div>  a  </div>  <div>  b  </div>") == "a\nb")
        #expect(text("a\r\nb\rc") == "a b c")
        #expect(text("") == "")
        #expect(text(" \n\t <p> </p> <br> ") == "")
    }

    /// Words and the single spaces between them go out as one run; every other space (doubled,
    /// at the end, before markup or a reference, in a hidden element) still goes through the
    /// separator logic.
    @Test func singleSpacesInsideARunAreCopiedWithIt() {
        #expect(text("one two three") == "one two three")
        #expect(text("one  two \tthree ") == "one two three")
        #expect(text("one <b>two</b> three") == "one two three")
        #expect(text("one &amp; two &lt;3") == "one & two <3")
        #expect(text("<p>one two </p><p> three four</p>") == "one two\n\nthree four")
        #expect(text("<pre>a b  c\nd e</pre>") == "a b c\nd e")
        #expect(text("<head><title>x y</title></head>a b") == "a b")
        #expect(text("a \u{7F}b") == "a b")
    }

    @Test func nestedLists() {
        let html = "<ul><li>One<ul><li>Two</li><li>Three<ol><li>Deep</li></ol></li></ul></li><li>Four</li></ul>"
        #expect(text(html) == "One\nTwo\nThree\nDeep\nFour")
        #expect(text("<dl><dt>Term</dt><dd>Definition</dd></dl>") == "Term\nDefinition")
        #expect(text("<ul>\n  <li>a</li>\n  <li>b</li>\n</ul>") == "a\nb")
    }

    @Test func tableCellsAreSeparatedBySpacesAndRowsByLines() {
        let html = "<table><tr><th>Name</th><th>Role</th></tr><tr><td>Putin</td><td>President</td></tr></table>"
        #expect(text(html) == "Name Role\nPutin President")
    }

    @Test func preformattedTextKeepsItsLineBreaks() {
        #expect(text("<pre>line1\nline2\n\n\n\nline3</pre>after") == "line1\nline2\n\nline3\n\nafter")
        #expect(text("<pre>a\r\nb</pre>") == "a\nb")
        #expect(text("<pre>a   b</pre>") == "a b")
        #expect(text("<pre>a</pre>b\nc") == "a\n\nb c")
    }

    // MARK: Character references

    @Test func basicNamedEntities() {
        #expect(text("&amp; &lt; &gt; &quot; &apos;") == "& < > \" '")
        #expect(text("&hellip;&mdash;&ndash;&lsquo;&rsquo;&ldquo;&rdquo;") == "…—–‘’“”")
        #expect(text("&eacute;&uuml;&Eacute;&szlig;&euro;&copy;&trade;") == "éüÉß€©™")
        #expect(text("&alpha;&Omega;&thetasym;&larr;&rArr;&infin;&hearts;&lang;&rang;") == "αΩϑ←⇒∞♥⟨⟩")
        #expect(text("&lt;script&gt;alert(1)&lt;/script&gt;") == "<script>alert(1)</script>")
    }

    @Test func entityTableIsTheFullHTML4SetPlusApos() {
        let names = Set(HTMLEntityTable.entries.map { $0.name.description })
        #expect(HTMLEntityTable.entries.count == names.count)  // no duplicates
        #expect(names.count >= 253)
        for name in ["nbsp", "yuml", "fnof", "Alpha", "omega", "piv", "bull", "prime", "oline", "frasl",
                     "weierp", "image", "real", "crarr", "forall", "part", "nabla", "lowast", "sdot",
                     "lceil", "loz", "diams", "OElig", "Scaron", "circ", "tilde", "ensp", "thinsp",
                     "zwnj", "zwj", "lrm", "rlm", "sbquo", "dagger", "permil", "lsaquo", "apos"] {
            #expect(names.contains(name), "missing &\(name);")
        }
        // A sample of code points, checked against the HTML 4.01 DTDs.
        let sample: [String: UInt32] = [
            "nbsp": 0xA0, "shy": 0xAD, "yuml": 0xFF, "fnof": 0x192, "OElig": 0x152, "circ": 0x2C6,
            "Alpha": 0x391, "sigmaf": 0x3C2, "upsih": 0x3D2, "ensp": 0x2002, "zwj": 0x200D,
            "hellip": 0x2026, "prime": 0x2032, "euro": 0x20AC, "trade": 0x2122, "alefsym": 0x2135,
            "crarr": 0x21B5, "forall": 0x2200, "lowast": 0x2217, "sdot": 0x22C5, "loz": 0x25CA,
            "diams": 0x2666, "apos": 0x27,
        ]
        for entry in HTMLEntityTable.entries {
            if let expected = sample[entry.name.description] {
                #expect(entry.scalar == expected, "&\(entry.name);")
            }
        }
    }

    @Test func numericReferences() {
        #expect(text("Putin&#8217;s") == "Putin’s")
        #expect(text("Putin&#x2019;s Putin&#X2019;s") == "Putin’s Putin’s")
        #expect(text("Putin&#8217s and &#x2019") == "Putin’s and ’")
        #expect(text("&#65;&#x42;&#0067;") == "ABC")
        #expect(text("&#128512;&#x1F600;") == "😀😀")
    }

    @Test func invalidCodePointsBecomeReplacementCharacters() {
        #expect(text("a&#0;b") == "a\u{FFFD}b")
        #expect(text("&#xD800;&#xDFFF;") == "\u{FFFD}\u{FFFD}")
        #expect(text("&#x110000;") == "\u{FFFD}")
        #expect(text("&#99999999999999999999999999;") == "\u{FFFD}")
        #expect(text("&#xFFFFFFFFFFFFFFFFFFFFFFFF;") == "\u{FFFD}")
    }

    @Test func windows1252ReferencesMeanTheirCharacters() {
        #expect(text("Putin&#146;s &#147;plan&#148; &#150; &#151; &#133; &#128;") == "Putin’s “plan” – — … €")
        #expect(text("a&#129;b&#x9D;c") == "abc")  // unassigned in Windows-1252: C1 controls, dropped
    }

    @Test func malformedOrUnknownReferencesStayAsWritten() {
        #expect(text("AT&T") == "AT&T")
        #expect(text("&unknown; &#; &#x; &#xyz; & ; &") == "&unknown; &#; &#x; &#xyz; & ; &")
        #expect(text("&EACUTE; &Hellip;") == "&EACUTE; &Hellip;")
        #expect(text("&hellip") == "&hellip")  // not a legacy name: needs its `;`
        #expect(text("&averyveryverylongname;") == "&averyveryverylongname;")
    }

    @Test func legacyNamesDecodeWithoutSemicolonOnlyWhenStandingAlone() {
        #expect(text("a &amp b &lt c &copy 2024") == "a & b < c © 2024")
        #expect(text("?x=1&copy=2") == "?x=1&copy=2")
        #expect(text("&notice &ampersand") == "&notice &ampersand")
    }

    @Test func nbspAndUnicodeSpacesBecomeOrdinarySpaces() {
        #expect(text("Dmitry&nbsp;Peskov") == "Dmitry Peskov")
        #expect(text("a&nbsp;&nbsp;&nbsp;b") == "a b")
        #expect(text("a\u{A0}b\u{2009}c\u{3000}d\u{202F}e") == "a b c d e")
        #expect(text("&nbsp;trimmed&nbsp;") == "trimmed")
    }

    // MARK: Hidden content, comments, CDATA, declarations

    @Test func scriptAndStyleContentIsDropped() {
        #expect(text("a<script>if (a<b) { x = '</div>' + \"<p>\" }</script>b") == "ab")
        #expect(text("<style>p { color: red }</style>Text") == "Text")
        #expect(text("<SCRIPT type=\"text/javascript\">bad()</ScRiPt >ok") == "ok")
        #expect(text("<script>a</scripts>still script</script>ok") == "ok")
        #expect(text("<script src=\"x.js\"/>visible") == "visible")
        #expect(text("<noscript>Enable JavaScript</noscript>Story") == "Story")
        #expect(text("<iframe src=x>fallback</iframe>Story") == "Story")
    }

    @Test func headTemplateAndSvgContentIsDropped() {
        let page = "<!DOCTYPE html><html><head><title>Site</title><meta charset=utf-8></head>"
            + "<body><p>Body text</p></body></html>"
        #expect(text(page) == "Body text")
        #expect(text("<head><meta name=x>hidden<body>shown") == "shown")
        #expect(text("a<template><p>x</p><template>y</template>z</template>b") == "ab")
        #expect(text("a<svg><text>chart label</text><svg>in</svg>still</svg>b") == "ab")
        #expect(text("a<svg/>b") == "ab")
        #expect(text("</template>a</head>b</svg>c") == "abc")  // stray end tags change nothing
    }

    @Test func commentsAreDropped() {
        #expect(text("a<!-- hidden -->b") == "ab")
        #expect(text("a<!-- <p>not a paragraph</p> -->b") == "ab")
        #expect(text("a<!-->b") == "ab")
        #expect(text("a<!--->b") == "ab")
        #expect(text("a<!---->b") == "ab")
        #expect(text("a<!-- x --!>b") == "ab")
        #expect(text("a<!-- -- > still comment -->b") == "ab")
    }

    @Test func cdataTextIsKeptVerbatim() {
        #expect(text("a <![CDATA[x < y & <b>z</b> &amp;]]> c") == "a x < y & <b>z</b> &amp; c")
        #expect(text("<p><![CDATA[Putin\n  said]]></p>") == "Putin said")
    }

    @Test func declarationsAndProcessingInstructionsAreDropped() {
        #expect(text("<!DOCTYPE html><?xml version=\"1.0\"?>Text") == "Text")
        #expect(text("a<!ELEMENT x>b</ 3>c") == "abc")
    }

    @Test func attributesMayHoldGreaterThanSigns() {
        #expect(text("<a title=\"a>b\" href='c>d'>link</a>") == "link")
        #expect(text("<img alt=\"x > y\"/>text") == "text")
        #expect(text("<a href=x>y</a>") == "y")
        #expect(text("<a data-x=\"1\"data-y='>'>z</a>") == "z")
        #expect(text("<p class=\"x\" hidden>para</p>") == "para")
        #expect(text("<a title=\"\" alt=''>empty</a> values") == "empty values")
        #expect(text("<a title=\"it's > that\" alt='say \"hi\" >'>quotes</a> inside") == "quotes inside")
        #expect(text("<img alt='never closed>text") == "")
    }

    @Test func lessThanNotStartingMarkupIsText() {
        #expect(text("a < b && c") == "a < b && c")
        #expect(text("1 <2, x <= y, <3, a << b >> c") == "1 <2, x <= y, <3, a << b >> c")
        #expect(text("<<b>bold</b>>") == "<bold>")
        #expect(text("x<") == "x<")
        #expect(text("x </") == "x </")
        #expect(text("</>x") == "x")
    }

    @Test func unterminatedConstructsDropOnlyTheConstruct() {
        #expect(text("Putin said <a href=\"http://exa") == "Putin said")  // truncated summary
        #expect(text("text <b") == "text")
        #expect(text("text <!-- never closed <p>x</p>") == "text")
        #expect(text("a<script>never closed") == "a")
        #expect(text("a <![CDATA[open section") == "a open section")
        #expect(text("x<!") == "x")
        #expect(text("x<!DOCTYPE") == "x")
        #expect(text("x<?php") == "x")
        #expect(text("a<template>never closed") == "a")
    }

    // MARK: Safety

    @Test func controlCharactersAreRemoved() {
        #expect(text("a\u{1B}[31mred\u{1B}[0m") == "a[31mred[0m")
        #expect(text("a\u{0}b\u{7}c\u{8}d\u{7F}e") == "abcde")
        #expect(text("a\u{80}b\u{9B}c\u{9F}d") == "abcd")
        #expect(text("a\u{85}b") == "a b")  // NEL separates words
        #expect(text("a\tb") == "a b")
        #expect(text("a&#27;[2Jb&#x7F;c&#1;d") == "a[2Jbcd")
        #expect(!text("<p>\u{1B}]0;title\u{7}x</p>").unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" })
    }

    @Test func invisibleCharactersThatSplitWordsAreRemoved() {
        #expect(text("Pu&shy;tin") == "Putin")
        #expect(text("Pu\u{AD}tin") == "Putin")
        #expect(text("Pu&#173;tin Pu&#xAD;tin") == "Putin Putin")
        #expect(text("Pu\u{200B}tin Pu\u{2060}tin \u{FEFF}Putin") == "Putin Putin Putin")
        #expect(text("\u{202E}Putin\u{202C} \u{2066}Biden\u{2069}") == "Putin Biden")
    }

    @Test func otherTextIsKeptByteForByte() {
        #expect(text("<p>Путин заявил</p>") == "Путин заявил")
        #expect(text("家族 👍🏽 👨‍👩‍👧 é") == "家族 👍🏽 👨‍👩‍👧 é")
        #expect(text("Ελλάδα, עברית, العربية") == "Ελλάδα, עברית, العربية")
    }

    // MARK: Real entries

    @Test func rssStyleParagraphWithLinks() {
        let html = "<p>Putin&#8217;s <a href=\"x\">press secretary</a> Dmitry Peskov&nbsp;said…</p>"
        #expect(text(html) == "Putin’s press secretary Dmitry Peskov said…")
    }

    @Test func realisticEntryContent() {
        let html = """
        <div class="entry">
          <figure><img src="https://example.com/a.jpg" alt="Putin &amp; Xi">
            <figcaption>Vladimir Putin and Xi Jinping in Moscow. <em>Photo: Reuters</em></figcaption></figure>
          <p>The Kremlin said on Tuesday that <a href="https://example.com/p?a=1&amp;b=2">talks</a>
             would continue&hellip;</p>
          <p>&ldquo;We are ready,&rdquo; Peskov told reporters.<br>More to follow.</p>
          <script>track("entry");</script>
        </div>
        """
        let expected = """
        Vladimir Putin and Xi Jinping in Moscow. Photo: Reuters

        The Kremlin said on Tuesday that talks would continue…

        “We are ready,” Peskov told reporters.
        More to follow.
        """
        #expect(text(html) == expected)
    }

    // MARK: Hostile input: linear time, correct shape (no timing assertions)

    private static let megabyte = 1 << 20

    @Test func aMegabyteOfLessThanSigns() {
        let html = String(repeating: "<", count: Self.megabyte)
        #expect(text(html) == html)
        #expect(text(String(repeating: "<<a", count: Self.megabyte / 3)) == "<")  // first "<a" runs to the end
        #expect(text(String(repeating: "< ", count: Self.megabyte / 2)).utf8.count == Self.megabyte - 1)
    }

    @Test func unterminatedCommentsDeclarationsAndTags() {
        let body = String(repeating: "a", count: Self.megabyte)
        #expect(text("ok<!--" + body) == "ok")
        #expect(text("ok" + String(repeating: "<!--", count: Self.megabyte / 4)) == "ok")
        #expect(text("ok" + String(repeating: "<!", count: Self.megabyte / 2)) == "ok")
        #expect(text("ok<a title=\"" + body) == "ok")
        #expect(text("ok" + String(repeating: "<a ", count: Self.megabyte / 3)) == "ok")
        #expect(text("ok" + String(repeating: "<script>", count: Self.megabyte / 8)) == "ok")
        #expect(text("ok" + String(repeating: "</", count: Self.megabyte / 2)) == "ok")
        #expect(text("ok<![CDATA[" + String(repeating: "]]", count: Self.megabyte / 2)) == "ok" + String(repeating: "]]", count: Self.megabyte / 2))
    }

    @Test func deeplyNestedTags() {
        let depth = 200_000
        let html = String(repeating: "<div><span>", count: depth) + "deep" + String(repeating: "</span></div>", count: depth)
        #expect(text(html) == "deep")
        let hidden = String(repeating: "<template>", count: depth) + "x" + String(repeating: "</template>", count: depth) + "shown"
        #expect(text(hidden) == "shown")
        #expect(text(String(repeating: "<p>", count: depth) + "x") == "x")
        #expect(text(String(repeating: "<br>", count: depth) + "x" + String(repeating: "<br>", count: depth) + "y") == "x\n\ny")
    }

    @Test func aMillionAmpersandsAndReferences() {
        let ampersands = String(repeating: "&", count: 1_000_000)
        #expect(text(ampersands) == ampersands)
        #expect(text(String(repeating: "&#", count: 500_000)) == String(repeating: "&#", count: 500_000))
        #expect(text("&#" + String(repeating: "9", count: Self.megabyte) + ";") == "\u{FFFD}")
        #expect(text("&" + String(repeating: "a", count: Self.megabyte) + ";").utf8.count == Self.megabyte + 2)
        #expect(text(String(repeating: "&amp;", count: 200_000)) == String(repeating: "&", count: 200_000))
    }

    @Test func hostileWhitespaceAndControls() {
        let mixed = String(repeating: " \n\t\u{1B}\u{85}\u{A0}\u{200B}", count: Self.megabyte / 8)
        #expect(text("a" + mixed + "b") == "a b")
        let breaks = String(repeating: "<br>\n", count: Self.megabyte / 5)
        #expect(text("a" + breaks + "b") == "a\n\nb")
    }

    // MARK: looksLikeHTML

    @Test func looksLikeHTMLFindsMarkupAndReferences() {
        for s in ["<p>x", "a</b>", "<!-- x -->", "<?xml?>", "x &amp; y", "&#39;", "&#x27;", "&nbsp;", "<br/>"] {
            #expect(HTMLText.looksLikeHTML(s), "\(s)")
        }
        for s in ["", "Putin said", "a < b", "1<2", "AT&T", "x && y", "& ;", "&toolongname;", "a<", "&", "<"] {
            #expect(!HTMLText.looksLikeHTML(s), "\(s)")
        }
    }

    // MARK: normalizedPlainText

    @Test func normalizedPlainTextCleansWithoutReadingMarkup() {
        #expect(HTMLText.normalizedPlainText("  a\u{1B}b \t c\r\n\r\n\r\n\r\n d  ") == "ab c\n\nd")
        #expect(HTMLText.normalizedPlainText("<b>not tags</b> &amp; Pu\u{AD}tin\u{A0}said") == "<b>not tags</b> &amp; Putin said")
        #expect(HTMLText.normalizedPlainText("line one\nline two") == "line one\nline two")
    }
}
