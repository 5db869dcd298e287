import Watching

/// A rule formula (the first line) and an entry's text (the rest): the formula goes through the
/// rule parser; when it parses, a matcher built from it (and a watch per name it mentions)
/// evaluates the text, so the matcher's NEAR, field and phrase logic is reached too.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzRules(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let input = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    let parts = input.split(separator: "\n", maxSplits: 1, omittingEmptySubsequences: false)
    let formula = String(parts[0])
    guard let expression = try? RuleParser().parse(formula) else { return 0 }
    _ = expression.description
    guard parts.count > 1 else { return 0 }
    let text = String(parts[1])
    let watches = expression.mentionedNames.filter { !$0.isEmpty }.map { Watch(name: $0, kind: .topic) }
    let matcher = WatchMatcher(watches: watches, rules: [Rule(name: "fuzz", expression: expression)], nameLists: nil)
    _ = matcher.evaluate(EntryText(title: text, summary: text, content: ""))
    return 0
}
