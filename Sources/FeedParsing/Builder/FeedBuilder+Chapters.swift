import FeedModel

/// Podlove Simple Chapters, as feedparser reads them: the first `psc:chapters` of an entry (or
/// feed), each `psc:chapter`'s attributes, and its start in seconds.
extension FeedBuilder {
    /// Handles `psc:chapters` and `psc:chapter`; false for anything else.
    mutating func startChapterElement(_ name: XMLName, attributes: [XMLAttribute]) -> Bool {
        switch name.qualified {
        case "psc:chapters": startChapters(attributes)
        case "psc:chapter": addChapter(attributes)
        default: return false
        }
        return true
    }

    private mutating func startChapters(_ attributes: [XMLAttribute]) {
        var taken = false
        updateExtra { extra in
            guard extra.chapters == nil else { return }
            extra.chapters = ExtraFields.Chapters(version: attributes["version"])
            taken = true
        }
        // Only one list is allowed: a second one is not read.
        if !taken { skipDepth = depth }
    }

    /// A chapter counts only directly inside the list (the element above it on the stack).
    private mutating func addChapter(_ attributes: [XMLAttribute]) {
        guard stack.count >= 2, stack[stack.count - 2].name.qualified == "psc:chapters" else { return }
        let start = attributes["start"]
        let chapter = ExtraFields.Chapter(start: start, startSeconds: start.flatMap(Self.chapterStart),
                                          title: attributes["title"],
                                          href: attributes["href"].flatMap(Self.unlessScript),
                                          image: attributes["image"].flatMap(Self.unlessScript))
        updateExtra { extra in
            guard extra.chapters != nil, extra.chapters!.marks.count < ExtraFields.Chapters.maxMarks else { return }
            extra.chapters!.marks.append(chapter)
        }
    }

    /// A chapter's address as written (feedparser does not resolve them), unless it is a script.
    static func unlessScript(_ address: String) -> String? {
        URLResolver.isScript(address) ? nil : address
    }

    /// "[hh:]mm:ss[.mmm]" in seconds (psc's normal play time, the form feedparser reads); nil
    /// for anything else.
    static func chapterStart(_ text: String) -> Double? {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2 || parts.count == 3 else { return nil }
        let secondsParts = parts.last!.split(separator: ".", omittingEmptySubsequences: false)
        guard secondsParts.count <= 2 else { return nil }
        var fields = parts.dropLast().map(String.init) + [String(secondsParts[0])]
        guard fields.allSatisfy({ $0.count == 2 && $0.utf8.allSatisfy { $0 >= 0x30 && $0 <= 0x39 } }) else { return nil }
        var millis = 0
        if secondsParts.count == 2 {
            let fraction = secondsParts[1]
            guard fraction.count == 3, let value = Int(fraction), fraction.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) else { return nil }
            millis = value
        }
        if fields.count == 2 { fields.insert("00", at: 0) }
        let h = Int(fields[0])!, m = Int(fields[1])!, s = Int(fields[2])!
        return Double(h * 3600 + m * 60 + s) + Double(millis) / 1000
    }
}
