import FeedModel

/// Namespaced extensions read in RSS and Atom alike: Dublin Core, content, iTunes, Media RSS.
extension FeedBuilder {
    /// Handles `name` if it belongs to an extension; false lets the format's own handler run.
    /// Every case's prefix is in `XMLName.extensionPrefixes`.
    mutating func startExtension(_ name: XMLName, attributes: [XMLAttribute]) -> Bool {
        guard name.isExtension else { return false }
        switch name.qualified {
        case "content:encoded":
            beginCapture(.content, type: "text/html")
        case "dc:creator", "dc:author":
            beginCapture(.dcCreator)
        case "dc:contributor":
            beginCapture(.dcContributor)
        case "dc:title":
            beginCapture(inImage ? .imageTitle : .title)
        case "dc:description":
            beginCapture(!hasEntry ? .subtitle : .summary, type: "text/html")
        case "dc:date", "dcterms:modified":
            beginCapture(.updated)
        case "dcterms:issued":
            beginCapture(.published)
        case "dcterms:created":
            beginCapture(.created)
        case "dc:subject":
            beginCapture(.category, attributes: attributes)
        case "dc:language":
            beginCapture(.language)
        case "dc:rights":
            beginCapture(.rights)
        case "dc:publisher":
            beginCapture(.publisher)
        case "dcterms:valid":
            beginCapture(.validity)
        case "cc:license":
            if let raw = attributes["rdf:resource"], !raw.isEmpty, let href = URLResolver.link(raw, against: currentBase) {
                addLink(Link(rel: "license", type: nil, href: href))
            }
            skipDepth = depth // read from its attribute: its children are not the item's
        case "creativeCommons:license":
            beginCapture(.license)
        case "itunes:owner" where person == nil:
            person = .publisher
            personValue = Person()
        case "itunes:name" where person == .publisher:
            beginCapture(.personName)
        case "itunes:email" where person == .publisher:
            beginCapture(.personEmail)
        case "itunes:new-feed-url" where !hasEntry:
            // A podcast's way of saying it moved: the same field as RSS's redirect/newLocation.
            beginCapture(.newLocation)
        case "itunes:block":
            beginCapture(.itunesBlock)
        case "itunes:explicit":
            beginCapture(.itunesExplicit)
        case "dc:identifier" where hasEntry:
            beginCapture(.id)
        case "itunes:author":
            beginCapture(.dcCreator)
        case "itunes:subtitle":
            beginCapture(!hasEntry ? .subtitle : .entrySubtitle)
        case "itunes:summary":
            beginCapture(!hasEntry ? .subtitle : .summary)
        case "itunes:keywords":
            beginCapture(.keywords)
        case "itunes:category":
            // Nested categories are tags too; the element's children stay readable.
            if let term = attributes["text"] { addTag(Tag(term: term, scheme: "http://www.itunes.com/")) }
        case "itunes:image":
            itunesImage(attributes)
            skipDepth = depth // read from its attributes: its children are nobody's
        case "itunes:link" where attributes["rel"] == "image":
            itunesImage(attributes)
            skipDepth = depth
        case "media:group":
            break // a wrapper: its media:* children are read as if they stood in the item
        case "media:title" where hasEntry:
            beginCapture(.mediaTitle)
        case "media:description" where hasEntry:
            beginCapture(.summary)
        case "media:category":
            beginCapture(.category, attributes: attributes.isEmpty || attributes["scheme"] == nil
                ? attributes + [XMLAttribute(name: XMLName("scheme"), value: "http://search.yahoo.com/mrss/category_schema")] : attributes)
        case "feedburner:browserFriendly" where !hasEntry:
            beginCapture(.info)
        case "media:content" where hasEntry:
            if let url = attributes["url"], let href = URLResolver.link(url, against: currentBase) {
                entry!.mediaContent.append(Enclosure(href: href,
                                                     type: attributes["type"], length: attributes["fileSize"]))
            }
            mediaContentDepth = depth // its credits are read (FeedBuilder.start), nothing else in it
        case "media:thumbnail" where hasEntry:
            if let url = attributes["url"], let href = URLResolver.link(url, against: currentBase) { entry!.mediaThumbnails.append(href) }
            skipDepth = depth
        default:
            return startGeo(name, attributes: attributes) || startChapterElement(name, attributes: attributes)
        }
        return true
    }

    /// `itunes:image href` (or `url`): the entry's image, or the feed's when it has none yet.
    private mutating func itunesImage(_ attributes: [XMLAttribute]) {
        guard let raw = attributes["href"] ?? attributes["url"], !raw.isEmpty,
              let href = URLResolver.link(raw, against: currentBase) else { return }
        if hasEntry {
            entry!.extra.image = Image(href: href)
        } else {
            result.feed.image = result.feed.image ?? Image()
            result.feed.image!.href = result.feed.image!.href ?? href
        }
    }
}
