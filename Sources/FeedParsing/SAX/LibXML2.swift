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
}
