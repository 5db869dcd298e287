import FeedModel

/// Microsoft's Channel Definition Format (CDF): upper-case elements, links and dates in attributes.
extension FeedBuilder {
    mutating func startCDF(_ name: XMLName, attributes: [XMLAttribute]) {
        switch name.qualified.uppercased() {
        case "ITEM":
            beginEntry()
            if let href = attributes["HREF"] ?? attributes["href"], let url = URLResolver.link(href, against: currentBase) {
                entry?.link = url
                entry?.links.append(Link(rel: "alternate", type: "text/html", href: url))
            }
            if let modified = attributes["LASTMOD"] ?? attributes["lastmod"] { setDate(.updated, modified) }
        case "TITLE":
            beginCapture(.title)
        case "ABSTRACT":
            beginCapture(!hasEntry ? .subtitle : .summary)
        default:
            if depth > 1 { skipDepth = depth }
        }
    }

    mutating func endCDF(_ name: XMLName) {
        if name.qualified.uppercased() == "ITEM" { finishEntry() }
    }
}
