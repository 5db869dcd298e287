/// Writes an OPML 2.0 subscription list that feed readers import: each feed is an
/// `<outline type="rss">`, nested inside one folder outline per tag (its first tag outermost),
/// so `OPMLReader` gives the same feeds and tags back.
public struct OPMLWriter: Sendable {
    public init() {}

    public func write(_ document: OPMLDocument, dateCreated: String? = nil) -> String {
        var out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<opml version=\"2.0\">\n  <head>\n"
        out += "    <title>\(Self.escape(document.title ?? "feedwatch feeds"))</title>\n"
        if let dateCreated { out += "    <dateCreated>\(Self.escape(dateCreated))</dateCreated>\n" }
        out += "  </head>\n  <body>\n"
        out += render(Folder.build(document.feeds), depth: 2)
        out += "  </body>\n</opml>\n"
        return out
    }

    /// Folders in order of first appearance; feeds in document order.
    private struct Folder {
        var feeds: [OPMLFeed] = []
        var names: [String] = []
        var children: [String: Folder] = [:]

        static func build(_ feeds: [OPMLFeed]) -> Folder {
            var root = Folder()
            for feed in feeds { root.insert(feed, path: feed.tags[...]) }
            return root
        }

        mutating func insert(_ feed: OPMLFeed, path: ArraySlice<String>) {
            guard let first = path.first else { feeds.append(feed); return }
            if children[first] == nil { names.append(first); children[first] = Folder() }
            children[first]!.insert(feed, path: path.dropFirst())
        }
    }

    private func render(_ folder: Folder, depth: Int) -> String {
        let indent = String(repeating: "  ", count: depth)
        var out = ""
        for feed in folder.feeds {
            let title = Self.escape(feed.title ?? feed.url)
            out += "\(indent)<outline type=\"rss\" text=\"\(title)\" title=\"\(title)\" xmlUrl=\"\(Self.escape(feed.url))\""
            if let site = feed.siteURL { out += " htmlUrl=\"\(Self.escape(site))\"" }
            // A feed disabled in feedwatch is exported commented out (OPML 2.0), and read back disabled.
            if !feed.enabled { out += " isComment=\"true\"" }
            out += "/>\n"
        }
        for name in folder.names {
            out += "\(indent)<outline text=\"\(Self.escape(name))\" title=\"\(Self.escape(name))\">\n"
            out += render(folder.children[name]!, depth: depth + 1)
            out += "\(indent)</outline>\n"
        }
        return out
    }

    /// Escapes text for an attribute or element; characters XML 1.0 forbids are dropped, and
    /// the other control characters are written as character references.
    static func escape(_ text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&apos;"
            case "\n": out += "&#10;"
            case "\r": out += "&#13;"
            case "\t": out += "&#9;"
            default:
                let v = scalar.value
                if v < 0x20 || v == 0xFFFE || v == 0xFFFF { continue }
                // DEL and the C1 controls are allowed in XML 1.0, but raw on a terminal
                // (`export-opml` prints to stdout) U+009B is CSI: write them as references.
                if (0x7F...0x9F).contains(v) { out += "&#x" + String(v, radix: 16, uppercase: true) + ";"; continue }
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
