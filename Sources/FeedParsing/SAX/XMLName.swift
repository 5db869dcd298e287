import CLibXML2

/// An element or attribute name with its namespace folded into a short, fixed prefix
/// ("atom:link", "dc:creator", "content:encoded", plain "title" for RSS's own elements),
/// so the builder can switch on one string whatever prefixes the document chose.
final class XMLName: Equatable, CustomStringConvertible, Sendable {
    let qualified: String
    /// The namespace URI as written, which tells Atom 0.3 from 1.0 and RSS 0.90 from 1.0.
    let namespace: String?
    /// `qualified` in lower case, for RSS's case-blind element names: computed once per name
    /// and document (SAXSession caches names), not once per element.
    let lowercased: String
    /// Whether `qualified` has a prefix ("dc:creator"): plain RSS elements skip the extension
    /// table without comparing against each of its names.
    let isPrefixed: Bool
    /// Whether the name is in one of the extensions read in RSS and Atom alike (content, dc,
    /// dcterms, itunes, media, feedburner, cc, creativeCommons): Atom's own elements, all prefixed "atom:", skip the
    /// extension table without a string comparison per case (3% of an Atom parse).
    let isExtension: Bool
    /// The name without its prefix or `{namespace}` ("div" for "xhtml:div"): xhtml content is
    /// rebuilt with it for every element, so it is cut once per name, not once per element.
    let local: String
    /// feedparser's key for an element it has no handler for: "prefix_local" in lower case, with
    /// its own prefix for the namespaces it knows ("slash_comments"), the document's prefix for
    /// others ("madeup_element"), and none for Atom's and RSS's own elements ("ttl").
    let key: String

    init(_ qualified: String, namespace: String? = nil, documentPrefix: String? = nil) {
        self.qualified = qualified
        self.namespace = namespace
        lowercased = qualified.lowercased()
        let bytes = qualified.utf8
        isPrefixed = bytes.contains(UInt8(ascii: ":")) || bytes.first == UInt8(ascii: "{")
        isExtension = isPrefixed && XMLName.extensionPrefixes.contains { qualified.hasPrefix($0) }
        if let brace = bytes.lastIndex(of: UInt8(ascii: "}")) {
            local = String(qualified[qualified.utf8.index(after: brace)...])
        } else if let colon = bytes.lastIndex(of: UInt8(ascii: ":")) {
            local = String(qualified[qualified.utf8.index(after: colon)...])
        } else {
            local = qualified
        }
        let prefix: String
        if bytes.first == UInt8(ascii: "{") {
            prefix = documentPrefix ?? ""
        } else if let colon = bytes.firstIndex(of: UInt8(ascii: ":")) {
            prefix = String(qualified[..<colon])
        } else {
            prefix = ""
        }
        key = (prefix.isEmpty || prefix == "atom" ? local : prefix + "_" + local).lowercased()
    }

    convenience init(uri: UnsafePointer<xmlChar>?, localname: UnsafePointer<xmlChar>,
                     prefix: UnsafePointer<xmlChar>? = nil) {
        let local = String(cString: localname)
        guard let uri else {
            self.init(local)
            return
        }
        let namespace = String(cString: uri)
        if let known = XMLName.prefixes[namespace] ?? XMLName.prefixes[namespace.lowercased()] {
            self.init(known.isEmpty ? local : known + ":" + local, namespace: namespace)
        } else {
            self.init("{" + namespace + "}" + local, namespace: namespace, documentPrefix: prefix.map { String(cString: $0) })
        }
    }

    var description: String { qualified }

    /// Names are equal when they read the same; the derived fields follow from `qualified`.
    static func == (a: XMLName, b: XMLName) -> Bool {
        a.qualified == b.qualified && a.namespace == b.namespace
    }

    /// Namespaces feedwatch reads. RSS's own namespaces (RSS 1.0, 0.90, Userland's 2.0) map to no prefix.
    static let prefixes: [String: String] = [
        "http://purl.org/rss/1.0/": "",
        "http://my.netscape.com/rdf/simple/0.9/": "",
        "http://backend.userland.com/rss2": "",
        "http://backend.userland.com/rss": "",
        "http://www.w3.org/2005/Atom": "atom",
        "http://purl.org/atom/ns#": "atom",
        "http://www.w3.org/1999/02/22-rdf-syntax-ns#": "rdf",
        "http://purl.org/dc/elements/1.1/": "dc",
        "http://purl.org/dc/terms/": "dcterms",
        "http://purl.org/rss/1.0/modules/content/": "content",
        "http://www.w3.org/1999/xhtml": "xhtml",
        "http://www.w3.org/XML/1998/namespace": "xml",
        "http://search.yahoo.com/mrss/": "media",
        "http://search.yahoo.com/mrss": "media",
        "http://www.itunes.com/dtds/podcast-1.0.dtd": "itunes",
        "http://rssnamespace.org/feedburner/ext/1.0": "feedburner",
        "http://example.com/dtds/podcast-1.0.dtd": "itunes", // feedparser reads it as iTunes too
        // Read only for their feedparser keys ("slash_comments") or a field or two (cc:license).
        "http://purl.org/rss/1.0/modules/slash/": "slash",
        "http://wellformedweb.org/commentapi/": "wfw",
        "http://purl.org/rss/1.0/modules/syndication/": "sy",
        "http://purl.org/syndication/thread/1.0": "thr",
        "http://purl.org/rss/1.0/modules/threading/": "thr",
        "http://www.georss.org/georss": "georss",
        "http://www.opengis.net/gml": "gml",
        "http://www.w3.org/2003/01/geo/wgs84_pos#": "geo",
        "http://web.resource.org/cc/": "cc",
        "http://creativecommons.org/ns#license": "cc",
        "http://backend.userland.com/creativecommonsrssmodule": "creativeCommons",
        "http://cyber.law.harvard.edu/rss/creativecommonsrssmodule.html": "creativeCommons",
        "http://podlove.org/simple-chapters": "psc",
        "http://webns.net/mvcb/": "admin",
        "http://madskills.com/public/xml/rss/module/trackback/": "trackback",
        "http://purl.org/rss/1.0/modules/annotate/": "annotate",
        "http://xmlns.com/foaf/0.1/": "foaf",
        "http://www.w3.org/1999/xlink": "xlink",
        "http://purl.org/rss/1.0/modules/taxonomy/": "taxo",
        "http://purl.org/rss/1.0/modules/event/": "ev",
        "http://prismstandard.org/namespaces/1.2/basic/": "prism",
    ]

    /// The prefixes of FeedBuilder's extension table (FeedBuilder+Extensions.swift).
    static let extensionPrefixes = ["content:", "dc:", "dcterms:", "itunes:", "media:", "feedburner:", "cc:", "creativeCommons:", "georss:", "gml:", "psc:"]

    static let atom10Namespace = "http://www.w3.org/2005/Atom"
    static let atom03Namespace = "http://purl.org/atom/ns#"
    static let rss10Namespace = "http://purl.org/rss/1.0/"
    static let rss090Namespace = "http://my.netscape.com/rdf/simple/0.9/"
}

/// One attribute of a start tag, value already decoded.
struct XMLAttribute {
    let name: XMLName
    let value: String
}

extension Array where Element == XMLAttribute {
    /// Looked up several times per start tag ("xml:base", "xml:lang", "href" …): names of another
    /// length are passed over without a string comparison (3% of an Atom parse).
    subscript(_ name: String) -> String? {
        let length = name.utf8.count
        for attribute in self where attribute.name.qualified.utf8.count == length && attribute.name.qualified == name {
            return attribute.value
        }
        return nil
    }
}
