@_spi(Testing) import FeedParsing

/// Raw bytes into the feed parser, as a response body would arrive: encoding detection, the
/// internal-subset stripper, ampersand repair, libxml2's SAX2 and the builders, JSON Feed.
/// The first byte picks a Content-Type header (or none), so the charset path is reached too.
/// Differential too: the feed must parse the same with escaped text folded ahead of libxml2
/// (EscapedTextFolding) and without, and read as written first (repaired only on a problem) or
/// repaired first (AmpersandRepair), and on a reused libxml2 context (whatever the inputs before
/// left in it) or a new one; a difference is a crash. Then `parse --json`'s own steps: relative
/// URLs in the HTML resolved, and the JSON written.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzFeedParser(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    let contentTypes: [String?] = [nil, "application/rss+xml", "text/xml; charset=iso-8859-1", "application/xml; charset=utf-16"]
    let contentType = bytes.first.map { contentTypes[Int($0) % contentTypes.count] } ?? nil
    // Small caps so the truncation paths are reached with small inputs.
    let parser = bytes.count % 7 == 0 ? FeedParser(maxFieldBytes: 64, maxDocumentBytes: 512) : FeedParser()
    let feed = parser.parse(bytes, documentURL: "http://example.com/feed/", httpContentType: contentType)
    var plain = parser
    plain.foldsEscapedText = false
    if plain.parse(bytes, documentURL: "http://example.com/feed/", httpContentType: contentType) != feed {
        fatalError("folding escaped text changed the parsed feed")
    }
    var repairedFirst = parser
    repairedFirst.readsAsWrittenFirst = false
    if repairedFirst.parse(bytes, documentURL: "http://example.com/feed/", httpContentType: contentType) != feed {
        fatalError("reading the document as written first changed the parsed feed")
    }
    var fresh = parser
    fresh.reusesParserContexts = false
    if fresh.parse(bytes, documentURL: "http://example.com/feed/", httpContentType: contentType) != feed {
        fatalError("a reused libxml2 context parsed differently from a new one")
    }
    _ = feed.resolvingRelativeURLs().json.serialized(pretty: true)
    return 0
}
