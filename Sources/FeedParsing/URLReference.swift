/// RFC 3986 §5.2 reference resolution on the bytes as written.
///
/// Foundation's `URL(string:relativeTo:)` percent-encodes what it finds invalid (a non-ASCII
/// path becomes `%C3%80`), gives up on a base with a space in it, and costs a bridge per link;
/// feedparser (urljoin) keeps IRIs as the feed wrote them. This resolves on UTF-8 bytes and
/// touches nothing it does not have to: the reference's characters come out as written.
enum URLReference {
    /// `reference` resolved against `base` (both already trimmed; `reference` has no scheme,
    /// `base` is not empty). An opaque base (`tag:`, `urn:`, `mailto:`: a scheme whose path does
    /// not start with "/") has no hierarchy to resolve against: the reference comes back as is,
    /// as urljoin does.
    static func resolve(_ reference: String, against base: String) -> String {
        let b = Parts(Array(base.utf8))
        let r = Parts(Array(reference.utf8))
        // An absolute reference is not resolved (URLResolver does not pass one; other callers may).
        if r.scheme != nil { return reference }
        if b.isOpaque { return reference }
        var out: [UInt8] = []
        out.reserveCapacity(b.bytes.count + r.bytes.count)
        if let scheme = b.scheme { out += scheme; out.append(UInt8(ascii: ":")) }
        if let authority = r.authority {
            out += [UInt8(ascii: "/"), UInt8(ascii: "/")] + authority
            out += removingDotSegments(r.path)
            r.appendQuery(to: &out)
        } else {
            if let authority = b.authority { out += [UInt8(ascii: "/"), UInt8(ascii: "/")] + authority }
            if r.path.isEmpty {
                out += b.path
                if r.query != nil { r.appendQuery(to: &out) } else { b.appendQuery(to: &out) }
            } else {
                out += removingDotSegments(r.path.first == UInt8(ascii: "/") ? Array(r.path) : merge(b, r.path))
                r.appendQuery(to: &out)
            }
        }
        if let fragment = r.fragment { out.append(UInt8(ascii: "#")); out += fragment }
        return String(decoding: out, as: UTF8.self)
    }

    /// Whether `url` has a scheme but no hierarchy ("tag:example.com,2005:1", "urn:x",
    /// "mailto:a@b"): nothing relative resolves against it.
    static func isOpaque(_ url: String) -> Bool {
        Parts(Array(url.utf8)).isOpaque
    }

    /// `url` with spaces and bytes above ASCII percent-encoded, as a browser sends an address
    /// written with them; for addresses feedwatch itself will fetch (found feeds), where the
    /// server, not a reader, gets the bytes. Control characters are left for the caller to refuse.
    static func encodedForFetching(_ url: String) -> String {
        guard url.utf8.contains(where: { $0 == 0x20 || $0 >= 0x80 }) else { return url }
        let hex = Array("0123456789ABCDEF".utf8)
        var out: [UInt8] = []
        out.reserveCapacity(url.utf8.count + 16)
        for byte in url.utf8 {
            if byte == 0x20 || byte >= 0x80 {
                out += [UInt8(ascii: "%"), hex[Int(byte >> 4)], hex[Int(byte & 0xF)]]
            } else {
                out.append(byte)
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// §5.2.3: the base path up to its last "/", then the reference's path ("/" first when the
    /// base has an authority and no path).
    private static func merge(_ base: Parts, _ path: ArraySlice<UInt8>) -> [UInt8] {
        if base.authority != nil, base.path.isEmpty { return [UInt8(ascii: "/")] + path }
        guard let slash = base.path.lastIndex(of: UInt8(ascii: "/")) else { return Array(path) }
        return Array(base.path[...slash]) + path
    }

    /// §5.2.4: "." and ".." segments taken out ("/a/b/../c/./d" is "/a/c/d"); a ".." above the
    /// root is dropped, as the RFC says.
    static func removingDotSegments(_ path: some Collection<UInt8>) -> [UInt8] {
        let slash = UInt8(ascii: "/"), dot = UInt8(ascii: ".")
        guard path.contains(dot) else { return Array(path) }
        let absolute = path.first == slash
        var segments: [ArraySlice<UInt8>] = []
        let parts = Array(path).split(separator: slash, omittingEmptySubsequences: false)
        for (i, segment) in parts.enumerated() {
            if i == 0 && absolute { continue }
            let last = i == parts.count - 1
            if segment.elementsEqual([dot]) {
                if last { segments.append([]) }
            } else if segment.elementsEqual([dot, dot]) {
                if !segments.isEmpty { segments.removeLast() }
                if last { segments.append([]) }
            } else {
                segments.append(segment)
            }
        }
        var out: [UInt8] = absolute ? [slash] : []
        for (i, segment) in segments.enumerated() {
            if i > 0 { out.append(slash) }
            out += segment
        }
        return out
    }

    /// §3's five components: ^(([^:/?#]+):)?(//([^/?#]*))?([^?#]*)(\?([^#]*))?(#(.*))?
    private struct Parts {
        let bytes: [UInt8]
        var scheme: ArraySlice<UInt8>?
        var authority: ArraySlice<UInt8>?
        var path: ArraySlice<UInt8>
        var query: ArraySlice<UInt8>?
        var fragment: ArraySlice<UInt8>?

        init(_ bytes: [UInt8]) {
            self.bytes = bytes
            var i = 0
            let n = bytes.count
            if let colon = Self.schemeEnd(bytes) {
                scheme = bytes[0..<colon]
                i = colon + 1
            }
            if i + 1 < n, bytes[i] == UInt8(ascii: "/"), bytes[i + 1] == UInt8(ascii: "/") {
                let start = i + 2
                var end = start
                while end < n, bytes[end] != UInt8(ascii: "/"), bytes[end] != UInt8(ascii: "?"), bytes[end] != UInt8(ascii: "#") { end += 1 }
                authority = bytes[start..<end]
                i = end
            }
            var end = i
            while end < n, bytes[end] != UInt8(ascii: "?"), bytes[end] != UInt8(ascii: "#") { end += 1 }
            path = bytes[i..<end]
            i = end
            if i < n, bytes[i] == UInt8(ascii: "?") {
                end = i + 1
                while end < n, bytes[end] != UInt8(ascii: "#") { end += 1 }
                query = bytes[(i + 1)..<end]
                i = end
            }
            if i < n, bytes[i] == UInt8(ascii: "#") { fragment = bytes[(i + 1)...] }
        }

        /// Where RFC 3986's scheme ends (its ":"): ALPHA *( ALPHA / DIGIT / "+" / "-" / "." ).
        /// "my file:v2.html" and "2024:title" have none: they are relative paths.
        static func schemeEnd(_ bytes: [UInt8]) -> Int? {
            for (i, byte) in bytes.enumerated() {
                let lower = byte | 0x20
                switch byte {
                case UInt8(ascii: ":"): return i > 0 ? i : nil
                case _ where lower >= UInt8(ascii: "a") && lower <= UInt8(ascii: "z"): continue
                case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "."):
                    if i == 0 { return nil }
                default: return nil
                }
            }
            return nil
        }

        /// A scheme and no hierarchy: no authority, a path not starting with "/".
        var isOpaque: Bool { scheme != nil && authority == nil && path.first != UInt8(ascii: "/") }

        func appendQuery(to out: inout [UInt8]) {
            guard let query else { return }
            out.append(UInt8(ascii: "?"))
            out += query
        }
    }
}
