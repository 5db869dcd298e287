/// Resolves the relative URLs in HTML attributes (`<a href>`, `<img src>` …) against a base.
///
/// A feed's HTML says `<img src="/photo.jpg">` and means its own site; once the HTML has left
/// the feed (a script reading `parse --json`), nothing knows which site that was. feedparser
/// resolves them, for the same attributes as here. Only relative values are rewritten (decoded,
/// resolved, written back in double quotes and escaped); everything else is left byte for byte,
/// and a text without any relative URL is returned as it came, without a copy. The output is
/// at most about twice the input: a hostile base cannot blow it up.
enum HTMLRelativeURLs {
    /// The attributes that hold a URL, by element (feedparser's list).
    static let attributes: [String: Set<String>] = [
        "a": ["href"], "applet": ["codebase"], "area": ["href"], "audio": ["src"], "blockquote": ["cite"],
        "body": ["background"], "del": ["cite"], "form": ["action"], "frame": ["longdesc", "src"],
        "iframe": ["longdesc", "src"], "head": ["profile"], "img": ["longdesc", "src", "usemap"],
        "input": ["src", "usemap"], "ins": ["cite"], "link": ["href"],
        "object": ["classid", "codebase", "data", "usemap"], "q": ["cite"], "script": ["src"],
        "source": ["src"], "video": ["poster", "src"],
    ]

    static func resolve(_ html: String, base: String) -> String {
        var scratch = html
        return scratch.withUTF8 { bytes in
            guard let edits = edits(in: bytes, base: base) else { return html }
            // A long base times many short relative links could make the text hundreds of times
            // its size: past twice the input (and 64 KB), the rest is left as written.
            let limit = 2 * bytes.count + 65_536
            var out: [UInt8] = []
            out.reserveCapacity(bytes.count + 1024)
            var at = 0
            for edit in edits {
                // The size the text would end at with this edit and the rest as written.
                let projected = out.count + (edit.range.lowerBound - at) + edit.value.utf8.count + 2
                    + (bytes.count - edit.range.upperBound)
                guard projected <= limit else { break }
                out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[at..<edit.range.lowerBound]))
                out.append(UInt8(ascii: "\""))
                escape(edit.value, into: &out)
                out.append(UInt8(ascii: "\""))
                at = edit.range.upperBound
            }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[at...]))
            return String(decoding: out, as: UTF8.self)
        }
    }

    private struct Edit {
        /// The value as written, quotes included.
        let range: Range<Int>
        let value: String
    }

    /// The relative URLs to rewrite, in order; nil when there are none.
    private static func edits(in bytes: UnsafeBufferPointer<UInt8>, base: String) -> [Edit]? {
        var edits: [Edit] = []
        let n = bytes.count
        var i = 0
        while i < n {
            guard bytes[i] == UInt8(ascii: "<") else { i += 1; continue }
            i += 1
            let nameStart = i
            while i < n, isNameByte(bytes[i]) { i += 1 }
            guard i - nameStart > 0, i - nameStart <= 10,
                  let wanted = attributes[lowercased(bytes, nameStart..<i)] else { continue }
            // Attributes up to the end of the tag.
            while i < n, bytes[i] != UInt8(ascii: ">") {
                if isSpace(bytes[i]) || bytes[i] == UInt8(ascii: "/") { i += 1; continue }
                let attrStart = i
                while i < n, !isSpace(bytes[i]), bytes[i] != UInt8(ascii: "="), bytes[i] != UInt8(ascii: ">"),
                      bytes[i] != UInt8(ascii: "/") { i += 1 }
                let name = attrStart..<i
                while i < n, isSpace(bytes[i]) { i += 1 }
                guard i < n, bytes[i] == UInt8(ascii: "=") else { continue }
                i += 1
                while i < n, isSpace(bytes[i]) { i += 1 }
                guard i < n else { break }
                let valueStart = i
                let inner: Range<Int>
                if bytes[i] == UInt8(ascii: "\"") || bytes[i] == UInt8(ascii: "'") {
                    let quote = bytes[i]
                    i += 1
                    while i < n, bytes[i] != quote { i += 1 }
                    inner = (valueStart + 1)..<i
                    if i < n { i += 1 }
                } else {
                    while i < n, !isSpace(bytes[i]), bytes[i] != UInt8(ascii: ">") { i += 1 }
                    inner = valueStart..<i
                }
                guard name.count <= 10, wanted.contains(lowercased(bytes, name)) else { continue }
                let value = decoded(bytes, inner).trimmedWhitespace
                guard !value.isEmpty, !URLResolver.hasScheme(value) else { continue }
                edits.append(Edit(range: valueStart..<i, value: URLResolver.resolve(value, against: base)))
            }
        }
        return edits.isEmpty ? nil : edits
    }

    @inline(__always)
    private static func isNameByte(_ b: UInt8) -> Bool {
        (b | 0x20) >= UInt8(ascii: "a") && (b | 0x20) <= UInt8(ascii: "z") || (b >= 0x30 && b <= 0x39)
    }

    @inline(__always)
    private static func isSpace(_ b: UInt8) -> Bool {
        b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D || b == 0x0C
    }

    private static func lowercased(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> String {
        String(decoding: bytes[range].map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 }, as: UTF8.self)
    }

    /// The attribute value with its character references decoded (`&amp;` in a query string).
    private static func decoded(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(range.count)
        var i = range.lowerBound
        let slice = UnsafeBufferPointer(rebasing: bytes[..<range.upperBound])
        while i < range.upperBound {
            if bytes[i] == UInt8(ascii: "&"), let match = HTMLCharacterReferences.match(slice, at: i),
               let scalar = Unicode.Scalar(match.scalar) {
                UTF8.encode(scalar) { out.append($0) }
                i = match.end
            } else {
                out.append(bytes[i])
                i += 1
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    private static func escape(_ value: String, into out: inout [UInt8]) {
        for byte in value.utf8 {
            switch byte {
            case UInt8(ascii: "&"): out.append(contentsOf: Array("&amp;".utf8))
            case UInt8(ascii: "\""): out.append(contentsOf: Array("&quot;".utf8))
            case UInt8(ascii: "<"): out.append(contentsOf: Array("&lt;".utf8))
            case UInt8(ascii: ">"): out.append(contentsOf: Array("&gt;".utf8))
            default: out.append(byte)
            }
        }
    }
}
