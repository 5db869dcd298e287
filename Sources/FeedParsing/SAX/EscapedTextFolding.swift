/// Decodes escaped text before libxml2 sees it, and hands libxml2 a placeholder instead.
///
/// Feeds carry their HTML escaped: `<description>&lt;p&gt;Talks in &lt;a href="…&amp;id=3"&gt;…`.
/// libxml2 reads each reference on its own slow path and calls the SAX `characters` callback
/// for it and for every piece of text between two references: about 430 references and 900
/// callbacks in a 20 KB news feed, a quarter of the parse of a 5 MB one. So a text run between
/// two tags whose references are all XML's five (`&lt;` `&gt;` `&amp;` `&quot;` `&apos;`) or
/// character references is decoded here in one tight loop, into `FoldedTexts`, and libxml2 gets
/// a processing instruction in its place, `<?fwXXXXXXXXXXXXXXXX 7?>`, whose target is random per
/// process (a feed cannot forge one) and whose data is the text's number. `SAXSession` hands the
/// decoded text to the builder as characters when the instruction comes: the builder sees
/// exactly what libxml2 would have given it. The instruction's data also holds the run's line
/// breaks, so libxml2's line numbers stay right; columns move, but no position from a folded
/// reading is ever reported: a document with any error is read again without folding
/// (FeedParser), so the errors a user sees are libxml2's on the document as written. (Until
/// the fifth session a comment padded each placeholder to its run's length to keep columns too:
/// 3% of a cold polling cycle in libxml2's comment parser, for positions nobody read.) Runs
/// shorter than their placeholder are left alone (a reference or two: nothing to gain).
///
/// Only what reads the same either way is folded; any other run goes to libxml2 as it was:
/// - text before the first start tag or after the last end tag (libxml2 reports text there);
/// - runs with any other reference (`&nbsp;`, which the entity hook resolves, or something
///   broken, which libxml2 reports), references to characters XML forbids, and runs holding a
///   control character (but tab and line ends), U+FFFE, U+FFFF or `]]>` (all errors to report);
/// - runs longer than `maxRunBytes` (1 MB), whose decoded copy would be held whole;
/// - everything inside comments, CDATA sections and processing instructions, which are
///   skipped whole, and inside tags, read with their quoted attribute values (a `>` may sit
///   in one). A DOCTYPE with an internal subset (InternalSubset strips it first) or a tag left
///   open ends the folding: the rest goes as it is.
/// Line ends in a folded run are normalised as libxml2 does (CR LF and CR become LF). A document
/// libxml2 finds ill-formed is read again without folding (FeedParser).
///
/// libxml2 gets the bytes in pieces of at most `chunkLimit`: long stretches straight from the
/// document, placeholders and the short stretches between them through one reusable buffer,
/// so the extra memory stays small whatever the document's size.
enum EscapedTextFolding {
    /// The longest run folded.
    static let maxRunBytes = 1 << 20

    /// The placeholder's target, random per process.
    static let target: [UInt8] = {
        var rng = SystemRandomNumberGenerator()
        let value = rng.next() as UInt64
        let hex = Array("0123456789abcdef".utf8)
        return Array("fw".utf8) + (0..<16).map { hex[Int(value >> (60 - 4 * UInt64($0)) & 0xF)] }
    }()

    /// Whether a processing instruction's target is the placeholder's.
    static func isPlaceholder(_ name: UnsafePointer<UInt8>) -> Bool {
        // Byte by byte, stopping at the first difference: a shorter name ends in a NUL that
        // differs, so nothing past it is read (memcmp may read all the bytes it is given).
        for (k, byte) in target.enumerated() where name[k] != byte { return false }
        return name[target.count] == 0
    }

    /// Calls `consume(bytes, count, isLast)` with the document's pieces in order (`bytes` is nil
    /// only for an empty last piece); `consume` returns false to stop early (libxml2 stopped).
    /// Decoded texts go to `texts`; returns how many runs were folded. `fold: false` hands the
    /// document over as it is (tests and the fuzzer compare the two).
    @discardableResult
    static func feed(_ s: UnsafeBufferPointer<UInt8>, into texts: FoldedTexts, chunkLimit: Int = 1 << 20, fold: Bool = true,
                     _ consume: (UnsafePointer<UInt8>?, Int, Bool) -> Bool) -> Int {
        withoutActuallyEscaping(consume) { consume in
            var sink = Sink(document: s, texts: texts, chunkLimit: max(1, chunkLimit), consume: consume)
            let folded = fold ? Self.fold(s, into: &sink) : 0
            sink.finish()
            return folded
        }
    }

    private static func fold(_ s: UnsafeBufferPointer<UInt8>, into sink: inout Sink) -> Int {
        guard let base = s.baseAddress, let lastEnd = lastEndTag(s) else { return 0 }
        let n = s.count
        var i = 0
        var inRoot = false
        var folded = 0
        while i < lastEnd, !sink.stopped {
            // Eight bytes at a time to the next '<' or '&'.
            if i + 8 <= n {
                let word = UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self)
                let hits = AmpersandRepair.matches(word, UInt8(ascii: "<")) | AmpersandRepair.matches(word, UInt8(ascii: "&"))
                if hits == 0 { i += 8; continue }
                i += hits.trailingZeroBitCount >> 3
                if i >= lastEnd { break }
            }
            let byte = s[i]
            if byte == UInt8(ascii: "<") {
                guard let (next, isStartTag) = skipMarkup(s, at: i) else { break }
                if isStartTag { inRoot = true }
                i = next
                continue
            }
            guard byte == UInt8(ascii: "&") else { i += 1; continue }
            // A reference in text: the run is from the end of the markup before it to the next '<'.
            let runStart = sink.runStart(before: i, in: s)
            let lt = ByteScan.find(UInt8(ascii: "<"), in: s, from: i) ?? n
            // A very long run is left to libxml2: its decoded copy would be held whole.
            if inRoot, lt <= lastEnd, lt - runStart <= maxRunBytes, sink.foldRun(runStart..<lt) { folded += 1 }
            i = lt
        }
        return folded
    }

    /// The index of the document's last end tag ("</"), before which folding stops; nil when
    /// there is none.
    private static func lastEndTag(_ s: UnsafeBufferPointer<UInt8>) -> Int? {
        var j = s.count - 2
        while j >= 0 {
            if s[j] == UInt8(ascii: "<"), s[j + 1] == UInt8(ascii: "/") { return j }
            j -= 1
        }
        return nil
    }

    /// The index after the markup starting at `s[i] == "<"`, and whether it is a start tag; nil
    /// when it is left open or is a DOCTYPE with an internal subset (folding stops there).
    private static func skipMarkup(_ s: UnsafeBufferPointer<UInt8>, at i: Int) -> (Int, Bool)? {
        let n = s.count
        guard i + 1 < n else { return nil }
        switch s[i + 1] {
        case UInt8(ascii: "!"):
            if ByteScan.hasPrefix(s, at: i, "<!--") { return ByteScan.end(of: "-->", in: s, from: i + 4, limit: n).map { ($0, false) } }
            if ByteScan.hasPrefix(s, at: i, "<![CDATA[") { return ByteScan.end(of: "]]>", in: s, from: i + 9, limit: n).map { ($0, false) } }
            // A DOCTYPE: to its '>', unless it holds an internal subset.
            var j = i + 2
            while j < n, s[j] != UInt8(ascii: ">") {
                if s[j] == UInt8(ascii: "[") { return nil }
                j += 1
            }
            return j < n ? (j + 1, false) : nil
        case UInt8(ascii: "?"):
            return ByteScan.end(of: "?>", in: s, from: i + 2, limit: n).map { ($0, false) }
        case UInt8(ascii: "/"):
            return ByteScan.find(UInt8(ascii: ">"), in: s, from: i + 2).map { ($0 + 1, false) }
        default:
            // A start tag: its attribute values may hold '>' (and '<', which libxml2 rejects).
            var j = i + 1
            var quote: UInt8 = 0
            while j < n {
                let b = s[j]
                if quote != 0 {
                    if b == quote { quote = 0 }
                } else if b == UInt8(ascii: "\"") || b == UInt8(ascii: "'") {
                    quote = b
                } else if b == UInt8(ascii: ">") {
                    return (j + 1, true)
                } else if b == UInt8(ascii: "<") {
                    return nil
                }
                j += 1
            }
            return nil
        }
    }

    /// The reference at `s[amp] == "&"` ending before `limit`: the index after its ';' and the
    /// scalar it stands for; nil when it is not one the folding decodes.
    static func reference(_ s: UnsafeBufferPointer<UInt8>, at amp: Int, limit: Int) -> (Int, UInt32)? {
        // `&lt;`, `&gt;` and `&amp;` first: one four-byte compare each.
        if amp + 5 <= limit, let base = s.baseAddress {
            let next = UnsafeRawPointer(base + amp + 1).loadUnaligned(as: UInt32.self)
            switch next & 0x00FF_FFFF {
            case 0x3B_74_6C: return (amp + 4, 0x3C) // "lt;"
            case 0x3B_74_67: return (amp + 4, 0x3E) // "gt;"
            default: if next == 0x3B_70_6D_61 { return (amp + 5, 0x26) } // "amp;"
            }
        }
        var j = amp + 1
        guard j < limit else { return nil }
        if s[j] == UInt8(ascii: "#") {
            j += 1
            var hex = false
            if j < limit, s[j] == UInt8(ascii: "x") { hex = true; j += 1 }
            var value: UInt32 = 0
            let start = j
            while j < limit, j - start < 8 {
                let b = s[j]
                let digit: UInt32
                switch b {
                case 0x30...0x39: digit = UInt32(b - 0x30)
                case 0x61...0x66 where hex: digit = UInt32(b - 0x61 + 10)
                case 0x41...0x46 where hex: digit = UInt32(b - 0x41 + 10)
                default: digit = 99
                }
                if digit == 99 { break }
                value = value * (hex ? 16 : 10) + digit
                j += 1
            }
            guard j > start, j < limit, s[j] == UInt8(ascii: ";") else { return nil }
            // XML's Char production: what libxml2 accepts from a character reference.
            let allowed = value == 0x09 || value == 0x0A || value == 0x0D || (value >= 0x20 && value < 0xD800)
                || (value > 0xDFFF && value < 0xFFFE) || (value >= 0x10000 && value <= 0x10FFFF)
            return allowed ? (j + 1, value) : nil
        }
        // The five names, also where the fast path could not load four bytes (the run's end).
        if j + 3 <= limit, s[j + 2] == UInt8(ascii: ";"), s[j + 1] == UInt8(ascii: "t") {
            if s[j] == UInt8(ascii: "l") { return (j + 3, 0x3C) }
            if s[j] == UInt8(ascii: "g") { return (j + 3, 0x3E) }
        }
        if ByteScan.hasPrefix(s, at: j, "amp;"), j + 4 <= limit { return (j + 4, 0x26) }
        guard j + 5 <= limit, s[j + 4] == UInt8(ascii: ";") else { return nil }
        if ByteScan.hasPrefix(s, at: j, "quot") { return (j + 5, 0x22) }
        if ByteScan.hasPrefix(s, at: j, "apos") { return (j + 5, 0x27) }
        return nil
    }

    /// Where the pieces go: stretches of the document not yet handed over start at `pending`;
    /// placeholders and short stretches collect in `buffer` until it is worth a call.
    private struct Sink {
        let document: UnsafeBufferPointer<UInt8>
        let texts: FoldedTexts
        let chunkLimit: Int
        let consume: (UnsafePointer<UInt8>?, Int, Bool) -> Bool
        var buffer: [UInt8] = []
        var pending = 0
        var stopped = false

        init(document: UnsafeBufferPointer<UInt8>, texts: FoldedTexts, chunkLimit: Int,
             consume: @escaping (UnsafePointer<UInt8>?, Int, Bool) -> Bool) {
            self.document = document
            self.texts = texts
            self.chunkLimit = chunkLimit
            self.consume = consume
        }

        /// The start of the text run holding `amp`: after the last '>' before it (the scan skips
        /// markup whole, so that '>' ends markup).
        func runStart(before amp: Int, in s: UnsafeBufferPointer<UInt8>) -> Int {
            var j = amp - 1
            while j >= pending, s[j] != UInt8(ascii: ">") { j -= 1 }
            return j + 1
        }

        /// Decodes the run into `texts` and puts its placeholder in `buffer`; false (and nothing
        /// written) when it cannot be folded.
        mutating func foldRun(_ run: Range<Int>) -> Bool {
            // The placeholder keeps the run's line breaks (libxml2's line numbers stay right);
            // runs shorter than it are left alone (they hold a reference or two at most).
            guard let (number, breaks) = texts.decode(document, run) else { return false }
            let digits = String(number).utf8
            let instruction = 2 + EscapedTextFolding.target.count + 1 + digits.count + breaks + 2
            guard run.count >= instruction else {
                texts.discardLast()
                return false
            }
            // The document before the run goes first: by reference when long, copied when short.
            let before = pending..<run.lowerBound
            if before.count >= 16 << 10 {
                flushBuffer(last: false)
                hand(before, last: false)
            } else {
                // Never more than the document: a 20 KB feed's pieces fit in 20 KB, and a 64 KB
                // request per feed made glibc consolidate its free lists on every parse.
                if buffer.capacity == 0 { buffer.reserveCapacity(min(chunkLimit, 64 << 10, document.count) + 64) }
                buffer.append(contentsOf: UnsafeBufferPointer(rebasing: document[before]))
            }
            buffer.append(contentsOf: "<?".utf8)
            buffer.append(contentsOf: EscapedTextFolding.target)
            buffer.append(UInt8(ascii: " "))
            buffer.append(contentsOf: digits)
            Self.appendLineFeeds(breaks, to: &buffer)
            buffer.append(contentsOf: "?>".utf8)
            pending = run.upperBound
            if buffer.count >= min(chunkLimit, 64 << 10) { flushBuffer(last: false) }
            return true
        }

        /// `count` line feeds, copied from a ready block (appending a `repeatElement` goes byte by byte).
        private static func appendLineFeeds(_ count: Int, to buffer: inout [UInt8]) {
            let block = lineFeeds
            var left = count
            while left > 0 {
                let n = Swift.min(left, block.count)
                block.withUnsafeBufferPointer { buffer.append(contentsOf: UnsafeBufferPointer(rebasing: $0[..<n])) }
                left -= n
            }
        }

        private static let lineFeeds = [UInt8](repeating: UInt8(ascii: "\n"), count: 4096)

        /// Hands over what is left: the rest of the document and the buffer, the last piece marked.
        mutating func finish() {
            guard !stopped else { return }
            let rest = pending..<document.count
            if rest.count >= 16 << 10 || buffer.isEmpty {
                flushBuffer(last: false)
                hand(rest, last: true)
            } else {
                buffer.append(contentsOf: UnsafeBufferPointer(rebasing: document[rest]))
                pending = document.count
                flushBuffer(last: true)
            }
        }

        private mutating func flushBuffer(last: Bool) {
            guard !stopped, !buffer.isEmpty || last else { return }
            if !buffer.withUnsafeBufferPointer({ send($0.baseAddress, 0..<$0.count, last: last) }) { stopped = true }
            buffer.removeAll(keepingCapacity: true)
            texts.dropConsumed()
        }

        /// Hands `range` of the document over straight from it.
        private mutating func hand(_ range: Range<Int>, last: Bool) {
            guard !stopped else { return }
            if !send(document.baseAddress, range, last: last) { stopped = true }
            pending = range.upperBound
            texts.dropConsumed()
        }

        /// Gives `range` of the bytes at `base` to `consume` in pieces of at most `chunkLimit`,
        /// the last one marked when `last`; false when `consume` asked to stop.
        private func send(_ base: UnsafePointer<UInt8>?, _ range: Range<Int>, last: Bool) -> Bool {
            var offset = range.lowerBound
            repeat {
                let count = min(chunkLimit, range.upperBound - offset)
                let isLast = last && offset + count >= range.upperBound
                if !consume(base.map { $0 + offset }, count, isLast) { return false }
                offset += count
            } while offset < range.upperBound
            return true
        }
    }
}
