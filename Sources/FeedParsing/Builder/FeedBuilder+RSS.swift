import FeedModel

/// RSS 0.9x, 1.0 (RDF) and 2.0.
extension FeedBuilder {
    mutating func startRSS(_ name: XMLName, attributes: [XMLAttribute]) {
        if result.version == .rss10, name.qualified == "channel" || name.qualified == "item",
           name.namespace == XMLName.rss090Namespace {
            result.version = .rss090
        }
        // The channel's image and text input have children of their own; checked first by a flag,
        // so the common elements below meet no extra string comparison.
        if inImage || inTextInput || inRedirect {
            startInsideChannelPart(name.lowercased)
            return
        }
        // RSS element names are matched without case (<TiTlE> is seen in the wild). Switched on
        // in order: the elements of every item come first.
        switch name.lowercased {
        case "title":
            beginCapture(.title)
        case "link":
            beginCapture(.link)
        case "description", "summary":
            beginCapture(!hasEntry ? .subtitle : .summary, type: "text/html")
        case "pubdate":
            beginCapture(.published)
        case "guid":
            beginCapture(.id, attributes: attributes)
        case "category":
            beginCapture(.category, attributes: attributes)
        case "item":
            beginEntry()
            // RSS 1.0: rdf:about is the item's identity.
            if let about = attributes["rdf:about"] { entry?.id = about }
        case "channel":
            break
        case "image" where !hasEntry:
            inImage = true
        case "textinput" where !hasEntry:
            inTextInput = true
            result.feed.extra.textInput = result.feed.extra.textInput ?? ExtraFields.TextInput()
        case "fullitem":
            beginCapture(.content, type: "text/html")
        case "xhtml:body" where hasEntry:
            beginCapture(.content, type: "application/xhtml+xml", markup: true)
        case "lastbuilddate":
            beginCapture(.updated)
        case "author", "managingeditor":
            // An item's author, and the channel's editor; the webmaster only when nobody else is named.
            beginCapture(.rssAuthor)
        case "webmaster" where !hasEntry:
            beginCapture(.webMaster)
        case "comments":
            beginCapture(.comments)
        case "cloud" where !hasEntry:
            result.feed.extra.cloud = attributes.map { ExtraFields.Attribute(name: $0.name.local.lowercased(), value: $0.value) }
            skipDepth = depth
        case "redirect" where !hasEntry:
            inRedirect = true // its newLocation is read, nothing else
        case "newlocation" where !hasEntry:
            beginCapture(.newLocation)
        case "expirationdate" where hasEntry:
            beginCapture(.expired)
        case "tags":
            beginCapture(.commaTags)
        case "language":
            beginCapture(.language)
        case "generator":
            beginCapture(.generator)
        case "copyright":
            beginCapture(.rights)
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

    /// Children of the channel's `image`, `textInput` and `redirect`: what they hold is theirs,
    /// and anything else in them (a date, a category) is not the channel's, so it is skipped.
    private mutating func startInsideChannelPart(_ name: String) {
        if inRedirect {
            if name == "newlocation" { beginCapture(.newLocation) } else { skipDepth = depth }
            return
        }
        if inTextInput {
            switch name {
            case "title": beginCapture(.textInputTitle)
            case "link": beginCapture(.textInputLink)
            case "description": beginCapture(.textInputDescription)
            case "name": beginCapture(.textInputName)
            default: skipDepth = depth
            }
            return
        }
        switch name {
        case "title": beginCapture(.imageTitle)
        case "link": beginCapture(.imageLink)
        case "url": beginCapture(.imageURL)
        case "width": beginCapture(.imageWidth)
        case "height": beginCapture(.imageHeight)
        case "description": beginCapture(.imageDescription)
        default: skipDepth = depth
        }
    }
}
