import FeedModel

/// RSS 0.9x, 1.0 (RDF) and 2.0.
extension FeedBuilder {
    mutating func startRSS(_ name: XMLName, attributes: [XMLAttribute]) {
        if result.version == .rss10, name.qualified == "channel" || name.qualified == "item",
           name.namespace == XMLName.rss090Namespace {
            result.version = .rss090
        }
        // RSS element names are matched without case (<TiTlE> is seen in the wild).
        switch name.lowercased {
        case "channel":
            break
        case "item":
            beginEntry()
            // RSS 1.0: rdf:about is the item's identity.
            if let about = attributes["rdf:about"] { entry?.id = about }
        case "image" where !hasEntry:
            inImage = true
        case "title":
            beginCapture(inImage ? .imageTitle : .title)
        case "link":
            beginCapture(inImage ? .imageLink : .link)
        case "url" where inImage:
            beginCapture(.imageURL)
        case "description", "summary":
            beginCapture(!hasEntry ? .subtitle : .summary, type: "text/html")
        case "fullitem":
            beginCapture(.content, type: "text/html")
        case "xhtml:body" where hasEntry:
            beginCapture(.content, type: "application/xhtml+xml", markup: true)
        case "guid":
            beginCapture(.id, attributes: attributes)
        case "pubdate":
            beginCapture(.published)
        case "lastbuilddate":
            beginCapture(.updated)
        case "author", "managingeditor":
            // An item's author, and the channel's editor; the webmaster only when nobody else is named.
            beginCapture(.rssAuthor)
        case "webmaster" where !hasEntry && result.feed.authors.isEmpty:
            beginCapture(.rssAuthor)
        case "category":
            beginCapture(.category, attributes: attributes)
        case "tags":
            beginCapture(.commaTags)
        case "language":
            beginCapture(.language)
        case "generator":
            beginCapture(.generator)
        case "copyright":
            beginCapture(.rights)
        case "comments":
            beginCapture(.comments)
        case "source" where hasEntry:
            beginCapture(.sourceTitle, attributes: attributes)
        case "enclosure":
            if let url = attributes["url"], hasEntry {
                let href = URLResolver.resolve(url, against: currentBase)
                entry!.enclosures.append(Enclosure(href: href, type: attributes["type"], length: attributes["length"]))
                entry!.links.append(Link(rel: "enclosure", type: attributes["type"], href: href, length: attributes["length"]))
            }
        case "atom:link":
            if let href = attributes["href"] { addLink(atomLink(href: href, attributes)) }
        case "atom:updated":
            beginCapture(.updated)
        default:
            // Unknown containers (an <image> inside an item, <textInput>, extensions we do not
            // read) keep their children to themselves: their <link> is not the item's link.
            if depth > 1, !(result.version == .rss10 && depth == 2) { skipDepth = depth }
        }
    }
}
