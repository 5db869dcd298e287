import Watching

/// The links of a feed's last full fetch, as small stable hashes: enough to tell a feed that
/// gave its old posts new ids (same links, every id new) from one that turned over while we
/// were not looking (new links), when the entries carry no dates to tell them apart.
///
/// FNV-1a over the link's UTF-8, finished with MurmurHash3's mix (Swift's `Hasher` is seeded
/// per process, so it cannot be stored), after dropping the fragment and tracking parameters
/// (`utm_*` and the like, which some feeds vary per fetch along with their ids). A feed with more distinct links than
/// `limit` keeps the `limit` smallest hashes, a sample that does not depend on the items'
/// order; `overlap` then compares only hashes in the sample's range.
public struct LinkSet: Sendable, Equatable {
    /// Distinct hashes, ascending. An array, not a Set: built on every full fetch of every feed
    /// (a Set hashed each word again, with SipHash), searched only when every entry is new.
    private var sorted: [UInt64]
    /// The largest hash kept when the set was cut to `limit`; nil when it holds every link.
    private var cutoff: UInt64?

    public static let limit = 256

    public init<S: Sequence>(links: S) where S.Element == String {
        var all = links.map(Self.hash)
        all.sort()
        var unique: [UInt64] = []
        unique.reserveCapacity(min(all.count, Self.limit))
        for hash in all where unique.last != hash {
            if unique.count == Self.limit { self.init(sorted: unique, cutoff: unique.last); return }
            unique.append(hash)
        }
        self.init(sorted: unique, cutoff: nil)
    }

    init(sorted: [UInt64], cutoff: UInt64?) {
        self.sorted = sorted
        self.cutoff = cutoff
    }

    public var isEmpty: Bool { sorted.isEmpty }
    public var count: Int { sorted.count }
    var hashes: Set<UInt64> { Set(sorted) }

    /// Of the distinct `links` this set can speak for (all of them, or those in the sample's
    /// range), how many it holds.
    public func overlap<S: Sequence>(_ links: S) -> (seen: Int, compared: Int) where S.Element == String {
        let held = hashes
        var seen = 0, compared = 0
        for hash in Set(links.map(Self.hash)) where cutoff.map({ hash <= $0 }) ?? true {
            compared += 1
            if held.contains(hash) { seen += 1 }
        }
        return (seen, compared)
    }

    static func hash(_ link: String) -> UInt64 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in canonical(link).utf8 {
            h ^= UInt64(byte)
            h &*= 0x0000_0100_0000_01b3
        }
        // MurmurHash3's finaliser: links that differ only at the end ("…/1000", "…/1001") must
        // spread over the whole range, or the smallest-hashes sample would not be a fair one.
        h ^= h >> 33
        h &*= 0xff51_afd7_ed55_8ccd
        h ^= h >> 33
        h &*= 0xc4ce_b9fe_1a85_ec53
        h ^= h >> 33
        return h
    }

    /// The link without its fragment and tracking parameters. Searched byte by byte on the
    /// UTF-8 view: `Substring.firstIndex(of: Character)` breaks graphemes and compared
    /// Characters, which cost more than the rest of the poll's bookkeeping (perf, cold cycle).
    static func canonical(_ link: String) -> Substring {
        let utf8 = link.utf8
        let end = utf8.firstIndex(of: UInt8(ascii: "#")) ?? utf8.endIndex
        guard let question = utf8[..<end].firstIndex(of: UInt8(ascii: "?")) else { return link[..<end] }
        let query = link[link.index(after: question)..<end]
        let kept = query.split(separator: "&").filter { parameter in
            let name = parameter.split(separator: "=", maxSplits: 1).first.map(String.init) ?? ""
            return !name.lowercased().hasPrefix("utm_") && !StoryKey.trackingParameters.contains(name)
        }
        return kept.isEmpty ? link[..<question] : link[...question] + kept.joined(separator: "&")
    }

    /// The column's bytes; nil for an empty set. A byte saying whether the set was cut (then
    /// the cutoff's 8 bytes), then 8 bytes a hash, little-endian: no text to format or parse.
    var stored: [UInt8]? {
        guard !sorted.isEmpty else { return nil }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(9 + 8 * sorted.count)
        bytes.append(cutoff == nil ? 0 : 1)
        if let cutoff { withUnsafeBytes(of: cutoff.littleEndian) { bytes.append(contentsOf: $0) } }
        sorted.withUnsafeBufferPointer { words in
            for word in words { withUnsafeBytes(of: word.littleEndian) { bytes.append(contentsOf: $0) } }
        }
        return bytes
    }

    /// Reads the column; a damaged value reads as what it can (a trailing part word is dropped).
    public init(stored bytes: [UInt8]?) {
        guard let bytes, let flag = bytes.first else { self.init(sorted: [], cutoff: nil); return }
        func word(at i: Int) -> UInt64 { (0..<8).reduce(0) { $0 | UInt64(bytes[i + $1]) << UInt64(8 * $1) } }
        var i = 1
        var cutoff: UInt64?
        if flag == 1, bytes.count >= 9 { cutoff = word(at: 1); i = 9 }
        var words: [UInt64] = []
        words.reserveCapacity((bytes.count - i) / 8)
        while i + 8 <= bytes.count { words.append(word(at: i)); i += 8 }
        words.sort() // as written, unless damaged
        self.init(sorted: words, cutoff: cutoff)
    }
}
