/// The texts `EscapedTextFolding` decoded, in document order, until libxml2 reaches their
/// placeholders and `SAXSession` hands them to the builder.
///
/// Texts are numbered from 0 in the order they were folded, which is the order libxml2 meets
/// their placeholders. Once libxml2 has been given a piece of the document, the texts it used
/// up are dropped, so a large document never holds more than a piece's worth.
final class FoldedTexts {
    /// The decoded texts, back to back: a plain buffer, written eight bytes at a time.
    private var store: UnsafeMutablePointer<UInt8>
    private var capacity: Int
    private var count = 0
    /// Where each text not yet dropped starts in `store`, and its length.
    private var spans: [(start: Int, count: Int)] = []
    /// The number of `spans[0]`.
    private var firstNumber = 0
    /// The number of the next text libxml2 will ask for.
    private(set) var nextNumber = 0

    init() {
        capacity = 4096
        store = .allocate(capacity: capacity)
    }

    deinit { store.deallocate() }

    /// Decodes `run` of `s` (text between two tags) and keeps it; returns its number and the
    /// line breaks in it (the placeholder keeps them, so libxml2's line numbers stay right).
    /// Nil when the run is not one to fold (see EscapedTextFolding), keeping nothing.
    func decode(_ s: UnsafeBufferPointer<UInt8>, _ run: Range<Int>) -> (number: Int, lineBreaks: Int)? {
        guard let base = s.baseAddress else { return nil }
        // Decoding never lengthens: a reference is longer than its UTF-8, CR LF becomes LF.
        reserve(run.count + 8)
        let start = count
        var out = store + count
        var i = run.lowerBound
        let end = run.upperBound
        var breaks = 0
        while i < end {
            if i + 8 <= end {
                let word = UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self)
                // The high bit of each byte that needs a look: below 0x20, '&', '>' or 0xEF.
                let special = ((word &- 0x2020_2020_2020_2020) & ~word & 0x8080_8080_8080_8080)
                    | AmpersandRepair.matches(word, UInt8(ascii: "&")) | AmpersandRepair.matches(word, UInt8(ascii: ">"))
                    | AmpersandRepair.matches(word, 0xEF)
                if special == 0 {
                    UnsafeMutableRawPointer(out).storeBytes(of: word, as: UInt64.self)
                    out += 8
                    i += 8
                    continue
                }
                let plain = special.trailingZeroBitCount >> 3
                if plain > 0 {
                    UnsafeMutableRawPointer(out).storeBytes(of: word, as: UInt64.self)
                    out += plain
                    i += plain
                }
            }
            let b = base[i]
            switch b {
            case UInt8(ascii: "&"):
                guard let (next, scalar) = EscapedTextFolding.reference(s, at: i, limit: end) else { return nil }
                out = Self.writeUTF8(scalar, to: out)
                i = next
            case 0x0A, 0x0D:
                // Line ends as libxml2 reads them: CR LF and a lone CR become LF.
                out.pointee = 0x0A
                out += 1
                i += (b == 0x0D && i + 1 < end && base[i + 1] == 0x0A) ? 2 : 1
                breaks += 1
            case 0x09:
                out.pointee = b
                out += 1
                i += 1
            case ..<0x20:
                return nil // a control character: libxml2 reports it
            case UInt8(ascii: ">") where i - run.lowerBound >= 2 && base[i - 1] == UInt8(ascii: "]") && base[i - 2] == UInt8(ascii: "]"):
                return nil // "]]>" in text: libxml2 reports it
            case 0xEF where i + 2 < end && base[i + 1] == 0xBF && (base[i + 2] == 0xBE || base[i + 2] == 0xBF):
                return nil // U+FFFE or U+FFFF
            default:
                out.pointee = b
                out += 1
                i += 1
            }
        }
        count = store.distance(to: out)
        spans.append((start, count - start))
        return (firstNumber + spans.count - 1, breaks)
    }

    /// Forgets the text `decode` kept last (its run could not be folded after all).
    func discardLast() {
        guard let last = spans.popLast() else { return }
        count = last.start
    }

    /// Room for `extra` more bytes after `count`.
    private func reserve(_ extra: Int) {
        guard count + extra > capacity else { return }
        let grown = max(capacity * 2, count + extra)
        let new = UnsafeMutablePointer<UInt8>.allocate(capacity: grown)
        new.update(from: store, count: count)
        store.deallocate()
        store = new
        capacity = grown
    }

    /// Calls `body` with text number `number` if it is the next one (placeholders come in order;
    /// any other number is not one we wrote, and is ignored).
    func take(_ number: Int, _ body: (UnsafeBufferPointer<UInt8>) -> Void) {
        guard number == nextNumber, number - firstNumber < spans.count else { return }
        nextNumber += 1
        let span = spans[number - firstNumber]
        body(UnsafeBufferPointer(start: store + span.start, count: span.count))
    }

    /// Forgets the texts libxml2 has taken (it has been given every byte before the next one).
    func dropConsumed() {
        let used = nextNumber - firstNumber
        guard used > 0 else { return }
        if used >= spans.count {
            count = 0
            spans.removeAll(keepingCapacity: true)
        } else {
            let cut = spans[used].start
            (store).update(from: store + cut, count: count - cut)
            count -= cut
            spans.removeSubrange(0..<used)
            for k in spans.indices { spans[k].start -= cut }
        }
        firstNumber = nextNumber
    }

    @inline(__always)
    private static func writeUTF8(_ v: UInt32, to out: UnsafeMutablePointer<UInt8>) -> UnsafeMutablePointer<UInt8> {
        switch v {
        case ..<0x80:
            out[0] = UInt8(v)
            return out + 1
        case ..<0x800:
            out[0] = UInt8(0xC0 | v >> 6); out[1] = UInt8(0x80 | v & 0x3F)
            return out + 2
        case ..<0x10000:
            out[0] = UInt8(0xE0 | v >> 12); out[1] = UInt8(0x80 | v >> 6 & 0x3F); out[2] = UInt8(0x80 | v & 0x3F)
            return out + 3
        default:
            out[0] = UInt8(0xF0 | v >> 18); out[1] = UInt8(0x80 | v >> 12 & 0x3F)
            out[2] = UInt8(0x80 | v >> 6 & 0x3F); out[3] = UInt8(0x80 | v & 0x3F)
            return out + 4
        }
    }
}
