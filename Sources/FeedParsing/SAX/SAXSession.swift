import CLibXML2
import FeedModel

/// The Swift side of one libxml2 parse: libxml2's C callbacks find it through
/// `ctxt->_private` (passing it as SAX `user_data` crashed inside libxml2 here).
///
/// The session's mutable state lives in storage it allocates itself, reached through a
/// pointer: a stored `var` of a class costs a dynamic exclusivity check (begin/end access and a
/// thread-local access set) on every use, and the callbacks use it for every element and text
/// run — 6 to 9% of a parse in perf. Only libxml2's thread, inside one `xmlParseChunk`, touches
/// it, and never re-entrantly, so the check could never fire.
final class SAXSession {
    private struct State {
        var builder: FeedBuilder
        var errors: [String] = []
        var stopsAtFirstProblem = false
        var sawUnknownEntity = false
        /// The first HTML entity read in a document without an external DTD, "line L: &name;".
        var htmlEntity: String?
        var hasExternalSubset = false
        /// Every name met, once.
        var names = NameTable()
    }

    private let state: UnsafeMutablePointer<State>

    var builder: FeedBuilder {
        _read { yield state.pointee.builder }
        _modify { yield &state.pointee.builder }
    }

    /// libxml2's error messages, "line L, column C: message", first ones first (at most 20 kept).
    var errors: [String] {
        _read { yield state.pointee.errors }
        _modify { yield &state.pointee.errors }
    }

    /// A read that only tries the document as it is (FeedParser): after the first error libxml2
    /// makes no more callbacks and gets no more of the document, which will be read again, repaired.
    var stopsAtFirstProblem: Bool {
        get { state.pointee.stopsAtFirstProblem }
        set { state.pointee.stopsAtFirstProblem = newValue }
    }

    /// A named reference neither XML nor HTML defines was met (`AmpersandRepair` would have
    /// escaped it). Not always an error to libxml2: with an external DTD named it is a warning.
    var sawUnknownEntity: Bool {
        get { state.pointee.sawUnknownEntity }
        set { state.pointee.sawUnknownEntity = newValue }
    }

    /// The first HTML-only entity (`&nbsp;`) the hook resolved, "line L: &name;": undefined in
    /// XML, so the feed is not well-formed (bozo) though nothing is lost. nil when the document
    /// names an external DTD, which may define it (XHTML's, Netscape's RSS 0.91).
    var htmlEntity: String? { state.pointee.htmlEntity }

    static let maxDepth = 256

    /// The `XMLName` for libxml2's interned pointers, built once per document (NameTable).
    @inline(__always)
    func name(uri: UnsafePointer<xmlChar>?, localname: UnsafePointer<xmlChar>,
              prefix: UnsafePointer<xmlChar>? = nil) -> XMLName {
        state.pointee.names.name(uri: uri, local: localname, prefix: prefix)
    }

    /// Texts EscapedTextFolding decoded ahead of libxml2, handed to the builder at their placeholders.
    let folded = FoldedTexts()

    init(builder: FeedBuilder) {
        state = .allocate(capacity: 1)
        state.initialize(to: State(builder: builder))
    }

    deinit {
        state.deinitialize(count: 1)
        state.deallocate()
    }

    static func from(_ context: UnsafeMutableRawPointer?) -> SAXSession {
        unmanaged(context).takeUnretainedValue()
    }

    static func unmanaged(_ context: UnsafeMutableRawPointer?) -> Unmanaged<SAXSession> {
        let ctxt = context!.assumingMemoryBound(to: xmlParserCtxt.self)
        return Unmanaged<SAXSession>.fromOpaque(ctxt.pointee._private)
    }

    /// One start tag: the depth guard, the name (cached), the attributes as strings.
    private func startElement(_ context: UnsafeMutableRawPointer?, localname: UnsafePointer<xmlChar>,
                              prefix: UnsafePointer<xmlChar>?, uri: UnsafePointer<xmlChar>?, namespaceCount: Int32,
                              namespaces: UnsafeMutablePointer<UnsafePointer<xmlChar>?>?, attributeCount: Int32,
                              attributes: UnsafeMutablePointer<UnsafePointer<xmlChar>?>?) {
        // No feed nests 256 deep; a document that does is an attack on memory or stack.
        if builder.stack.count >= Self.maxDepth {
            errors.insert("elements nested deeper than \(Self.maxDepth): the rest of the document was not read", at: 0)
            xmlStopParser(context!.assumingMemoryBound(to: xmlParserCtxt.self))
            return
        }
        let elementName = name(uri: uri, localname: localname, prefix: prefix)
        var attrs: [XMLAttribute] = []
        // The root's default namespace tells RSS 0.90 from 1.0 even in an empty document.
        if builder.stack.isEmpty, namespaceCount > 0, let namespaces {
            for i in 0..<Int(namespaceCount) where namespaces[i * 2] == nil {
                if let uri = namespaces[i * 2 + 1] { attrs.append(XMLAttribute(name: XMLName("xmlns"), value: String(cString: uri))) }
            }
        }
        if attributeCount > 0, let attributes {
            attrs.reserveCapacity(Int(attributeCount))
            for i in 0..<Int(attributeCount) {
                guard let local = attributes[i * 5], let start = attributes[i * 5 + 3],
                      let end = attributes[i * 5 + 4] else { continue }
                let bytes = UnsafeBufferPointer(start: start, count: end - start)
                // Without entity substitution (kept off: XXE) libxml2 hands `&amp;` in attributes over as "&#38;".
                let value = bytes.contains(UInt8(ascii: "&")) ? Self.unescapingAmpersands(bytes) : String(decoding: bytes, as: UTF8.self)
                attrs.append(XMLAttribute(name: name(uri: attributes[i * 5 + 2], localname: local, prefix: attributes[i * 5 + 1]), value: value))
            }
        }
        builder.start(elementName, attributes: attrs)
    }

    /// `bytes` as a string with every "&#38;" turned back into "&", done on the bytes: Foundation's
    /// `replacingOccurrences` cost 3.5% of parsing an Atom feed whose links carry query strings.
    static func unescapingAmpersands(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var i = 0
        while i < bytes.count {
            if bytes[i] == UInt8(ascii: "&"), i + 4 < bytes.count, bytes[i + 1] == UInt8(ascii: "#"),
               bytes[i + 2] == UInt8(ascii: "3"), bytes[i + 3] == UInt8(ascii: "8"), bytes[i + 4] == UInt8(ascii: ";") {
                out.append(UInt8(ascii: "&"))
                i += 5
            } else {
                out.append(bytes[i])
                i += 1
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// The SAX2 handler table; every callback is a C function that forwards to the session.
    static func makeHandler() -> xmlSAXHandler {
        var handler = xmlSAXHandler()
        handler.initialized = XML_SAX2_MAGIC
        handler.startElementNs = { context, localname, prefix, uri, namespaceCount, namespaces, attributeCount, _, attributes in
            guard let localname else { return }
            // Borrowed, like `characters`: no retain/release pair per element.
            SAXSession.unmanaged(context)._withUnsafeGuaranteedRef { session in
                session.startElement(context, localname: localname, prefix: prefix, uri: uri, namespaceCount: namespaceCount,
                                     namespaces: namespaces, attributeCount: attributeCount, attributes: attributes)
            }
        }
        handler.endElementNs = { context, localname, _, uri in
            guard let localname else { return }
            SAXSession.unmanaged(context)._withUnsafeGuaranteedRef { session in
                // libxml2 ends the element it started last (when recovering too), whose name is on
                // top of the builder's stack: no second lookup per element.
                session.builder.end(session.builder.stack.last?.name ?? session.name(uri: uri, localname: localname))
            }
        }
        handler.characters = { context, bytes, count in
            guard let bytes, count > 0 else { return }
            // The hottest callback: borrow the session without a retain/release pair.
            SAXSession.unmanaged(context)._withUnsafeGuaranteedRef {
                $0.builder.characters(UnsafeBufferPointer(start: bytes, count: Int(count)))
            }
        }
        handler.cdataBlock = handler.characters
        // EscapedTextFolding's placeholders: the decoded text, as if libxml2 had read it.
        handler.processingInstruction = { context, target, data in
            guard let target, let data else { return }
            SAXSession.unmanaged(context)._withUnsafeGuaranteedRef { session in
                guard EscapedTextFolding.isPlaceholder(target) else { return }
                var number = 0
                var p = data
                while p.pointee >= 0x30, p.pointee <= 0x39 { number = number * 10 + Int(p.pointee - 0x30); p += 1 }
                session.folded.take(number) { session.builder.characters($0) }
            }
        }
        // Only the DOCTYPE's public id is read (Netscape's RSS 0.91); no DTD is ever built or loaded.
        handler.internalSubset = { context, _, externalID, systemID in
            let session = SAXSession.from(context)
            session.state.pointee.hasExternalSubset = externalID != nil || systemID != nil
            guard let externalID else { return }
            session.builder.doctypePublicID = String(cString: externalID)
        }
        handler.getEntity = { context, name in
            guard let name else { return nil }
            let entity = HTMLEntityResolver.shared.entity(named: name)
            guard let context else { return entity }
            let session = SAXSession.from(context)
            if entity == nil {
                session.sawUnknownEntity = true
            } else if session.state.pointee.htmlEntity == nil, !session.state.pointee.hasExternalSubset {
                let ctxt = context.assumingMemoryBound(to: xmlParserCtxt.self)
                let line = ctxt.pointee.input.map { Int($0.pointee.line) } ?? 0
                session.state.pointee.htmlEntity = "line \(line): &\(String(cString: name));"
            }
            return entity
        }
        handler.serror = { context, error in
            guard let context, let error else { return }
            // Warnings (an unloadable external DTD, say) do not make a feed ill-formed.
            guard error.pointee.level.rawValue >= XML_ERR_ERROR.rawValue else { return }
            // A parameter entity of the DTD that we (on purpose) never load is not the feed's fault.
            if error.pointee.code == Int32(XML_WAR_UNDECLARED_ENTITY.rawValue),
               error.pointee.message.map({ String(cString: $0).hasPrefix("PEReference") }) == true { return }
            let session = SAXSession.from(context)
            if session.stopsAtFirstProblem {
                // No more callbacks, as libxml2 itself does after an error when not recovering;
                // FeedParser's chunk loop then stops feeding it. Not xmlStopParser: from inside
                // an error report it frees the input that the reporting function still reads.
                context.assumingMemoryBound(to: xmlParserCtxt.self).pointee.disableSAX = 1
            }
            guard session.errors.count < 20 else { return }
            let message = error.pointee.message.map { String(cString: $0).trimmedWhitespace } ?? "XML error"
            session.errors.append("line \(error.pointee.line), column \(error.pointee.int2): \(message)")
        }
        return handler
    }
}
