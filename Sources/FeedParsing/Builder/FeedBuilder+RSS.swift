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
        case "textinput" where !hasEntry:
            inTextInput = true
            result.feed.extra.textInput = result.feed.extra.textInput ?? ExtraFields.TextInput()
        case "title" where inTextInput:
            beginCapture(.textInputTitle)
        case "link" where inTextInput:
            beginCapture(.textInputLink)
        case "description" where inTextInput:
            beginCapture(.textInputDescription)
        case "name" where inTextInput:
            beginCapture(.textInputName)
        case "title":
            beginCapture(inImage ? .imageTitle : .title)
        case "link":
            beginCapture(inImage ? .imageLink : .link)
        case "url" where inImage:
            beginCapture(.imageURL)
        case "width" where inImage:
            beginCapture(.imageWidth)
        case "height" where inImage:
            beginCapture(.imageHeight)
        case "description" where inImage:
            beginCapture(.imageDescription)
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
        case "webmaster" where !hasEntry:
            beginCapture(.webMaster)
        case "cloud" where !hasEntry:
            result.feed.extra.cloud = attributes.map { ExtraFields.Attribute(name: $0.name.local.lowercased(), value: $0.value) }
        case "redirect" where !hasEntry:
            break // its newLocation is read
        case "newlocation" where !hasEntry:
            beginCapture(.newLocation)
        case "expirationdate" where hasEntry:
            beginCapture(.expired)
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
            if let url = attributes["url"], hasEntry, let href = URLResolver.link(url, against: currentBase) {
                entry!.enclosures.append(Enclosure(href: href, type: attributes["type"], length: attributes["length"]))
                entry!.links.append(Link(rel: "enclosure", type: attributes["type"], href: href, length: attributes["length"]))
            }
        case "atom:link":
            if let href = attributes["href"], let link = atomLink(href: href, attributes) { addLink(link) }
        case "atom:updated":
            beginCapture(.updated)
        default:
            // Unknown leaves are kept by their feedparser key; unknown containers (an <image>
            // inside an item, extensions we do not read) keep their children to themselves:
            // their <link> is not the item's link.
            if depth > 1, !(result.version == .rss10 && depth == 2) { beginElement(name, attributes: attributes) }
        }
    }
}
