import FeedModel

extension FeedBuilder {
    /// The format comes from the root element and its namespace, never from a byte prefix.
    mutating func detectVersion(root: XMLName, attributes: [XMLAttribute]) {
        switch root.qualified {
        case "rss":
            switch attributes["version"]?.trimmedWhitespace {
            case let v? where v.hasPrefix("2."): result.version = .rss20
            case "0.91": result.version = .rss091u
            case "0.92": result.version = .rss092
            case "0.93": result.version = .rss093
            case "0.94": result.version = .rss094
            case "0.90": result.version = .rss090
            default: result.version = .rss
            }
        case "rdf:RDF":
            // Refined to rss10 or rss090 by the namespace of its channel/items.
            result.version = .rss10
        case "channel":
            result.version = .rss
        case "atom:feed":
            result.version = root.namespace == XMLName.atom03Namespace ? .atom03 : .atom10
            if let lang = attributes["xml:lang"] { result.feed.language = lang }
        case "html", "xhtml:html", "HTML":
            result.bozo = true
            result.bozoException = "this is an HTML page, not a feed"
        default:
            result.bozo = true
            result.bozoException = "not a feed: unknown root element <\(root.qualified)>"
        }
    }
}
