import CLibXML2
import FeedModel

/// Finds the feeds an HTML page announces: `<link rel="alternate" type="application/rss+xml"
/// href="…">` (and Atom, JSON Feed, RDF), as browsers and feed readers do.
///
/// The page is read with libxml2's HTML parser (forgiving of real-world markup, no network);
/// relative `href`s resolve against `<base href>`, itself resolved against the page's URL.
public struct FeedDiscovery: Sendable {
    public init() {}

    /// One announced feed.
    public struct Candidate: Sendable, Equatable {
        public var url: String
        public var title: String?
        /// The announced media type (`application/atom+xml`, …).
        public var type: String

        public init(url: String, title: String? = nil, type: String) {
            self.url = url
            self.title = title
            self.type = type
        }
    }

    /// Media types of feeds, lower-case.
    public static let feedTypes: Set<String> = [
        "application/rss+xml", "application/atom+xml", "application/feed+json", "application/rdf+xml",
    ]

    /// Common feed paths, tried when a page announces none.
    public static let commonPaths = ["/feed", "/rss.xml", "/atom.xml", "/index.xml", "/feed.xml"]

    /// The feeds a page links to, in document order, without repeats.
    public func candidates(inHTML raw: [UInt8], pageURL: String?) -> [Candidate] {
        LibXML2.initialize()
        guard !raw.isEmpty else { return [] }
        let options = Int32(HTML_PARSE_NONET.rawValue | HTML_PARSE_NOERROR.rawValue | HTML_PARSE_NOWARNING.rawValue
            | HTML_PARSE_RECOVER.rawValue)
        // libxml2 sniffs the page's <meta charset>; an int32 length bounds what it reads.
        let document: htmlDocPtr? = raw.withUnsafeBufferPointer { buffer in
            buffer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: buffer.count) { pointer in
                pageURL.withOptionalCString { url in
                    htmlReadMemory(pointer, Int32(clamping: buffer.count), url, nil, options)
                }
            }
        }
        guard let document, let root = xmlDocGetRootElement(document) else { return [] }
        defer { xmlFreeDoc(document) }
        var links: [xmlNodePtr] = []
        var baseHref: String?
        walk(root, depth: 0) { node in
            switch XMLTree.name(node) {
            case "base": if baseHref == nil { baseHref = XMLTree.attribute(node, "href") }
            case "link": links.append(node)
            default: break
            }
        }
        let base = baseHref.map { URLResolver.resolve($0, against: pageURL) } ?? pageURL
        var out: [Candidate] = []
        var seen = Set<String>() // a page of 16 MB may hold 100 000 links: no quadratic search
        for link in links {
            let rel = (XMLTree.attribute(link, "rel") ?? "").lowercased().split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" })
            guard rel.contains("alternate"), !rel.contains("stylesheet") else { continue }
            let type = (XMLTree.attribute(link, "type") ?? "").lowercased().split(separator: ";").first.map { String($0).trimmedWhitespace } ?? ""
            guard Self.feedTypes.contains(type) else { continue }
            guard let href = XMLTree.attribute(link, "href")?.trimmedWhitespace, !href.isEmpty else { continue }
            let url = URLReference.encodedForFetching(URLResolver.resolve(href, against: base))
            let lower = url.lowercased()
            guard lower.hasPrefix("http://") || lower.hasPrefix("https://") else { continue }
            // Spaces and non-ASCII are sent percent-encoded, as a browser sends them; a control
            // character cannot be fetched (nor configured), so such an href is no candidate.
            guard !url.unicodeScalars.contains(where: { $0.value <= 0x20 || (0x7F...0x9F).contains($0.value) }) else { continue }
            guard seen.insert(url).inserted else { continue }
            let title = XMLTree.attribute(link, "title")?.collapsedWhitespace
            out.append(Candidate(url: url, title: title?.isEmpty == false ? title : nil, type: type))
        }
        return out
    }

    /// The common paths on the page's site (scheme, host and port kept; path, query dropped).
    public static func fallbackURLs(for pageURL: String) -> [String] {
        commonPaths.map { URLResolver.resolve($0, against: pageURL) }
    }

    private func walk(_ node: xmlNodePtr, depth: Int, _ visit: (xmlNodePtr) -> Void) {
        guard depth < 256 else { return }
        visit(node)
        for child in XMLTree.elements(of: node) { walk(child, depth: depth + 1, visit) }
    }
}
