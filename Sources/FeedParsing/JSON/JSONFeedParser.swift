import FeedModel

/// Reads JSON Feed (https://jsonfeed.org/version/1.1) documents into the same model as RSS and Atom.
///
/// The mapping follows feedparser's JSON support (`parsers/json.py`), with the fields it leaves
/// out filled the way the RSS and Atom paths fill them: `home_page_url` is the feed's link,
/// `feed_url` its self link, `content_html` and `content_text` both become content (HTML first),
/// `attachments` become enclosures. A field of the wrong type is skipped (never its item) and
/// marks the feed bozo, as does a missing required field; the first problem is the message.
public enum JSONFeedParser {
    /// nil when `bytes` is not a JSON object with a jsonfeed.org `version` (then the caller tries XML).
    ///
    /// A document that starts like a JSON object and names a jsonfeed.org version but cannot be
    /// read (a syntax error, nesting deeper than 64 levels) is a bozo feed with no entries.
    /// - Parameters:
    ///   - documentURL: where the document came from, to resolve relative links.
    ///   - maxFieldBytes: longer strings are cut and the feed marked bozo, as `FeedParser` does.
    public static func parse(_ bytes: [UInt8], documentURL: String?, maxFieldBytes: Int = 4 << 20) -> ParsedFeed? {
        parse(bytes, documentURL: documentURL, maxFieldBytes: maxFieldBytes, now: .now)
    }

    /// `parse` with the clock as an argument, for tests of future-dated entries.
    static func parse(_ bytes: [UInt8], documentURL: String?, maxFieldBytes: Int, now: Timestamp) -> ParsedFeed? {
        guard let start = objectStart(bytes) else { return nil }
        var reader = JSONReader(bytes, from: start, maxStringBytes: maxFieldBytes)
        let document: (value: JSONNode, trailingOffset: Int?)
        do {
            document = try reader.readDocument()
        } catch {
            // Not JSON at all, unless it names a JSON Feed version: then it is a broken feed.
            guard let version = sniffVersion(bytes) else { return nil }
            var failed = ParsedFeed()
            failed.version = version
            failed.bozo = true
            failed.bozoException = "invalid JSON at \(JSONReader.position(of: error.offset, in: bytes)): \(error.message)"
            return failed
        }
        guard case let .object(root) = document.value, case let .string(versionText)? = root["version"],
              let version = JSONFeedVersion(versionText)
        else { return nil }

        var mapper = JSONFeedMapper(base: documentURL, now: now)
        mapper.result.version = version.feedVersion
        if let offset = document.trailingOffset {
            mapper.problem("trailing data after the JSON object at \(JSONReader.position(of: offset, in: bytes))")
        }
        if reader.invalidUTF8 { mapper.problem("the document is not valid UTF-8; invalid bytes were replaced") }
        if reader.truncatedStrings { mapper.problem("a string is longer than \(maxFieldBytes) bytes and was cut") }
        if !version.isKnown { mapper.problem("unknown JSON Feed version \"\(versionText)\"; read as 1.1") }
        mapper.mapFeed(root)
        return mapper.finish()
    }

    /// The offset of the opening brace, after an optional UTF-8 BOM and white space; nil when
    /// the document does not start with one.
    static func objectStart(_ bytes: [UInt8]) -> Int? {
        var i = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        while i < bytes.count, bytes[i] == 0x20 || bytes[i] == 0x09 || bytes[i] == 0x0A || bytes[i] == 0x0D { i += 1 }
        return i < bytes.count && bytes[i] == UInt8(ascii: "{") ? i : nil
    }

    /// For a document that is not valid JSON: the version it seems to claim, if any.
    static func sniffVersion(_ bytes: [UInt8]) -> FeedVersion? {
        let marker = Array("jsonfeed.org/version/".utf8)
        guard bytes.count >= marker.count else { return nil }
        for i in 0...(bytes.count - marker.count) where bytes[i] == marker[0] {
            if bytes[i..<i + marker.count].elementsEqual(marker) {
                return bytes[(i + marker.count)...].starts(with: Array("1.1".utf8)) ? .json11 : .json1
            }
        }
        return nil
    }
}

/// The `version` member of a JSON Feed: `https://jsonfeed.org/version/1` or `…/1.1`.
struct JSONFeedVersion: Equatable {
    var feedVersion: FeedVersion
    /// False for a jsonfeed.org version this reader does not know (read as 1.1).
    var isKnown: Bool

    init?(_ text: String) {
        var value = Substring(text.trimmedWhitespace.lowercased())
        guard let prefix = ["https://jsonfeed.org/version/", "http://jsonfeed.org/version/"].first(where: value.hasPrefix) else {
            return nil
        }
        value = value.dropFirst(prefix.count)
        if value.hasSuffix("/") { value = value.dropLast() }
        switch value {
        case "1", "1.0": (feedVersion, isKnown) = (.json1, true)
        case "1.1": (feedVersion, isKnown) = (.json11, true)
        default: (feedVersion, isKnown) = (.json11, false)
        }
    }
}
