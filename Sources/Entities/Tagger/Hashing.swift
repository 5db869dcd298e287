/// Stable 64-bit hashing for features and gazetteer keys. Swift's `Hasher` is seeded per
/// process, so a model file needs its own: FNV-1a over Unicode scalar values, finished with
/// a SplitMix64 mix so that template ids and values combine without clustering.
enum FeatureHash {
    static let offset: UInt64 = 0xcbf2_9ce4_8422_2325
    static let prime: UInt64 = 0x0000_0100_0000_01b3

    @inline(__always)
    static func add(_ h: UInt64, _ scalar: UInt32) -> UInt64 {
        (h ^ UInt64(scalar)) &* prime
    }

    @inline(__always)
    static func mix(_ x: UInt64) -> UInt64 {
        var z = x &+ 0x9e37_79b9_7f4a_7c15
        z = (z ^ (z >> 30)) &* 0xbf58_476d_1ce4_e5b9
        z = (z ^ (z >> 27)) &* 0x94d0_49bb_1331_11eb
        return z ^ (z >> 31)
    }

    /// A feature key: template number and one value.
    @inline(__always)
    static func key(_ template: UInt64, _ value: UInt64) -> UInt64 {
        mix(value ^ (template &* 0x2545_f491_4f6c_dd1d))
    }

    /// A feature key over two values ("previous word + this word").
    @inline(__always)
    static func key(_ template: UInt64, _ a: UInt64, _ b: UInt64) -> UInt64 {
        mix(mix(a ^ (template &* 0x2545_f491_4f6c_dd1d)) ^ b)
    }

    static func string(_ s: String) -> UInt64 {
        var h = offset
        for u in s.unicodeScalars { h = add(h, u.value) }
        return h
    }
}
