import FeedParsing

/// Any text into the date parser (RFC 822, ISO 8601, W3C-DTF, Korean, Hungarian and the rest).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzDates(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    _ = DateParser.parse(text)
    return 0
}
