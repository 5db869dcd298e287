import Foundation
import FeedModel

/// Atom 1.0 and 0.3.
extension FeedBuilder {
    mutating func startAtom(_ name: XMLName, attributes: [XMLAttribute]) {
        switch name.qualified {
        case "atom:entry" where sourceFrame == nil:
            beginEntry()
        case "atom:source" where hasEntry && person == nil: // (inside an author it is skipped: the author stays whole)
            beginSource()
        case "atom:title":
            beginAtomText(.title, attributes)
        case "atom:subtitle", "atom:tagline":
            beginAtomText(.subtitle, attributes)
        case "atom:rights", "atom:copyright":
            beginAtomText(.rights, attributes)
        case "atom:summary":
            beginAtomText(.summary, attributes)
        case "atom:content":
            if hasEntry, entry!.extra.contentSource == nil, let src = attributes["src"], !src.trimmedWhitespace.isEmpty,
               let href = URLResolver.link(src, against: currentBase) {
                entry!.extra.contentSource = ExtraFields.ContentSource(index: entry!.content.count, href: href)
            }
            beginAtomText(.content, attributes)
        case "atom:info" where !hasEntry:
            beginAtomText(.info, attributes)
        case "atom:id":
            beginCapture(.id)
        case "atom:updated", "atom:modified":
            beginCapture(.updated)
        case "atom:published", "atom:issued":
            beginCapture(.published)
        case "atom:created":
            beginCapture(.created)
        case "atom:author":
            person = !hasEntry ? .feedAuthor : .entryAuthor
            personValue = Person()
        case "atom:contributor":
            person = !hasEntry ? .feedContributor : .entryContributor
            personValue = Person()
        case "atom:name" where person != nil:
            beginCapture(.personName)
        case "atom:email" where person != nil:
            beginCapture(.personEmail)
        case "atom:uri" where person != nil, "atom:url" where person != nil, "atom:homepage" where person != nil:
            beginCapture(.personURI)
        case "atom:link":
            if let href = attributes["href"] {
                if let link = atomLink(href: href, attributes) { addLink(link) }
            } else {
                // <link rel="alternate">http://…</link>: the URL as text.
                beginCapture(.linkText, attributes: attributes)
            }
        case "atom:category":
            if let term = attributes["term"] {
                addTag(Tag(term: term, scheme: attributes["scheme"], label: attributes["label"]))
            }
        case "atom:generator":
            beginCapture(.generator, attributes: attributes)
        case "atom:logo":
            beginCapture(.logo)
        case "atom:icon":
            beginCapture(.icon)
        case "atom:item" where sourceFrame == nil && !hasEntry: // RSS's name, which feedparser reads in Atom too
            beginEntry()
        default:
            // Anything else: a leaf is kept by its feedparser key, a container (an extension we
            // do not read) keeps its children to itself.
            if depth > 1 { beginElement(name, attributes: attributes) }
        }
    }

    /// nil for a script URL (URLResolver.link).
    func atomLink(href: String, _ attributes: [XMLAttribute]) -> Link? {
        guard let resolved = URLResolver.link(href, against: currentBase) else { return nil }
        let rel = attributes["rel"] ?? "alternate"
        var type = attributes["type"]
        if type == nil, rel == "self" { type = "application/atom+xml" }
        if type == nil, rel == "alternate" { type = "text/html" }
        return Link(rel: rel, type: type, href: resolved,
                    title: attributes["title"], length: attributes["length"], hreflang: attributes["hreflang"])
    }

    /// Atom text constructs: `type` is text, html, xhtml or a MIME type; Atom 0.3 adds `mode`.
    private mutating func beginAtomText(_ field: Field, _ attributes: [XMLAttribute]) {
        let declared = (attributes["type"] ?? "text").lowercased()
        let type: String
        switch declared {
        case "text", "text/plain", "": type = "text/plain"
        case "html", "text/html": type = "text/html"
        case "xhtml", "application/xhtml+xml": type = "application/xhtml+xml"
        default: type = declared
        }
        let xhtml = type == "application/xhtml+xml"
        beginCapture(field, type: type, markup: xhtml)
        // Atom 1.0 wraps xhtml in a div that is not content; Atom 0.3 keeps it.
        capture?.dropWrapperDiv = xhtml && result.version != .atom03
        let mode = attributes["mode"]?.lowercased()
        let binary = !type.hasPrefix("text/") && !xhtml && !type.hasSuffix("+xml") && !type.hasSuffix("/xml")
        capture?.base64 = mode == "base64" || (result.version != .atom03 && binary)
        if capture?.base64 == true, type == "application/octet-stream" { capture?.type = "text/html" }
    }
}
