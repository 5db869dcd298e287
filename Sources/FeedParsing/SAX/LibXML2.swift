import CLibXML2

/// The one place that sets libxml2 up for untrusted input.
enum LibXML2 {
    /// Recover from errors (real feeds are broken), never touch the network, never substitute
    /// or load external entities (no XXE: `XML_PARSE_NOENT` and `XML_PARSE_DTDLOAD` stay off),
    /// keep libxml2's default size limits (no `XML_PARSE_HUGE`), and report errors to us
    /// rather than stderr.
    static let safeOptions: Int32 = Int32(XML_PARSE_RECOVER.rawValue | XML_PARSE_NONET.rawValue
        | XML_PARSE_NOERROR.rawValue | XML_PARSE_NOWARNING.rawValue | XML_PARSE_NOCDATA.rawValue)

    private static let initialized: Bool = {
        xmlInitParser()
        return true
    }()

    /// `xmlInitParser` must run once, before any thread parses.
    static func initialize() {
        _ = initialized
        // Errors raised outside a parser context would go to stderr: send them nowhere.
        xmlSetStructuredErrorFunc(nil, { _, _ in })
    }

    /// Frees a SAX parser context and the document libxml2 may have hung on it.
    ///
    /// Even in pure SAX mode libxml2 builds a stub document when an internal DTD subset declares
    /// an entity ("for expat compatibility": `ctxt->myDoc` with a "fake" DTD holding the
    /// entity), and `xmlFreeParserCtxt` leaves that document to the caller. Found by fuzzing
    /// (docs/reliability.md): a DOCTYPE that `InternalSubset` did not take out (then one after a
    /// comment that mentions `<!DOCTYPE`; still one past its first 8 KiB) leaked about 13 KB per parse.
    static func free(_ ctxt: xmlParserCtxtPtr) {
        releaseDocument(of: ctxt)
        xmlFreeParserCtxt(ctxt)
    }

    /// Frees `ctxt->myDoc`, if any, and clears it; separate from `free` so a test can see it go.
    static func releaseDocument(of ctxt: xmlParserCtxtPtr) {
        if let doc = ctxt.pointee.myDoc {
            ctxt.pointee.myDoc = nil
            xmlFreeDoc(doc)
        }
    }
}
