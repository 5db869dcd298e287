import FeedModel

/// Atom 1.0 and 0.3.
extension FeedBuilder {
    mutating func startAtom(_ name: XMLName, attributes: [XMLAttribute]) {
        switch name.qualified {
        case "atom:entry":
            beginEntry()
        case "atom:title":
            beginAtomText(.title, attributes)
        case "atom:subtitle", "atom:tagline":
            beginAtomText(.subtitle, attributes)
        case "atom:rights", "atom:copyright":
            beginAtomText(.rights, attributes)
        case "atom:summary":
            beginAtomText(.summary, attributes)
        case "atom:content":
            beginAtomText(.content, attributes)
        case "atom:id":
            beginCapture(.id)
        case "atom:updated", "atom:modified":
            beginCapture(.updated)
        case "atom:published", "atom:issued", "atom:created":
            beginCapture(.published)
        case "atom:author":
            person = entry == nil ? .feedAuthor : .entryAuthor
            personValue = Person()
        case "atom:contributor":
            person = entry == nil ? .feedContributor : .entryContributor
            personValue = Person()
        case "atom:name" where person != nil:
            beginCapture(.personName)
        case "atom:email" where person != nil:
            beginCapture(.personEmail)
        case "atom:uri" where person != nil, "atom:url" where person != nil:
            beginCapture(.personURI)
        case "atom:link":
            if let href = attributes["href"] {
                addLink(Link(rel: attributes["rel"] ?? "alternate", type: attributes["type"],
                             href: URLResolver.resolve(href, against: currentBase),
                             title: attributes["title"], length: attributes["length"]))
            }
        case "atom:category":
            if let term = attributes["term"] {
                addTag(Tag(term: term, scheme: attributes["scheme"], label: attributes["label"]))
            }
        case "atom:generator":
            beginCapture(.generator)
        case "atom:logo":
            beginCapture(.logo)
        case "atom:source":
            skipDepth = depth
        case "dc:creator":
            beginCapture(.dcCreator)
        case "dc:subject":
            beginCapture(.category)
        default:
            break
        }
    }

    /// Atom text constructs: `type` is text, html, xhtml or a MIME type; Atom 0.3 adds `mode`.
    private mutating func beginAtomText(_ field: Field, _ attributes: [XMLAttribute]) {
        let declared = (attributes["type"] ?? "text").lowercased()
        let type: String
        switch declared {
        case "text", "text/plain": type = "text/plain"
        case "html", "text/html": type = "text/html"
        case "xhtml", "application/xhtml+xml": type = "application/xhtml+xml"
        default: type = declared
        }
        beginCapture(field, type: type, xhtml: type == "application/xhtml+xml")
    }
}
