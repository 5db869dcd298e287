import CLibXML2

/// Small read-only helpers over libxml2's tree API, for the documents read whole (OPML, an
/// HTML page's `<link>`s) rather than streamed through SAX2.
enum XMLTree {
    /// Element children of `node`, in order.
    static func elements(of node: xmlNodePtr) -> [xmlNodePtr] {
        var out: [xmlNodePtr] = []
        var child = node.pointee.children
        while let current = child {
            if current.pointee.type == XML_ELEMENT_NODE { out.append(current) }
            child = current.pointee.next
        }
        return out
    }

    /// The element's local name, lower-cased.
    static func name(_ node: xmlNodePtr) -> String {
        guard let name = node.pointee.name else { return "" }
        return String(cString: name).lowercased()
    }

    /// An attribute's value, its name compared without case (exporters write `xmlUrl`,
    /// `xmlurl` and `XMLURL`); nil when absent.
    static func attribute(_ node: xmlNodePtr, _ wanted: String) -> String? {
        var property = node.pointee.properties
        while let attribute = property {
            if let name = attribute.pointee.name, String(cString: name).lowercased() == wanted.lowercased() {
                let raw = UnsafeMutableRawPointer(attribute).assumingMemoryBound(to: xmlNode.self)
                guard let value = xmlNodeGetContent(raw) else { return "" }
                defer { cxml_free(value) }
                return String(cString: value)
            }
            property = attribute.pointee.next
        }
        return nil
    }
}
