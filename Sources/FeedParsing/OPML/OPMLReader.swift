import CLibXML2
import FeedModel

/// Reads OPML 1.0/2.0 subscription lists with libxml2, under the same rules as feeds: no
/// network, no external or parameter entities, internal-subset entities bounded
/// (`InternalSubset`), and recovery from the broken markup some readers export.
public struct OPMLReader: Sendable {
    public init() {}

    /// The largest file read: a subscription list of ten thousand feeds is about 3 MB. A bigger
    /// one is a mistake (or a disk image) and would otherwise be held in memory several times;
    /// libxml2 also takes an `Int32` length, so without a bound a 2 GiB file would be cut short
    /// silently.
    public static let maxBytes = 32 << 20

    /// The feeds, in document order. Throws when the document is not OPML at all, or too large.
    public func read(_ raw: [UInt8], documentURL: String? = nil) throws(OPMLError) -> OPMLDocument {
        guard raw.count <= Self.maxBytes else { throw OPMLError(Self.tooLargeMessage) }
        LibXML2.initialize()
        let decoded = EncodingDetector.decode(raw, httpContentType: nil)
        let bytes = AmpersandRepair.repair(InternalSubset.strip(decoded.utf8).bytes).bytes
        guard !bytes.isEmpty else { throw OPMLError("the file is empty") }
        let document: xmlDocPtr? = bytes.withUnsafeBufferPointer { buffer in
            buffer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: buffer.count) { pointer in
                documentURL.withOptionalCString { url in
                    xmlReadMemory(pointer, Int32(clamping: buffer.count), url, "UTF-8", LibXML2.safeOptions)
                }
            }
        }
        guard let document else { throw OPMLError("not an XML document") }
        defer { xmlFreeDoc(document) }
        guard let root = xmlDocGetRootElement(document), XMLTree.name(root) == "opml" else {
            throw OPMLError("not an OPML file (the root element is not <opml>)")
        }
        var result = OPMLDocument()
        for section in XMLTree.elements(of: root) {
            switch XMLTree.name(section) {
            case "head":
                if let title = XMLTree.elements(of: section).first(where: { XMLTree.name($0) == "title" }),
                   let text = xmlNodeGetContent(title) {
                    defer { cxml_free(text) }
                    let value = String(cString: text).collapsedWhitespace
                    if !value.isEmpty { result.title = value }
                }
            case "body":
                collect(section, folders: [], into: &result.feeds)
            default:
                break
            }
        }
        return result
    }

    /// Outlines at any depth: one with `xmlUrl` is a feed, one without is a folder whose title
    /// becomes a tag of everything inside it.
    /// libxml2 stops at 256 levels of elements, which bounds the recursion; folders past the
    /// 32nd add no more tags, but their feeds are still read (nothing is dropped silently).
    private func collect(_ node: xmlNodePtr, folders: [String], into feeds: inout [OPMLFeed], depth: Int = 0, commented: Bool = false) {
        guard depth < 1024 else { return }
        for outline in XMLTree.elements(of: node) where XMLTree.name(outline) == "outline" {
            // OPML 2.0: "if an outline is commented, all subordinate outlines are considered to also be commented".
            let commented = commented || XMLTree.attribute(outline, "isComment")?.trimmedWhitespace.lowercased() == "true"
            let label = (XMLTree.attribute(outline, "title") ?? XMLTree.attribute(outline, "text"))?.collapsedWhitespace
            let url = XMLTree.attribute(outline, "xmlUrl")?.trimmedWhitespace ?? ""
            if url.isEmpty {
                let inner = label.map { $0.isEmpty || folders.count >= 32 ? folders : folders + [$0] } ?? folders
                collect(outline, folders: inner, into: &feeds, depth: depth + 1, commented: commented)
                continue
            }
            var tags = folders
            for path in (XMLTree.attribute(outline, "category") ?? "").split(separator: ",") {
                for part in path.split(separator: "/") {
                    let tag = String(part).trimmedWhitespace
                    if !tag.isEmpty { tags.append(tag) }
                }
            }
            var unique: [String] = []
            for tag in tags where !unique.contains(tag) { unique.append(tag) }
            let site = XMLTree.attribute(outline, "htmlUrl")?.trimmedWhitespace
            feeds.append(OPMLFeed(url: url, title: label?.isEmpty == false ? label : nil,
                                  siteURL: site?.isEmpty == false ? site : nil, tags: unique,
                                  line: Int(xmlGetLineNo(outline)), enabled: !commented))
            // A feed outline with children (rare) may still hold feeds of its own.
            collect(outline, folders: tags, into: &feeds, depth: depth + 1, commented: commented)
        }
    }
}

extension OPMLReader {
    /// Why a file over `maxBytes` is refused.
    public static var tooLargeMessage: String { "larger than \(maxBytes >> 20) MiB; an OPML subscription list is far smaller" }
}
