import FeedModel

extension FeedBuilder {
    /// The format comes from the root element and its namespace, never from a byte prefix.
    /// A root in an unexpected namespace still counts ("rss" in RSS 2.1's, "feed" in any),
    /// and elements in that namespace are then read as the format's own.
    mutating func detectVersion(root: XMLName, attributes: [XMLAttribute]) {
        let local = root.local
        let known = XMLName.prefixes[root.namespace ?? ""] != nil
        switch (local, root.qualified) {
        case (_, "rss"):
            // "rss" in a namespace we read, or in none.
            fallthrough
        case ("rss", _) where !known:
            aliasRoot(root, as: "")
            let version = attributes["version"]?.trimmedWhitespace
            switch version {
            case let v? where v.hasPrefix("2."): result.version = .rss20
            case "0.91":
                result.version = doctypePublicID?.contains("Netscape") == true ? .rss091n : .rss091u
            case "0.92": result.version = .rss092
            case "0.93": result.version = .rss093
            case "0.94": result.version = .rss094
            case "0.90": result.version = .rss090
            default: result.version = .rss
            }
        case (_, "rdf:RDF"):
            // RSS 1.0 or 0.90, by the default namespace (or, failing that, its channel's).
            result.version = attributes["xmlns"] == XMLName.rss090Namespace ? .rss090 : .rss10
        case ("channel", _) where !known || root.namespace == nil:
            aliasRoot(root, as: "")
            result.version = .rss
        case ("CHANNEL", _):
            result.version = .cdf
            if let href = attributes["HREF"] ?? attributes["href"], let url = URLResolver.link(href, against: currentBase) {
                result.feed.link = url
                result.feed.links.append(Link(rel: "alternate", type: "text/html", href: url))
            }
            if let modified = attributes["LASTMOD"] ?? attributes["lastmod"] { setDate(.updated, modified) }
        case (_, "atom:feed"), ("feed", _):
            if root.qualified != "atom:feed" { aliasRoot(root, as: "atom") }
            if root.namespace == XMLName.atom10Namespace {
                result.version = .atom10
            } else if root.namespace == XMLName.atom03Namespace || attributes["version"] == "0.3" {
                result.version = .atom03
            } else {
                result.version = root.namespace == nil ? .atom10 : .atom
            }
            if let lang = attributes["xml:lang"], !lang.isEmpty { result.feed.language = Self.languageTag(lang) }
        case ("html", _), ("HTML", _):
            result.bozo = true
            result.bozoException = "this is an HTML page, not a feed"
        default:
            result.bozo = true
            result.bozoException = "not a feed: unknown root element <\(root.qualified)>"
        }
    }

    private mutating func aliasRoot(_ root: XMLName, as prefix: String) {
        // No namespace at all is recorded as "": an unqualified <feed> has unqualified entries.
        rootNamespace = root.namespace ?? ""
        rootNamespaceAlias = prefix
    }
}
