import Testing
@testable import FeedParsing
#if canImport(Glibc)
import Glibc
#endif

/// The two hand-made hash tables of the hot paths: names by libxml2's interned pointers, and
/// HTML tag kinds by packed name.
struct LookupTablesTests {
    @Test func aNameIsBuiltOnceAndFoundAgainThroughGrowth() {
        var table = NameTable()
        let uri = strdup("http://www.w3.org/2005/Atom")!
        let locals = (0..<1000).map { strdup("n\($0)")! }
        defer { free(uri); locals.forEach { free($0) } }
        let cast = { (p: UnsafeMutablePointer<CChar>) in UnsafePointer(UnsafeRawPointer(p).assumingMemoryBound(to: UInt8.self)) }
        let first = locals.map { table.name(uri: cast(uri), local: cast($0)) }
        let plain = locals.map { table.name(uri: nil, local: cast($0)) }
        for (k, local) in locals.enumerated() {
            // The same pointers give the very same object after the table grew many times.
            #expect(table.name(uri: cast(uri), local: cast(local)) === first[k])
            #expect(table.name(uri: nil, local: cast(local)) === plain[k])
        }
        #expect(first[7].qualified == "atom:n7" && plain[7].qualified == "n7")
    }

    @Test func pastTheLimitNamesAreBuiltButNotKept() {
        var table = NameTable()
        let locals = (0..<(NameTable.maxNames + 10)).map { strdup("e\($0)")! }
        defer { locals.forEach { free($0) } }
        let cast = { (p: UnsafeMutablePointer<CChar>) in UnsafePointer(UnsafeRawPointer(p).assumingMemoryBound(to: UInt8.self)) }
        for local in locals { _ = table.name(uri: nil, local: cast(local)) }
        let late = cast(locals[NameTable.maxNames + 5])
        #expect(table.name(uri: nil, local: late).qualified == "e\(NameTable.maxNames + 5)")
        #expect(table.name(uri: nil, local: late) !== table.name(uri: nil, local: late))
        #expect(table.name(uri: nil, local: cast(locals[3])) === table.name(uri: nil, local: cast(locals[3])))
    }

    @Test func everyListedTagHasItsKindAndOthersAreInline() {
        func kind(_ name: String) -> HTMLTagKind {
            Array(name.utf8).withUnsafeBufferPointer { HTMLTagNames.key($0).map(HTMLTagNames.kind(ofKey:)) ?? .inline }
        }
        for name in HTMLTagNames.blockNames { #expect(kind(name) == .block, "\(name)") }
        for name in HTMLTagNames.paragraphNames { #expect(kind(name) == .paragraph, "\(name)") }
        for name in HTMLTagNames.rawTextNames { #expect(kind(name) == .rawText, "\(name)") }
        #expect(kind("PRE") == .preformatted && kind("listing") == .preformatted)
        #expect(kind("Br") == .lineBreak && kind("td") == .cell && kind("th") == .cell && kind("body") == .body)
        #expect(kind("head") == .hidden(.head) && kind("template") == .hidden(.template) && kind("svg") == .hidden(.svg))
        for name in ["a", "b", "span", "img", "em", "strong", "x", "divx", "blockquotes", "h7", "p1", "tablex"] {
            #expect(kind(name) == .inline, "\(name)")
        }
    }
}
