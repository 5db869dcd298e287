/// Word lists (countries, cities, first names …) matched against token sequences.
///
/// Entries are stored as hashes of their lower-cased words, so matching is case-blind
/// ("BRUSSELS" in a headline finds "Brussels"); a match must start with a capitalised token.
/// Each key carries a bit mask of the lists it belongs to.
public struct Gazetteer: Sendable {
    /// The lists, in bit order. Their files are `Resources/gazetteers/NAME.txt`.
    public static let lists = ["country", "demonym", "city", "region", "firstname", "surname", "orgsuffix", "person", "org", "place"]

    var table: HashTable<UInt16>
    public internal(set) var maxWords: Int

    public init() {
        table = HashTable(capacity: 16)
        maxWords = 1
    }

    /// Adds one entry (words separated by spaces) to list number `list`.
    public mutating func add(_ entry: String, list: Int) {
        let words = entry.split(separator: " ").map(String.init)
        guard !words.isEmpty else { return }
        var h = FeatureHash.offset
        for (i, w) in words.enumerated() {
            if i > 0 { h = FeatureHash.add(h, 0x20) }
            for u in w.lowercased().unicodeScalars { h = FeatureHash.add(h, u.value) }
        }
        let old = table[h] ?? 0
        table.insert(h, old | UInt16(1 << list))
        maxWords = max(maxWords, words.count)
    }

    /// Builds from files named after `lists` in a folder.
    public static func load(folder: String) throws -> Gazetteer {
        var g = Gazetteer()
        for (i, name) in lists.enumerated() {
            let text = try readTextFile(folder + "/" + name + ".txt")
            for line in text.split(separator: "\n") where !line.isEmpty { g.add(String(line), list: i) }
        }
        return g
    }

    public var count: Int { table.count }

    /// Lists whose entry is exactly these words (for tests and tools).
    public func lists(of words: [String]) -> [String] {
        var h = FeatureHash.offset
        for (i, w) in words.enumerated() {
            if i > 0 { h = FeatureHash.add(h, 0x20) }
            for u in w.lowercased().unicodeScalars { h = FeatureHash.add(h, u.value) }
        }
        guard let mask = table[h] else { return [] }
        return Gazetteer.lists.indices.filter { mask & (1 << $0) != 0 }.map { Gazetteer.lists[$0] }
    }

    /// Every match in a sentence: (first token, word count, list mask). `lower` holds each
    /// token's lower-cased scalars, `capitalized` whether a match may start there.
    func matches(lower: [[UInt32]], capitalized: [Bool]) -> [(start: Int, length: Int, mask: UInt16)] {
        var out: [(start: Int, length: Int, mask: UInt16)] = []
        for i in lower.indices where capitalized[i] {
            var h = FeatureHash.offset
            var j = i
            while j < lower.count, j - i < maxWords {
                if j > i { h = FeatureHash.add(h, 0x20) }
                for u in lower[j] { h = FeatureHash.add(h, u) }
                j += 1
                if let mask = table[h] { out.append((i, j - i, mask)) }
            }
        }
        return out
    }
}

/// Open-addressing hash table from non-zero 64-bit keys to values; keys are hashes already.
struct HashTable<Value>: @unchecked Sendable {
    private(set) var keys: [UInt64]
    private(set) var values: [Value?]
    private(set) var count = 0
    private var mask: Int

    init(capacity: Int) {
        var size = 16
        while size < capacity * 2 { size <<= 1 }
        keys = Array(repeating: 0, count: size)
        values = Array(repeating: nil, count: size)
        mask = size - 1
    }

    subscript(key: UInt64) -> Value? {
        let k = key == 0 ? 1 : key
        var i = Int(truncatingIfNeeded: k) & mask
        return keys.withUnsafeBufferPointer { ks in
            while true {
                let found = ks[i]
                if found == k { return values[i] }
                if found == 0 { return nil }
                i = (i + 1) & mask
            }
        }
    }

    mutating func insert(_ key: UInt64, _ value: Value) {
        if (count + 1) * 2 > keys.count { grow() }
        let k = key == 0 ? 1 : key
        var i = Int(truncatingIfNeeded: k) & mask
        while keys[i] != 0 && keys[i] != k { i = (i + 1) & mask }
        if keys[i] == 0 { count += 1 }
        keys[i] = k
        values[i] = value
    }

    private mutating func grow() {
        let oldKeys = keys, oldValues = values
        keys = Array(repeating: 0, count: oldKeys.count * 2)
        values = Array(repeating: nil, count: oldKeys.count * 2)
        mask = keys.count - 1
        count = 0
        for (k, v) in zip(oldKeys, oldValues) where k != 0 { insert(k, v!) }
    }

    /// All entries, in table order.
    var entries: [(UInt64, Value)] {
        zip(keys, values).compactMap { $0.0 == 0 ? nil : ($0.0, $0.1!) }
    }
}

/// Fast lookup from feature key to row, for the tagger at run time.
struct RowTable: Sendable {
    private let keys: [UInt64]
    private let rows: [Int32]
    private let mask: Int

    init(keys input: [UInt64]) {
        var size = 16
        while size < input.count * 2 { size <<= 1 }
        var keys = Array(repeating: UInt64(0), count: size)
        var rows = Array(repeating: Int32(-1), count: size)
        let mask = size - 1
        for (r, key) in input.enumerated() {
            let k = key == 0 ? 1 : key
            var i = Int(truncatingIfNeeded: k) & mask
            while keys[i] != 0 && keys[i] != k { i = (i + 1) & mask }
            keys[i] = k
            rows[i] = Int32(r)
        }
        self.keys = keys
        self.rows = rows
        self.mask = mask
    }

    @inline(__always)
    func row(_ key: UInt64) -> Int32 {
        let k = key == 0 ? 1 : key
        var i = Int(truncatingIfNeeded: k) & mask
        return keys.withUnsafeBufferPointer { ks in
            while true {
                let found = ks[i]
                if found == k { return rows[i] }
                if found == 0 { return -1 }
                i = (i + 1) & mask
            }
        }
    }
}

func readTextFile(_ path: String) throws -> String {
    guard let bytes = readFileBytes(path) else { throw NERError.cannotRead(path) }
    return String(decoding: bytes, as: UTF8.self)
}

public enum NERError: Error, CustomStringConvertible {
    case cannotRead(String)
    case badModel(String)
    case noModel

    public var description: String {
        switch self {
        case .cannotRead(let p): return "\(p): cannot read"
        case .badModel(let why): return "NER model: \(why)"
        case .noModel: return "NER model not found (package resource, /usr/local/share/feedwatch/ner.model or $FEEDWATCH_NER_MODEL)"
        }
    }
}
