import CLibXML2
import Foundation

/// libxml2 push-parser contexts kept between documents, reset instead of made anew.
///
/// Making one costs a dozen allocations (the context, its stacks, a dictionary, an input
/// buffer, several of them 4 to 16 KB), and for a 20 KB feed that was a measurable part of the
/// parse (docs/benchmarks-polling.md). A kept context is emptied when given back
/// (`xmlCtxtReset`: its input and any stub document are freed, so it holds no document's
/// bytes) and set up for the next one by `xmlCtxtResetPush`. Its dictionary of names is kept
/// (names are what a feed repeats); one that has grown past `maxDictionaryNames` (a document
/// with thousands of distinct names: an attack, not a feed) is freed instead, as are contexts
/// beyond `maxKept`. A context is only ever used by one parse at a time.
final class ParserContextPool: @unchecked Sendable {
    static let shared = ParserContextPool()
    static let maxKept = 8
    static let maxDictionaryNames = 4096

    private let lock = NSLock()
    private var kept: [xmlParserCtxtPtr] = []

    /// A push-parser context for a new document, with `handler` (always SAXSession's) as its SAX
    /// callbacks; nil when libxml2 cannot make one. Options and `_private` are the caller's to set.
    func take(documentURL: String?, handler: inout xmlSAXHandler) -> xmlParserCtxtPtr? {
        lock.lock()
        let reused = kept.popLast()
        lock.unlock()
        if let reused {
            if documentURL.withOptionalCString({ xmlCtxtResetPush(reused, nil, 0, $0, nil) }) == 0 {
                // As xmlCreatePushParserCtxt leaves a context given no first bytes: the encoding
                // still to be read from the document. (xmlCtxtReset says UTF-8, and libxml2 then
                // reads a document shorter than four bytes, which a new context waits on: found
                // by the fuzzer, "<d".)
                reused.pointee.charset = Int32(XML_CHAR_ENCODING_NONE.rawValue)
                return reused
            }
            LibXML2.free(reused)
        }
        return documentURL.withOptionalCString { name in
            xmlCreatePushParserCtxt(&handler, nil, nil, 0, name)
        }
    }

    /// Takes `ctxt` back after a parse: emptied and kept, or freed.
    func give(_ ctxt: xmlParserCtxtPtr) {
        LibXML2.releaseDocument(of: ctxt)
        xmlCtxtReset(ctxt)
        ctxt.pointee._private = nil
        let dictionary = ctxt.pointee.dict.map { Int(xmlDictSize($0)) } ?? 0
        lock.lock()
        let keep = dictionary <= Self.maxDictionaryNames && kept.count < Self.maxKept
        if keep { kept.append(ctxt) }
        lock.unlock()
        if !keep { LibXML2.free(ctxt) }
    }

    /// A pool other than `shared` (a test's, say) frees what it kept when it goes.
    deinit {
        for ctxt in kept { LibXML2.free(ctxt) }
    }

    /// Contexts waiting, for tests.
    var count: Int {
        lock.lock()
        defer { lock.unlock() }
        return kept.count
    }
}
