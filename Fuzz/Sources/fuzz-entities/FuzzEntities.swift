import Entities

/// Any text through the tokenizer, the rule-based extractor and the statistical tagger.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzEntities(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    let extractor = EntityExtractor()
    let tokens = Tokenizer().tokenize(text)
    _ = extractor.extract(tokens: tokens)
    _ = extractor.extract(text)
    return 0
}
