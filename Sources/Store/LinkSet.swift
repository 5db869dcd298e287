/// The links of a feed's last full fetch, as small stable hashes: enough to tell a feed that
/// gave its old posts new ids (same links, every id new) from one that turned over while we
/// were not looking (new links), when the entries carry no dates to tell them apart.
///
/// FNV-1a over the link's UTF-8 (Swift's `Hasher` is seeded per process, so it cannot be
/// stored); stored as hex words separated by spaces, at most `limit` of them.
public struct LinkSet: Sendable, Equatable {
    public private(set) var hashes: Set<UInt64>

    public static let limit = 256

    public init<S: Sequence>(links: S) where S.Element == String {
        var hashes = Set<UInt64>()
        for link in links where hashes.count < Self.limit {
            hashes.insert(Self.hash(link))
        }
        self.hashes = hashes
    }

    init(hashes: Set<UInt64>) { self.hashes = hashes }

    public var isEmpty: Bool { hashes.isEmpty }

    /// How many of `links` this set holds.
    public func overlap<S: Sequence>(_ links: S) -> Int where S.Element == String {
        links.reduce(0) { $0 + (hashes.contains(Self.hash($1)) ? 1 : 0) }
    }

    static func hash(_ link: String) -> UInt64 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in link.utf8 {
            h ^= UInt64(byte)
            h &*= 0x0000_0100_0000_01b3
        }
        return h
    }

    /// The column's text; nil for an empty set.
    var stored: String? {
        hashes.isEmpty ? nil : hashes.sorted().map { String($0, radix: 16) }.joined(separator: " ")
    }

    /// Reads the column; words that are not hex are skipped.
    init(stored text: String?) {
        self.init(hashes: Set((text ?? "").split(separator: " ").compactMap { UInt64($0, radix: 16) }))
    }
}
