/// Rebuilds markup for Atom `type="xhtml"` content, whose HTML arrives as XML elements.
enum XHTMLMarkup {
    /// Text inside xhtml content is decoded by the XML parser; escape it again so the
    /// rebuilt value is HTML that means what the feed wrote.
    static func appendEscaped(_ bytes: UnsafeBufferPointer<UInt8>, to out: inout [UInt8]) {
        for byte in bytes {
            switch byte {
            case UInt8(ascii: "&"): out.append(contentsOf: "&amp;".utf8)
            case UInt8(ascii: "<"): out.append(contentsOf: "&lt;".utf8)
            case UInt8(ascii: ">"): out.append(contentsOf: "&gt;".utf8)
            default: out.append(byte)
            }
        }
    }

    static func escaped(_ bytes: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        bytes.withUnsafeBufferPointer { appendEscaped($0, to: &out) }
        return out
    }

    static func localName(_ name: XMLName) -> String {
        let q = name.qualified
        if let brace = q.lastIndex(of: "}") { return String(q[q.index(after: brace)...]) }
        if let colon = q.lastIndex(of: ":") { return String(q[q.index(after: colon)...]) }
        return q
    }
}

extension FeedBuilder {
    mutating func appendMarkupStart(_ name: XMLName, attributes: [XMLAttribute], capture: Capture) {
        // The div that wraps Atom xhtml content is not part of the content.
        if capture.dropWrapperDiv, depth == capture.depth + 1, name.qualified == "xhtml:div" { return }
        text.append(UInt8(ascii: "<"))
        text.append(contentsOf: XHTMLMarkup.localName(name).utf8)
        for attribute in attributes {
            text.append(UInt8(ascii: " "))
            text.append(contentsOf: XHTMLMarkup.localName(attribute.name).utf8)
            text.append(contentsOf: "=\"".utf8)
            for byte in attribute.value.utf8 {
                if byte == UInt8(ascii: "\"") { text.append(contentsOf: "&quot;".utf8) }
                else if byte == UInt8(ascii: "&") { text.append(contentsOf: "&amp;".utf8) }
                else if byte == UInt8(ascii: "<") { text.append(contentsOf: "&lt;".utf8) }
                else { text.append(byte) }
            }
            text.append(UInt8(ascii: "\""))
        }
        text.append(UInt8(ascii: ">"))
    }

    mutating func appendMarkupEnd(_ name: XMLName) {
        guard let capture else { return }
        if capture.dropWrapperDiv, depth == capture.depth + 1, name.qualified == "xhtml:div" { return }
        text.append(contentsOf: "</".utf8)
        text.append(contentsOf: XHTMLMarkup.localName(name).utf8)
        text.append(UInt8(ascii: ">"))
    }
}
