import FeedModel

/// RSS 0.9x, 1.0 (RDF) and 2.0, with the Dublin Core, content and atom:link extensions.
extension FeedBuilder {
    mutating func startRSS(_ name: XMLName, attributes: [XMLAttribute]) {
        if result.version == .rss10, name.qualified == "channel" || name.qualified == "item",
           name.namespace == XMLName.rss090Namespace {
            result.version = .rss090
        }
        switch name.qualified {
        case "channel":
            break
        case "item":
            beginEntry()
        case "image" where entry == nil:
            inImage = true
        case "title":
            beginCapture(inImage ? .imageTitle : .title)
        case "link":
            beginCapture(inImage ? .imageLink : .link)
        case "url" where inImage:
            beginCapture(.imageURL)
        case "description", "dc:description":
            beginCapture(entry == nil ? .subtitle : .summary, type: "text/html")
        case "content:encoded":
            beginCapture(.content, type: "text/html")
        case "guid", "dc:identifier":
            beginCapture(.id, attributes: attributes)
        case "pubDate", "dcterms:issued", "dcterms:created":
            beginCapture(.published)
        case "lastBuildDate", "dc:date", "dcterms:modified", "atom:updated":
            beginCapture(.updated)
        case "author", "managingEditor":
            beginCapture(.rssAuthor)
        case "dc:creator", "dc:author":
            beginCapture(.dcCreator)
        case "category", "dc:subject":
            beginCapture(.category, attributes: attributes)
        case "language", "dc:language":
            beginCapture(.language)
        case "generator":
            beginCapture(.generator)
        case "copyright", "dc:rights":
            beginCapture(.rights)
        case "comments":
            beginCapture(.comments)
        case "enclosure":
            if let url = attributes["url"], entry != nil {
                let href = URLResolver.resolve(url, against: currentBase)
                entry!.enclosures.append(Enclosure(href: href, type: attributes["type"], length: attributes["length"]))
                entry!.links.append(Link(rel: "enclosure", type: attributes["type"], href: href, length: attributes["length"]))
            }
        case "atom:link":
            if let href = attributes["href"] {
                addLink(Link(rel: attributes["rel"] ?? "alternate", type: attributes["type"],
                             href: URLResolver.resolve(href, against: currentBase),
                             title: attributes["title"], length: attributes["length"]))
            }
        case "textInput", "textinput", "skipHours", "skipDays", "source", "atom:author", "itunes:owner":
            skipDepth = depth
        default:
            break
        }
    }
}
