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
    /// Depth of an element whose whole subtree is ignored (Atom `source`, unknown containers in entries).
    var skipDepth: Int?
    var capture: Capture?
    var text: [UInt8] = []
    var truncated = false

    init(documentURL: String?, maxFieldBytes: Int) {
        self.documentURL = documentURL
        self.maxFieldBytes = maxFieldBytes
    }

    struct Frame {
        let name: XMLName
        let base: String?
        let lang: String?
    }

    enum PersonTarget { case feedAuthor, entryAuthor, entryContributor, feedContributor }

    /// What a text capture will become when its element ends.
    struct Capture {
        let field: Field
        let depth: Int
        var type: String
        let base: String?
        let lang: String?
        /// Atom xhtml content: nested elements are kept as markup.
        let xhtml: Bool
        var attributes: [XMLAttribute] = []
    }

    enum Field {
        case title, subtitle, rights, summary, content, id, link, published, updated
        case rssAuthor, dcCreator, personName, personEmail, personURI
        case category, language, generator, imageURL, imageTitle, imageLink, logo, comments
    }

    var depth: Int { stack.count }
    var currentBase: String? { stack.last?.base ?? documentURL }
    var currentLang: String? { stack.last?.lang }

    // MARK: SAX events

    mutating func start(_ name: XMLName, attributes: [XMLAttribute]) {
        let base = attributes["xml:base"].map { URLResolver.resolve($0, against: currentBase) } ?? currentBase
        let lang = attributes["xml:lang"] ?? currentLang
        stack.append(Frame(name: name, base: base, lang: lang))

        if let capture, capture.xhtml {
            appendMarkupStart(name, attributes: attributes, capture: capture)
            return
        }
        if capture != nil || skipDepth != nil { return }
        if depth == 1 {
            detectVersion(root: name, attributes: attributes)
            return
        }
        switch result.version {
        case .atom03, .atom10, .atom: startAtom(name, attributes: attributes)
        default: startRSS(name, attributes: attributes)
        }
    }

    mutating func end(_ name: XMLName) {
        defer { _ = stack.popLast() }
        if let skip = skipDepth {
            if depth == skip { skipDepth = nil }
            return
        }
        if let capture {
            if depth == capture.depth {
                self.capture = nil
                let value = String(decoding: text, as: UTF8.self)
                text.removeAll(keepingCapacity: true)
                commit(capture, value: value)
            } else if capture.xhtml {
                appendMarkupEnd(name)
            }
            return
        }
        endContainer(name)
    }

    mutating func characters(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard let capture else { return }
        guard text.count + bytes.count <= maxFieldBytes else {
            if !truncated {
                truncated = true
                result.bozo = true
                result.bozoException = result.bozoException ?? "a text field is longer than \(maxFieldBytes) bytes and was cut"
            }
            return
        }
        if capture.xhtml {
            XHTMLMarkup.appendEscaped(bytes, to: &text)
        } else {
            text.append(contentsOf: bytes)
        }
    }

    // MARK: Shared helpers

    mutating func beginCapture(_ field: Field, type: String = "text/plain", xhtml: Bool = false,
                               attributes: [XMLAttribute] = []) {
        capture = Capture(field: field, depth: depth, type: type, base: currentBase, lang: currentLang,
                          xhtml: xhtml, attributes: attributes)
        text.removeAll(keepingCapacity: true)
    }

    mutating func beginEntry() {
        entry = Entry()
    }

    mutating func finishEntry() {
        guard var done = entry else { return }
        entry = nil
        if done.link == nil {
            done.link = done.links.first { $0.rel == "alternate" }?.href
        }
        result.entries.append(done)
    }

    mutating func finish() -> ParsedFeed {
        if entry != nil { finishEntry() }
        if result.feed.link == nil {
            result.feed.link = result.feed.links.first { $0.rel == "alternate" }?.href
        }
        if result.version == .unknown, !result.bozo {
            result.bozo = true
            result.bozoException = "not a feed: no RSS or Atom root element found"
        }
        return result
    }

    mutating func addLink(_ link: Link) {
        if entry != nil {
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
        if entry != nil { entry!.tags.append(tag) } else { result.feed.tags.append(tag) }
    }

    mutating func setDate(_ field: Field, _ value: String) {
        guard let date = DateParser.parse(value) else { return }
        if entry != nil {
            if field == .published { entry!.published = entry!.published ?? date } else { entry!.updated = entry!.updated ?? date }
        } else {
            if field == .published { result.feed.published = result.feed.published ?? date } else { result.feed.updated = result.feed.updated ?? date }
        }
    }

    mutating func setText(_ field: Field, _ construct: TextConstruct) {
        if entry != nil {
            switch field {
            case .title: entry!.title = entry!.title ?? construct
            case .summary: entry!.summary = entry!.summary ?? construct
            case .content: entry!.content.append(construct)
            default: break
            }
        } else {
            switch field {
            case .title: result.feed.title = result.feed.title ?? construct
            case .subtitle, .summary: result.feed.subtitle = result.feed.subtitle ?? construct
            case .rights: result.feed.rights = result.feed.rights ?? construct
            default: break
            }
        }
    }
}
