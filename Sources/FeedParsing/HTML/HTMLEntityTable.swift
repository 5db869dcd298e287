// Named character references: every entity of HTML 4.01 (252) plus `apos` (XHTML 1.0),
// and a few HTML5 names for ASCII punctuation that over-eager feed encoders emit.
// Generated from Python's `html.entities` (the HTML 4.01 DTD list and the WHATWG table),
// so the code points are the standard ones rather than typed from memory. `lang`/`rang` use
// the HTML5 values U+27E8/U+27E9, as browsers do, instead of the deprecated U+2329/U+232A.

/// The named entities `HTMLText` decodes, and whether each may appear without its `;`.
///
/// Why a fixed list instead of the 2,231 names of HTML5: feeds use the HTML 4 names in practice,
/// every one of them is at most 8 ASCII characters (so a name packs into one `UInt64` key), and
/// an unknown name is left as written, which loses nothing a reader would miss.
enum HTMLEntityTable {
    /// Name, Unicode scalar value, and `legacy`: HTML5 also decodes these few (the Latin-1 set
    /// and `amp lt gt quot`) when the `;` is missing, as browsers do for old pages.
    static let entries: [(name: StaticString, scalar: UInt32, legacy: Bool)] = [
        // MARK: HTML 4.01 (HTMLlat1, HTMLsymbol, HTMLspecial) and apos, by code point
        ("quot", 0x0022, true), // quotation mark
        ("amp", 0x0026, true), // ampersand
        ("apos", 0x0027, false), // apostrophe
        ("lt", 0x003C, true), // less-than sign
        ("gt", 0x003E, true), // greater-than sign
        ("nbsp", 0x00A0, true), // no-break space
        ("iexcl", 0x00A1, true), // inverted exclamation mark
        ("cent", 0x00A2, true), // cent sign
        ("pound", 0x00A3, true), // pound sign
        ("curren", 0x00A4, true), // currency sign
        ("yen", 0x00A5, true), // yen sign
        ("brvbar", 0x00A6, true), // broken bar
        ("sect", 0x00A7, true), // section sign
        ("uml", 0x00A8, true), // diaeresis
        ("copy", 0x00A9, true), // copyright sign
        ("ordf", 0x00AA, true), // feminine ordinal indicator
        ("laquo", 0x00AB, true), // left-pointing double angle quotation mark
        ("not", 0x00AC, true), // not sign
        ("shy", 0x00AD, true), // soft hyphen
        ("reg", 0x00AE, true), // registered sign
        ("macr", 0x00AF, true), // macron
        ("deg", 0x00B0, true), // degree sign
        ("plusmn", 0x00B1, true), // plus-minus sign
        ("sup2", 0x00B2, true), // superscript two
        ("sup3", 0x00B3, true), // superscript three
        ("acute", 0x00B4, true), // acute accent
        ("micro", 0x00B5, true), // micro sign
        ("para", 0x00B6, true), // pilcrow sign
        ("middot", 0x00B7, true), // middle dot
        ("cedil", 0x00B8, true), // cedilla
        ("sup1", 0x00B9, true), // superscript one
        ("ordm", 0x00BA, true), // masculine ordinal indicator
        ("raquo", 0x00BB, true), // right-pointing double angle quotation mark
        ("frac14", 0x00BC, true), // vulgar fraction one quarter
        ("frac12", 0x00BD, true), // vulgar fraction one half
        ("frac34", 0x00BE, true), // vulgar fraction three quarters
        ("iquest", 0x00BF, true), // inverted question mark
        ("Agrave", 0x00C0, true), // latin capital letter a with grave
        ("Aacute", 0x00C1, true), // latin capital letter a with acute
        ("Acirc", 0x00C2, true), // latin capital letter a with circumflex
        ("Atilde", 0x00C3, true), // latin capital letter a with tilde
        ("Auml", 0x00C4, true), // latin capital letter a with diaeresis
        ("Aring", 0x00C5, true), // latin capital letter a with ring above
        ("AElig", 0x00C6, true), // latin capital letter ae
        ("Ccedil", 0x00C7, true), // latin capital letter c with cedilla
        ("Egrave", 0x00C8, true), // latin capital letter e with grave
        ("Eacute", 0x00C9, true), // latin capital letter e with acute
        ("Ecirc", 0x00CA, true), // latin capital letter e with circumflex
        ("Euml", 0x00CB, true), // latin capital letter e with diaeresis
        ("Igrave", 0x00CC, true), // latin capital letter i with grave
        ("Iacute", 0x00CD, true), // latin capital letter i with acute
        ("Icirc", 0x00CE, true), // latin capital letter i with circumflex
        ("Iuml", 0x00CF, true), // latin capital letter i with diaeresis
        ("ETH", 0x00D0, true), // latin capital letter eth
        ("Ntilde", 0x00D1, true), // latin capital letter n with tilde
        ("Ograve", 0x00D2, true), // latin capital letter o with grave
        ("Oacute", 0x00D3, true), // latin capital letter o with acute
        ("Ocirc", 0x00D4, true), // latin capital letter o with circumflex
        ("Otilde", 0x00D5, true), // latin capital letter o with tilde
        ("Ouml", 0x00D6, true), // latin capital letter o with diaeresis
        ("times", 0x00D7, true), // multiplication sign
        ("Oslash", 0x00D8, true), // latin capital letter o with stroke
        ("Ugrave", 0x00D9, true), // latin capital letter u with grave
        ("Uacute", 0x00DA, true), // latin capital letter u with acute
        ("Ucirc", 0x00DB, true), // latin capital letter u with circumflex
        ("Uuml", 0x00DC, true), // latin capital letter u with diaeresis
        ("Yacute", 0x00DD, true), // latin capital letter y with acute
        ("THORN", 0x00DE, true), // latin capital letter thorn
        ("szlig", 0x00DF, true), // latin small letter sharp s
        ("agrave", 0x00E0, true), // latin small letter a with grave
        ("aacute", 0x00E1, true), // latin small letter a with acute
        ("acirc", 0x00E2, true), // latin small letter a with circumflex
        ("atilde", 0x00E3, true), // latin small letter a with tilde
        ("auml", 0x00E4, true), // latin small letter a with diaeresis
        ("aring", 0x00E5, true), // latin small letter a with ring above
        ("aelig", 0x00E6, true), // latin small letter ae
        ("ccedil", 0x00E7, true), // latin small letter c with cedilla
        ("egrave", 0x00E8, true), // latin small letter e with grave
        ("eacute", 0x00E9, true), // latin small letter e with acute
        ("ecirc", 0x00EA, true), // latin small letter e with circumflex
        ("euml", 0x00EB, true), // latin small letter e with diaeresis
        ("igrave", 0x00EC, true), // latin small letter i with grave
        ("iacute", 0x00ED, true), // latin small letter i with acute
        ("icirc", 0x00EE, true), // latin small letter i with circumflex
        ("iuml", 0x00EF, true), // latin small letter i with diaeresis
        ("eth", 0x00F0, true), // latin small letter eth
        ("ntilde", 0x00F1, true), // latin small letter n with tilde
        ("ograve", 0x00F2, true), // latin small letter o with grave
        ("oacute", 0x00F3, true), // latin small letter o with acute
        ("ocirc", 0x00F4, true), // latin small letter o with circumflex
        ("otilde", 0x00F5, true), // latin small letter o with tilde
        ("ouml", 0x00F6, true), // latin small letter o with diaeresis
        ("divide", 0x00F7, true), // division sign
        ("oslash", 0x00F8, true), // latin small letter o with stroke
        ("ugrave", 0x00F9, true), // latin small letter u with grave
        ("uacute", 0x00FA, true), // latin small letter u with acute
        ("ucirc", 0x00FB, true), // latin small letter u with circumflex
        ("uuml", 0x00FC, true), // latin small letter u with diaeresis
        ("yacute", 0x00FD, true), // latin small letter y with acute
        ("thorn", 0x00FE, true), // latin small letter thorn
        ("yuml", 0x00FF, true), // latin small letter y with diaeresis
        ("OElig", 0x0152, false), // latin capital ligature oe
        ("oelig", 0x0153, false), // latin small ligature oe
        ("Scaron", 0x0160, false), // latin capital letter s with caron
        ("scaron", 0x0161, false), // latin small letter s with caron
        ("Yuml", 0x0178, false), // latin capital letter y with diaeresis
        ("fnof", 0x0192, false), // latin small letter f with hook
        ("circ", 0x02C6, false), // modifier letter circumflex accent
        ("tilde", 0x02DC, false), // small tilde
        ("Alpha", 0x0391, false), // greek capital letter alpha
        ("Beta", 0x0392, false), // greek capital letter beta
        ("Gamma", 0x0393, false), // greek capital letter gamma
        ("Delta", 0x0394, false), // greek capital letter delta
        ("Epsilon", 0x0395, false), // greek capital letter epsilon
        ("Zeta", 0x0396, false), // greek capital letter zeta
        ("Eta", 0x0397, false), // greek capital letter eta
        ("Theta", 0x0398, false), // greek capital letter theta
        ("Iota", 0x0399, false), // greek capital letter iota
        ("Kappa", 0x039A, false), // greek capital letter kappa
        ("Lambda", 0x039B, false), // greek capital letter lamda
        ("Mu", 0x039C, false), // greek capital letter mu
        ("Nu", 0x039D, false), // greek capital letter nu
        ("Xi", 0x039E, false), // greek capital letter xi
        ("Omicron", 0x039F, false), // greek capital letter omicron
        ("Pi", 0x03A0, false), // greek capital letter pi
        ("Rho", 0x03A1, false), // greek capital letter rho
        ("Sigma", 0x03A3, false), // greek capital letter sigma
        ("Tau", 0x03A4, false), // greek capital letter tau
        ("Upsilon", 0x03A5, false), // greek capital letter upsilon
        ("Phi", 0x03A6, false), // greek capital letter phi
        ("Chi", 0x03A7, false), // greek capital letter chi
        ("Psi", 0x03A8, false), // greek capital letter psi
        ("Omega", 0x03A9, false), // greek capital letter omega
        ("alpha", 0x03B1, false), // greek small letter alpha
        ("beta", 0x03B2, false), // greek small letter beta
        ("gamma", 0x03B3, false), // greek small letter gamma
        ("delta", 0x03B4, false), // greek small letter delta
        ("epsilon", 0x03B5, false), // greek small letter epsilon
        ("zeta", 0x03B6, false), // greek small letter zeta
        ("eta", 0x03B7, false), // greek small letter eta
        ("theta", 0x03B8, false), // greek small letter theta
        ("iota", 0x03B9, false), // greek small letter iota
        ("kappa", 0x03BA, false), // greek small letter kappa
        ("lambda", 0x03BB, false), // greek small letter lamda
        ("mu", 0x03BC, false), // greek small letter mu
        ("nu", 0x03BD, false), // greek small letter nu
        ("xi", 0x03BE, false), // greek small letter xi
        ("omicron", 0x03BF, false), // greek small letter omicron
        ("pi", 0x03C0, false), // greek small letter pi
        ("rho", 0x03C1, false), // greek small letter rho
        ("sigmaf", 0x03C2, false), // greek small letter final sigma
        ("sigma", 0x03C3, false), // greek small letter sigma
        ("tau", 0x03C4, false), // greek small letter tau
        ("upsilon", 0x03C5, false), // greek small letter upsilon
        ("phi", 0x03C6, false), // greek small letter phi
        ("chi", 0x03C7, false), // greek small letter chi
        ("psi", 0x03C8, false), // greek small letter psi
        ("omega", 0x03C9, false), // greek small letter omega
        ("thetasym", 0x03D1, false), // greek theta symbol
        ("upsih", 0x03D2, false), // greek upsilon with hook symbol
        ("piv", 0x03D6, false), // greek pi symbol
        ("ensp", 0x2002, false), // en space
        ("emsp", 0x2003, false), // em space
        ("thinsp", 0x2009, false), // thin space
        ("zwnj", 0x200C, false), // zero width non-joiner
        ("zwj", 0x200D, false), // zero width joiner
        ("lrm", 0x200E, false), // left-to-right mark
        ("rlm", 0x200F, false), // right-to-left mark
        ("ndash", 0x2013, false), // en dash
        ("mdash", 0x2014, false), // em dash
        ("lsquo", 0x2018, false), // left single quotation mark
        ("rsquo", 0x2019, false), // right single quotation mark
        ("sbquo", 0x201A, false), // single low-9 quotation mark
        ("ldquo", 0x201C, false), // left double quotation mark
        ("rdquo", 0x201D, false), // right double quotation mark
        ("bdquo", 0x201E, false), // double low-9 quotation mark
        ("dagger", 0x2020, false), // dagger
        ("Dagger", 0x2021, false), // double dagger
        ("bull", 0x2022, false), // bullet
        ("hellip", 0x2026, false), // horizontal ellipsis
        ("permil", 0x2030, false), // per mille sign
        ("prime", 0x2032, false), // prime
        ("Prime", 0x2033, false), // double prime
        ("lsaquo", 0x2039, false), // single left-pointing angle quotation mark
        ("rsaquo", 0x203A, false), // single right-pointing angle quotation mark
        ("oline", 0x203E, false), // overline
        ("frasl", 0x2044, false), // fraction slash
        ("euro", 0x20AC, false), // euro sign
        ("image", 0x2111, false), // black-letter capital i
        ("weierp", 0x2118, false), // script capital p
        ("real", 0x211C, false), // black-letter capital r
        ("trade", 0x2122, false), // trade mark sign
        ("alefsym", 0x2135, false), // alef symbol
        ("larr", 0x2190, false), // leftwards arrow
        ("uarr", 0x2191, false), // upwards arrow
        ("rarr", 0x2192, false), // rightwards arrow
        ("darr", 0x2193, false), // downwards arrow
        ("harr", 0x2194, false), // left right arrow
        ("crarr", 0x21B5, false), // downwards arrow with corner leftwards
        ("lArr", 0x21D0, false), // leftwards double arrow
        ("uArr", 0x21D1, false), // upwards double arrow
        ("rArr", 0x21D2, false), // rightwards double arrow
        ("dArr", 0x21D3, false), // downwards double arrow
        ("hArr", 0x21D4, false), // left right double arrow
        ("forall", 0x2200, false), // for all
        ("part", 0x2202, false), // partial differential
        ("exist", 0x2203, false), // there exists
        ("empty", 0x2205, false), // empty set
        ("nabla", 0x2207, false), // nabla
        ("isin", 0x2208, false), // element of
        ("notin", 0x2209, false), // not an element of
        ("ni", 0x220B, false), // contains as member
        ("prod", 0x220F, false), // n-ary product
        ("sum", 0x2211, false), // n-ary summation
        ("minus", 0x2212, false), // minus sign
        ("lowast", 0x2217, false), // asterisk operator
        ("radic", 0x221A, false), // square root
        ("prop", 0x221D, false), // proportional to
        ("infin", 0x221E, false), // infinity
        ("ang", 0x2220, false), // angle
        ("and", 0x2227, false), // logical and
        ("or", 0x2228, false), // logical or
        ("cap", 0x2229, false), // intersection
        ("cup", 0x222A, false), // union
        ("int", 0x222B, false), // integral
        ("there4", 0x2234, false), // therefore
        ("sim", 0x223C, false), // tilde operator
        ("cong", 0x2245, false), // approximately equal to
        ("asymp", 0x2248, false), // almost equal to
        ("ne", 0x2260, false), // not equal to
        ("equiv", 0x2261, false), // identical to
        ("le", 0x2264, false), // less-than or equal to
        ("ge", 0x2265, false), // greater-than or equal to
        ("sub", 0x2282, false), // subset of
        ("sup", 0x2283, false), // superset of
        ("nsub", 0x2284, false), // not a subset of
        ("sube", 0x2286, false), // subset of or equal to
        ("supe", 0x2287, false), // superset of or equal to
        ("oplus", 0x2295, false), // circled plus
        ("otimes", 0x2297, false), // circled times
        ("perp", 0x22A5, false), // up tack
        ("sdot", 0x22C5, false), // dot operator
        ("lceil", 0x2308, false), // left ceiling
        ("rceil", 0x2309, false), // right ceiling
        ("lfloor", 0x230A, false), // left floor
        ("rfloor", 0x230B, false), // right floor
        ("loz", 0x25CA, false), // lozenge
        ("spades", 0x2660, false), // black spade suit
        ("clubs", 0x2663, false), // black club suit
        ("hearts", 0x2665, false), // black heart suit
        ("diams", 0x2666, false), // black diamond suit
        ("lang", 0x27E8, false), // mathematical left angle bracket
        ("rang", 0x27E9, false), // mathematical right angle bracket
        // MARK: HTML5 extras
        ("Tab", 0x0009, false), // character tabulation
        ("NewLine", 0x000A, false), // line feed
        ("excl", 0x0021, false), // exclamation mark
        ("QUOT", 0x0022, true), // quotation mark
        ("num", 0x0023, false), // number sign
        ("dollar", 0x0024, false), // dollar sign
        ("percnt", 0x0025, false), // percent sign
        ("AMP", 0x0026, true), // ampersand
        ("lpar", 0x0028, false), // left parenthesis
        ("rpar", 0x0029, false), // right parenthesis
        ("ast", 0x002A, false), // asterisk
        ("plus", 0x002B, false), // plus sign
        ("comma", 0x002C, false), // comma
        ("period", 0x002E, false), // full stop
        ("sol", 0x002F, false), // solidus
        ("colon", 0x003A, false), // colon
        ("semi", 0x003B, false), // semicolon
        ("LT", 0x003C, true), // less-than sign
        ("equals", 0x003D, false), // equals sign
        ("GT", 0x003E, true), // greater-than sign
        ("quest", 0x003F, false), // question mark
        ("commat", 0x0040, false), // commercial at
        ("lbrack", 0x005B, false), // left square bracket
        ("lsqb", 0x005B, false), // left square bracket
        ("bsol", 0x005C, false), // reverse solidus
        ("rbrack", 0x005D, false), // right square bracket
        ("rsqb", 0x005D, false), // right square bracket
        ("Hat", 0x005E, false), // circumflex accent
        ("lowbar", 0x005F, false), // low line
        ("grave", 0x0060, false), // grave accent
        ("lbrace", 0x007B, false), // left curly bracket
        ("lcub", 0x007B, false), // left curly bracket
        ("verbar", 0x007C, false), // vertical line
        ("vert", 0x007C, false), // vertical line
        ("rbrace", 0x007D, false), // right curly bracket
        ("rcub", 0x007D, false), // right curly bracket
        ("COPY", 0x00A9, true), // copyright sign
        ("REG", 0x00AE, true), // registered sign
        ("numsp", 0x2007, false), // figure space
        ("puncsp", 0x2008, false), // punctuation space
        ("hairsp", 0x200A, false), // hair space
        ("dash", 0x2010, false), // hyphen
        ("hyphen", 0x2010, false), // hyphen
        ("NoBreak", 0x2060, false), // word joiner
        ("TRADE", 0x2122, false), // trade mark sign
    ]
}
