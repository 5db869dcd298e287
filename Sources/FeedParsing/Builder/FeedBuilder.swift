import FeedModel

/// Turns the stream of SAX events into a `ParsedFeed`: the format-independent half of parsing.
///
/// It keeps a stack of open elements (with their inherited xml:base and xml:lang), the entry
/// or person being filled, and at most one text capture; characters are gathered as bytes and
/// decoded once per field.
struct FeedBuilder {
    var result = ParsedFeed()
    let documentURL: String?
    let maxFieldBytes: Int

    var stack: [Frame] = []
    var entry: Entry?
    var person: PersonTarget?
    var personValue = Person()
    var inImage = false
    /// Inside RSS `textInput`: its title, link … are the text input's, not the channel's.
    var inTextInput = false
    /// Inside RSS `redirect`: only its `newLocation` is read.
    var inRedirect = false
    /// Depth of an element whose whole subtree is ignored (unknown containers in entries).
    var skipDepth: Int?
    /// Inside an entry's Atom `source`: its depth, and the entry and feed set aside meanwhile.
    /// The source's children are read as the feed's (it is a feed's metadata) into a fresh
    /// FeedInfo, which becomes the entry's `source` when the element ends.
    var sourceFrame: SourceFrame?

    struct SourceFrame {
        let depth: Int
        var entry: Entry
        var feed: FeedInfo
    }
    var capture: Capture?
    /// `capture`'s depth (-1 when none) and whether it keeps markup, mirrored as plain values:
    /// every end tag and text run reads them, and reading them through the optional copied the
    /// whole Capture (a retain and a release per string and per attribute array).
    var captureDepth = -1
    var captureMarkup = false
    /// For a `Field.element` capture: the element, kept under its feedparser key (a container
    /// turns into a skip at its first child). Beside the Capture, not in it: every Capture is
    /// copied on the hot path.
    var elementName: XMLName?
    /// The GML geometry being read (FeedBuilder+GeoRSS).
    var gml = GMLState()
    var geometryPointsLeft = FeedBuilder.maxDocumentGeometryPoints
    /// Depth of the div TypePad wraps escaped HTML in, while inside it (-1 otherwise): its
    /// end tag is not written either.
    var wrapperDivDepth = -1
    /// Depth of the media:content being read (-1 otherwise): only its media:credit children count.
    var mediaContentDepth = -1
    var text: [UInt8] = []
    var truncated = false
    /// The captured field reached `maxFieldBytes` and was cut: the rest of its text is dropped.
    var fieldCut = false
    /// An RSS guid that may become the item's link (decided when the item ends).
    var pendingGuidLink: String?
    var entryTitleFromMedia = false
    /// The root element's namespace and the prefix its elements are read under.
    var rootNamespace: String?
    var rootNamespaceAlias: String?
    /// The DOCTYPE's public id: Netscape's RSS 0.91 DTD makes the feed rss091n.
    var doctypePublicID: String?
    /// The document was read as UTF-8: its text constructs may carry UTF-8 that went through
    /// Windows-1252 on the way (DoubleEncoding).
    var repairsDoubleEncoding = false
    /// When parsing started, to flag entries dated far in the future.
    var now = Timestamp.now

    init(documentURL: String?, maxFieldBytes: Int) {
        self.documentURL = documentURL
        self.maxFieldBytes = maxFieldBytes
        rootScope = Scope(base: documentURL, lang: nil)
    }

    struct Frame {
        let name: XMLName
        let scope: Scope
    }

    /// The xml:base and xml:lang in force, shared by every element that sets neither (nearly
    /// all of them): pushing a frame or starting a capture retains one object, not two strings.
    final class Scope {
        let base: String?
        let lang: String?

        init(base: String?, lang: String?) {
            self.base = base
            self.lang = lang
        }
    }

    /// The document's own scope: its URL, no language.
    let rootScope: Scope

    enum PersonTarget { case feedAuthor, entryAuthor, entryContributor, feedContributor, publisher }

    /// What a text capture will become when its element ends.
    struct Capture {
        let field: Field
        let depth: Int
        var type: String
        let scope: Scope
        var base: String? { scope.base }
        var lang: String? { scope.lang }
        /// Nested elements are kept as markup: xhtml content from the start, and any text
        /// construct from the moment an element shows up inside it ("naked markup").
        var markup: Bool
        /// Atom 1.0 xhtml: the wrapping div is not part of the content.
        var dropWrapperDiv = false
        /// Atom 0.3 `mode="base64"`, or an Atom 1.0 binary media type.
        var base64 = false
        var attributes: [XMLAttribute] = []

        /// Text constructs may hold markup; ids, dates and links are text only.
        var allowsMarkup: Bool {
            switch field {
            case .title, .mediaTitle, .subtitle, .rights, .summary, .content, .info, .entrySubtitle: return true
            default: return false
            }
        }
    }

    enum Field {
        case title, mediaTitle, subtitle, rights, summary, content, info, entrySubtitle, id, link, linkText
        case published, updated, created
        case rssAuthor, dcCreator, dcContributor, personName, personEmail, personURI
        case category, commaTags, keywords, language, generator, imageURL, imageTitle, imageLink, logo, comments
        case sourceTitle
        case publisher, webMaster, expired, validity, icon, newLocation, license
        case imageWidth, imageHeight, imageDescription
        case textInputTitle, textInputDescription, textInputName, textInputLink
        /// `itunes:block` and `itunes:explicit`, read as written: feedparser does not trim them.
        case itunesBlock, itunesExplicit
        /// GeoRSS Simple's four shapes, and a GML `pos`/`posList` (its shape in `gml`).
        case geoPoint, geoLine, geoPolygon, geoBox, gmlPositions
        /// An extension element feedwatch has no field for (its name in `elementName`).
        case element
    }

    var depth: Int { stack.count }
    /// Whether an entry is open. (`entry != nil` would copy the whole Entry through Equatable.)
    var hasEntry: Bool {
        if case .some = entry { return true }
        return false
    }
    var currentScope: Scope { stack.last?.scope ?? rootScope }
    var currentBase: String? { currentScope.base }
    var currentLang: String? { currentScope.lang }

    // MARK: SAX events

    mutating func start(_ name: XMLName, attributes: [XMLAttribute]) {
        var scope = currentScope
        if !attributes.isEmpty {
            var written = attributes["xml:base"]
            // CDF's CHANNEL says its base in BASE (checked only where CDF can be: the root, or a
            // document already known to be CDF).
            if written == nil, stack.isEmpty || result.version == .cdf, name.qualified == "CHANNEL" { written = attributes["BASE"] }
            let base = written.flatMap { URLResolver.base($0, against: scope.base) }
            let lang = attributes["xml:lang"]
            // xml:lang="" says the language is unknown, and is not inherited.
            if base != nil || lang != nil {
                scope = Scope(base: base ?? scope.base, lang: lang.map(Self.languageTag) ?? scope.lang)
            }
        }
        stack.append(Frame(name: name, scope: scope))

        if var capture {
            if capture.field == .element {
                // A container after all: nothing in it is kept, and its text is not gathered.
                skipDepth = capture.depth
                self.capture = nil
                captureDepth = -1
                captureMarkup = false
                elementName = nil
                text.removeAll(keepingCapacity: true)
                return
            } else if capture.allowsMarkup {
                // TypePad wraps escaped HTML in an xhtml div (`type="html"`, then
                // `<div xmlns=…>Example &lt;b&gt;…</div>`): the div is no markup of the
                // content, and the text inside stays the escaped HTML it is (feedparser's rule).
                if !capture.markup, wrapperDivDepth < 0, capture.type == "text/html", name.local == "div",
                   name.namespace == nil || name.namespace == "http://www.w3.org/1999/xhtml" {
                    wrapperDivDepth = depth
                    return
                }
                if !capture.markup {
                    // The first element inside plain text: what came before becomes escaped markup.
                    capture.markup = true
                    captureMarkup = true
                    if capture.type == "text/plain" { capture.type = "text/html" }
                    text = XHTMLMarkup.escaped(text)
                    self.capture = capture
                }
                appendMarkupStart(name, attributes: attributes, capture: capture)
            }
            return
        }
        if skipDepth != nil { return }
        // Inside media:content only its credits are read (a photo's caption or title is not
        // the story's); anything else there keeps its children to itself.
        if mediaContentDepth >= 0, name.qualified != "media:credit" {
            skipDepth = depth
            return
        }
        if depth == 1 {
            detectVersion(root: name, attributes: attributes)
            return
        }
        let name = aliased(name)
        // iTunes' owner is read for its name and address only; anything else in it (a link,
        // a date) is not the channel's or the item's.
        if person == .publisher, name.qualified != "itunes:name", name.qualified != "itunes:email" {
            skipDepth = depth
            return
        }
        // A text input's or redirect's extension elements (a dc:date) are not the channel's.
        if inTextInput || inRedirect, name.isExtension {
            skipDepth = depth
            return
        }
        if startExtension(name, attributes: attributes) { return }
        switch result.version {
        case .atom03, .atom10, .atom: startAtom(name, attributes: attributes)
        case .cdf: startCDF(name, attributes: attributes)
        default: startRSS(name, attributes: attributes)
        }
    }

    /// Elements in the namespace the root element used for its own format count as that
    /// format's elements, whatever the URI ("http://example.com/newformat#" Atom, RSS 2.1 …).
    func aliased(_ name: XMLName) -> XMLName {
        guard let alias = rootNamespaceAlias, !(alias.isEmpty && name.namespace == nil),
              (name.namespace ?? "") == rootNamespace else { return name }
        let local = name.local
        return XMLName(alias.isEmpty ? local : alias + ":" + local, namespace: name.namespace)
    }

    @inline(__always)
    static func isASCIISpace(_ b: UInt8) -> Bool {
        b == 0x20 || b == 0x0A || b == 0x0D || b == 0x09 || b == 0x0C || b == 0x0B
    }

    mutating func end(_ name: XMLName) {
        defer { _ = stack.popLast() }
        if let skip = skipDepth {
            if depth == skip { skipDepth = nil }
            return
        }
        if captureDepth >= 0 {
            if depth == captureDepth {
                let capture = self.capture.take()!
                captureDepth = -1
                wrapperDivDepth = -1
                captureMarkup = false
                // ASCII whitespace around a value (CDATA on its own lines) is cut here, in the
                // bytes, so the string is built once instead of built and then copied trimmed.
                var lo = 0, hi = text.count
                if capture.field != .itunesBlock, capture.field != .itunesExplicit {
                    while lo < hi, FeedBuilder.isASCIISpace(text[lo]) { lo += 1 }
                    while hi > lo, FeedBuilder.isASCIISpace(text[hi - 1]) { hi -= 1 }
                }
                let value = UTF8String.make(text[lo..<hi])
                text.removeAll(keepingCapacity: true)
                commit(capture, value: value)
            } else if depth == wrapperDivDepth {
                wrapperDivDepth = -1 // its start was not written: nor is its end
            } else if captureMarkup {
                appendMarkupEnd(name)
            }
            return
        }
        if depth == mediaContentDepth { mediaContentDepth = -1 }
        endContainer(aliased(name))
    }

    mutating func characters(_ bytes: UnsafeBufferPointer<UInt8>) {
        // The hottest path: read the two mirrored values, never the Capture.
        guard captureDepth >= 0, !fieldCut else { return }
        let markup = captureMarkup
        if markup {
            XHTMLMarkup.appendEscaped(bytes, to: &text)
        } else {
            text.append(contentsOf: bytes)
        }
        if text.count > maxFieldBytes { cutField(markup: markup) }
    }

    /// Cuts the field's text to `maxFieldBytes`, back to the start of a character (and, in
    /// markup, of an escape such as `&amp;`), and takes nothing more for this field. The cut
    /// depends on the text only, not on how libxml2 (or EscapedTextFolding) split it into calls.
    mutating func cutField(markup: Bool) {
        var cut = maxFieldBytes
        while cut > 0, text[cut] & 0xC0 == 0x80 { cut -= 1 }
        if markup, let amp = text[max(0, cut - 5)..<cut].lastIndex(of: UInt8(ascii: "&")),
           !text[amp..<cut].contains(UInt8(ascii: ";")) {
            cut = amp
        }
        text.removeSubrange(cut...)
        fieldCut = true
        if !truncated {
            truncated = true
            result.bozo = true
            result.bozoException = result.bozoException ?? "a text field is longer than \(maxFieldBytes) bytes and was cut"
        }
    }

    // MARK: Shared helpers

    mutating func beginCapture(_ field: Field, type: String = "text/plain", markup: Bool = false,
                               attributes: [XMLAttribute] = []) {
        captureDepth = depth
        captureMarkup = markup
        capture = Capture(field: field, depth: depth, type: type, scope: currentScope,
                          markup: markup, attributes: attributes)
        text.removeAll(keepingCapacity: true)
        fieldCut = false
    }

    /// An element feedwatch has no field for: its text (or attributes) is kept under its
    /// feedparser key when it is a leaf; a container's subtree is ignored as before.
    mutating func beginElement(_ name: XMLName, attributes: [XMLAttribute]) {
        guard !inImage, !inTextInput, person == nil else {
            skipDepth = depth
            return
        }
        beginCapture(.element, attributes: attributes)
        elementName = name
    }

    /// xml:lang as a language tag: "en_US" is "en-US". Empty stays empty: the feed says the
    /// language is unknown (TextConstruct.language), which is not inherited from outside.
    static func languageTag(_ value: String) -> String {
        return value.utf8.contains(UInt8(ascii: "_")) ? String(value.map { $0 == "_" ? "-" : $0 }) : value
    }

    /// Where the rarer fields go: the open entry's, else the feed's (or the source's being read).
    mutating func updateExtra(_ change: (inout ExtraFields) -> Void) {
        if hasEntry {
            var extra = entry!.extra
            change(&extra)
            entry!.extra = extra
        } else {
            change(&result.feed.extra)
        }
    }

    mutating func beginEntry() {
        entry = Entry()
        entryTitleFromMedia = false
        gml = GMLState() // a position list outside a geometry of this entry is nobody's
        mediaContentDepth = -1
        // An image or text input left open (a document cut short, a tag never closed) ends here.
        inImage = false
        inTextInput = false
    }

    mutating func finishEntry() {
        guard hasEntry else { return }
        Self.settle(&entry!, guidLink: pendingGuidLink, isRSS: result.version.isRSS,
                    horizon: now.secondsSince1970 + 86_400)
        pendingGuidLink = nil
        // Swapped into place: a `take()` or a local copy of the Entry compiled to a copy of
        // every field (a retain each) and a destroy of the original (about 3% of perf's samples
        // of a small feed's parse; no change in CPU time measurable beyond noise).
        result.entries.append(Entry())
        swap(&result.entries[result.entries.count - 1], &entry!)
        entry = nil
    }

    /// What an entry's end decides: its link (the alternate link, or a guid that is a
    /// permalink), `guidIsLink`, and whether its date lies beyond `horizon`.
    private static func settle(_ done: inout Entry, guidLink: String?, isRSS: Bool, horizon: Int64) {
        if done.link == nil {
            done.link = done.links.first { $0.rel == "alternate" }?.href
        }
        // RSS: a guid is the permalink unless it says otherwise or the item has its own link.
        if let guid = guidLink {
            if done.link == nil, guid.contains("://"), !URLResolver.isScript(guid) {
                done.link = guid
                done.links.append(Link(rel: "alternate", type: "text/html", href: guid))
                done.guidIsLink = true
            } else {
                done.guidIsLink = false
            }
        } else if done.id != nil, done.guidIsLink == nil, isRSS {
            done.guidIsLink = false
        }
        if let d = done.published ?? done.updated ?? done.created, d.secondsSince1970 > horizon {
            done.futureDated = true
        }
    }

    /// A feed (or an entry's source) without a plain `link` takes its alternate link's address.
    private static func settleLink(_ feed: inout FeedInfo) {
        if feed.link == nil { feed.link = feed.links.first { $0.rel == "alternate" }?.href }
    }

    /// An entry's Atom `source` begins: what follows is read as a feed's metadata.
    mutating func beginSource() {
        guard hasEntry, sourceFrame == nil else { return }
        var frame = SourceFrame(depth: depth, entry: Entry(), feed: FeedInfo())
        swap(&frame.entry, &entry!)
        swap(&frame.feed, &result.feed)
        entry = nil
        sourceFrame = frame
    }

    /// The `source` ends (or the document does, inside it): the entry and the feed come back,
    /// the entry with its source.
    mutating func finishSource() {
        guard var frame = sourceFrame else { return }
        sourceFrame = nil
        swap(&frame.feed, &result.feed)
        var source = frame.feed
        Self.settleLink(&source)
        entry = Entry()
        swap(&entry!, &frame.entry)
        entry!.source = source
    }

    mutating func finish() -> ParsedFeed {
        finishSource()
        if hasEntry { finishEntry() }
        Self.settleLink(&result.feed)
        if result.version == .unknown, !result.bozo {
            result.bozo = true
            result.bozoException = "not a feed: no RSS or Atom root element found"
        }
        return result
    }

    mutating func addLink(_ link: Link) {
        if hasEntry {
            entry!.links.append(link)
            if link.rel == "enclosure" {
                entry!.enclosures.append(Enclosure(href: link.href, type: link.type, length: link.length))
            }
        } else {
            result.feed.links.append(link)
        }
    }

    mutating func addTag(_ tag: Tag) {
        guard !tag.term.isEmpty else { return }
        if hasEntry {
            if !entry!.tags.contains(tag) { entry!.tags.append(tag) }
        } else if !result.feed.tags.contains(tag) {
            result.feed.tags.append(tag)
        }
    }

    /// Dates: the last one of a kind wins, as in feedparser; the text is kept even when it is not a date.
    mutating func setDate(_ field: Field, _ value: String) {
        let date = DateParser.parse(value)
        if hasEntry {
            switch field {
            case .published: entry!.publishedText = value; entry!.published = date
            case .created: entry!.createdText = value; entry!.created = date
            default: entry!.updatedText = value; entry!.updated = date
            }
        } else {
            switch field {
            case .published: result.feed.publishedText = value; result.feed.published = date
            case .created: result.feed.createdText = value; result.feed.created = date
            default: result.feed.updatedText = value; result.feed.updated = date
            }
        }
    }

    /// Takes `construct` (consuming: moved into the entry or feed, not copied string by string).
    mutating func setText(_ field: Field, _ construct: consuming TextConstruct) {
        if hasEntry {
            switch field {
            case .title:
                // An item's own <title> wins over a media:title seen before it.
                if Self.isNone(entry!.title) || entryTitleFromMedia { entry!.title = construct; entryTitleFromMedia = false }
            case .mediaTitle:
                if Self.isNone(entry!.title) { entry!.title = construct; entryTitleFromMedia = true }
            case .summary:
                // RSS with both <description> and <summary>: the second becomes content.
                if Self.isNone(entry!.summary) { entry!.summary = construct } else if entry!.content.isEmpty { entry!.content.append(construct) }
            case .content: entry!.content.append(construct)
            case .entrySubtitle, .subtitle: if Self.isNone(entry!.subtitle) { entry!.subtitle = construct }
            case .rights: if Self.isNone(entry!.extra.rights) { entry!.extra.rights = construct }
            default: break
            }
        } else {
            switch field {
            case .title: if Self.isNone(result.feed.title) { result.feed.title = construct }
            case .subtitle, .summary: if Self.isNone(result.feed.subtitle) { result.feed.subtitle = construct }
            case .rights: if Self.isNone(result.feed.rights) { result.feed.rights = construct }
            case .info: if Self.isNone(result.feed.info) { result.feed.info = construct }
            default: break
            }
        }
    }

    /// Whether a field is still unset, looked at in place (`x == nil` on an optional struct can
    /// copy it, a retain per string).
    @inline(__always)
    static func isNone(_ value: borrowing TextConstruct?) -> Bool {
        switch value {
        case .none: return true
        case .some: return false
        }
    }
}
