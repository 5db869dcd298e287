import FeedParsing

/// Any text through HTML → plain text, the sniffing test and whitespace normalisation.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzHTMLText(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    _ = HTMLText.looksLikeHTML(text)
    let plain = HTMLText.plainText(text)
    _ = HTMLText.normalizedPlainText(plain)
    return 0
}
