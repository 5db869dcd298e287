import CLibXML2
import FeedModel

/// Parses RSS and Atom documents with libxml2's SAX2 interface into `ParsedFeed`.
///
/// SAX, not a DOM: a feed is read once, front to back, and only a few dozen element kinds
/// matter, so building a tree would only cost memory. The parser never loads external
/// entities or DTDs and never touches the network; undefined HTML entities such as `&nbsp;`
/// (common in real feeds) are resolved from libxml2's HTML entity table instead of failing.
public struct FeedParser: Sendable {
    /// Upper bound on the text kept for one field; longer text is cut and the feed marked bozo.
    public var maxFieldBytes: Int
    /// Upper bound on the document; the rest is not read and the feed is marked bozo.
    public var maxDocumentBytes: Int

    /// Escaped text is decoded ahead of libxml2 (EscapedTextFolding); off only where tests and
    /// the fuzzer check that the parsed feed is the same either way.
    @_spi(Testing) public var foldsEscapedText = true

    /// The document is read as written first and repaired (AmpersandRepair) only when that
    /// reading meets a problem; off only where tests and the fuzzer check that the parsed feed
    /// is the same as when every document is repaired first.
    @_spi(Testing) public var readsAsWrittenFirst = true

    /// Where libxml2's parser contexts are kept between documents (ParserContextPool); nil makes
    /// a new one per document (tests compare the two, and count what a pool keeps).
    var contextPool: ParserContextPool? = .shared

    /// Whether contexts come from the shared pool; the fuzzer compares both ways.
    @_spi(Testing) public var reusesParserContexts: Bool {
        get { contextPool != nil }
        set { contextPool = newValue ? .shared : nil }
    }

    public init(maxFieldBytes: Int = 4 << 20, maxDocumentBytes: Int = 64 << 20) {
        self.maxFieldBytes = maxFieldBytes
        self.maxDocumentBytes = maxDocumentBytes
    }

    /// Parses `data`. Never throws: problems set `bozo` and a message, and every readable entry is kept.
    /// - Parameters:
    ///   - documentURL: where the document came from, to resolve relative links.
    ///   - httpContentType: the response's `Content-Type`, whose charset takes part in choosing
    ///     the encoding (RFC 3023, as feedparser); nil for a file or a response without one.
    public func parse(_ raw: [UInt8], documentURL: String? = nil, httpContentType: String? = nil) -> ParsedFeed {
        // JSON Feed is told apart by content: a document that starts with "{" is never XML.
        if let json = JSONFeedParser.parse(raw, documentURL: documentURL, maxFieldBytes: maxFieldBytes) {
            return json
        }
        LibXML2.initialize()
        // BOM, declaration and HTTP charset decide the encoding; libxml2 then reads UTF-8 only.
        let decoded = EncodingDetector.decode(raw, httpContentType: httpContentType)
        let input = decoded.utf8
        // Mojibake is repaired in documents read as UTF-8, by whatever name (EncodingNames'
        // aliases: "utf-8", "UTF8", "u8", "cp65001" …).
        let repairsDoubleEncoding = EncodingNames.charset(named: decoded.encoding, sniffed: "") == .utf8
        let oversized = input.count > maxDocumentBytes
        let withoutSubset = InternalSubset.strip(oversized ? Array(input.prefix(maxDocumentBytes)) : input)
        guard !withoutSubset.bytes.isEmpty else {
            var empty = ParsedFeed()
            empty.bozo = true
            empty.bozoException = "document is empty"
            return empty
        }
        // Most feeds are well-formed: read the document as it is first, and repair it
        // (AmpersandRepair, one more pass over every byte) only when that read meets an error or
        // a named reference nobody defines. Where the repair changes something that matters,
        // libxml2 reports one of the two (a bare `&`, `&#X41;`, an unknown `&name;`), so a clean
        // first read is exactly what reading the repaired bytes would give. After the first
        // error that read makes no more callbacks and is fed no more of the document, so a broken
        // feed costs little beyond the piece it broke in.
        var repaired = AmpersandRepair.Result(bytes: withoutSubset.bytes, repairs: 0, firstLine: 0)
        var read = readsAsWrittenFirst
            ? self.read(withoutSubset.bytes, documentURL: documentURL, repairsDoubleEncoding: repairsDoubleEncoding, fold: foldsEscapedText,
                        untilFirstProblem: true)
            : nil
        if read.map({ !$0.wellFormed || !$0.session.errors.isEmpty || $0.session.sawUnknownEntity }) ?? true {
            repaired = AmpersandRepair.repair(withoutSubset.bytes)
            read = nil
        }
        let data = repaired.bytes
        if read == nil {
            // Escaped text is decoded ahead of libxml2 (EscapedTextFolding). In a document libxml2
            // finds ill-formed, its recovery reads what follows the error its own way (it drops
            // `&lt;` and the like, it may take markup for text): that document is read again as it
            // is, so a broken feed parses exactly as it would without the folding.
            read = self.read(data, documentURL: documentURL, repairsDoubleEncoding: repairsDoubleEncoding, fold: foldsEscapedText)
            if foldsEscapedText, let first = read, first.folded > 0, !first.wellFormed || !first.session.errors.isEmpty {
                read = self.read(data, documentURL: documentURL, repairsDoubleEncoding: repairsDoubleEncoding, fold: false)
            }
        }
        guard let (session, wellFormed, _) = read else {
            var failed = ParsedFeed()
            failed.bozo = true
            failed.bozoException = "libxml2 could not create a parser (out of memory?)"
            return failed
        }
        var result = session.builder.finish()
        if oversized {
            session.errors.insert("document larger than \(maxDocumentBytes) bytes: only the first \(maxDocumentBytes) were read", at: 0)
        }
        if let entity = session.htmlEntity {
            // After libxml2's own errors, which say more.
            session.errors.append("\(entity) is HTML's, not defined in XML (read as in HTML)")
        }
        if repaired.repairs > 0 {
            session.errors.insert("line \(repaired.firstLine): \(repaired.repairs) bare or unknown '&' kept as text (write &amp;)", at: 0)
        }
        if !wellFormed || session.errors.first != nil {
            result.bozo = true
        }
        if result.bozo, result.bozoException == nil {
            result.bozoException = session.errors.first ?? "document is not well-formed XML"
        } else if let first = session.errors.first, result.bozoException != nil, result.version != .unknown {
            result.bozoException = first
        }
        result.encoding = decoded.encoding
        if let problem = decoded.problem {
            result.bozo = true
            // As in feedparser, an XML error says more than an encoding guess.
            if result.bozoException == nil { result.bozoException = problem }
        }
        return result
    }

    /// One pass of libxml2 over `data`: the session it filled, whether libxml2 found the
    /// document well-formed, and how many text runs were folded; nil when libxml2 could not
    /// make a parser.
    private func read(_ data: [UInt8], documentURL: String?, repairsDoubleEncoding: Bool, fold: Bool,
                      untilFirstProblem: Bool = false) -> (session: SAXSession, wellFormed: Bool, folded: Int)? {
        var builder = FeedBuilder(documentURL: documentURL, maxFieldBytes: maxFieldBytes)
        builder.repairsDoubleEncoding = repairsDoubleEncoding
        let session = SAXSession(builder: builder)
        session.stopsAtFirstProblem = untilFirstProblem
        var handler = SAXSession.makeHandler()
        let pool = contextPool
        let ctxt: xmlParserCtxtPtr? = pool.map { $0.take(documentURL: documentURL, handler: &handler) }
            ?? documentURL.withOptionalCString { name in xmlCreatePushParserCtxt(&handler, nil, nil, 0, name) }
        guard let ctxt else { return nil }
        defer { if let pool { pool.give(ctxt) } else { LibXML2.free(ctxt) } }
        _ = xmlCtxtUseOptions(ctxt, LibXML2.safeOptions)
        let unmanaged = Unmanaged.passRetained(session)
        defer { unmanaged.release() }
        ctxt.pointee._private = unmanaged.toOpaque()
        // The document in bounded chunks (xmlParseChunk takes an Int32 length).
        let folded = data.withUnsafeBufferPointer { buffer in
            EscapedTextFolding.feed(buffer, into: session.folded, chunkLimit: 1 << 20, fold: fold) { bytes, count, last in
                _ = UnsafeRawPointer(bytes).map { raw in
                    xmlParseChunk(ctxt, raw.assumingMemoryBound(to: CChar.self), Int32(count), last ? 1 : 0)
                } ?? xmlParseChunk(ctxt, nil, 0, last ? 1 : 0)
                return ctxt.pointee.disableSAX == 0
            }
        }
        return (session, ctxt.pointee.wellFormed != 0, folded)
    }
}

extension Optional where Wrapped == String {
    func withOptionalCString<R>(_ body: (UnsafePointer<CChar>?) -> R) -> R {
        switch self {
        case let .some(s): return s.withCString { body($0) }
        case .none: return body(nil)
        }
    }
}

