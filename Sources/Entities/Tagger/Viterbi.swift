/// First-order Viterbi decoding over BILOU tags, with invalid transitions (O → I-PER, B-PER → O …) ruled out.
enum Viterbi {
    static let T = TagSet.count
    /// allowedFrom[p * T + t]: t may follow p; row T is the sentence start.
    static let allowed: [Bool] = {
        var a = [Bool](repeating: false, count: (TagSet.count + 1) * TagSet.count)
        for p in 0...TagSet.count {
            for t in 0..<TagSet.count { a[p * TagSet.count + t] = TagSet.allowed(p == TagSet.count ? nil : p, t) }
        }
        return a
    }()
    static let canEnd: [Bool] = (0..<TagSet.count).map(TagSet.canEnd)

    /// `emissions`: n × T scores; `transitions`: (T + 1) × T.
    static func decode(emissions: [Float], count n: Int, transitions: [Float]) -> [Int] {
        guard n > 0 else { return [] }
        let T = Self.T
        var score = [Float](repeating: -.infinity, count: n * T)
        var back = [Int32](repeating: 0, count: n * T)
        allowed.withUnsafeBufferPointer { ok in
            transitions.withUnsafeBufferPointer { tr in
                emissions.withUnsafeBufferPointer { em in
                    score.withUnsafeMutableBufferPointer { sc in
                        back.withUnsafeMutableBufferPointer { bk in
                            for t in 0..<T where ok[T * T + t] { sc[t] = em[t] + tr[T * T + t] }
                            for i in 1..<max(n, 1) {
                                for t in 0..<T {
                                    var best: Float = -.infinity
                                    var arg: Int32 = 0
                                    for p in 0..<T where ok[p * T + t] {
                                        let s = sc[(i - 1) * T + p] + tr[p * T + t]
                                        if s > best { best = s; arg = Int32(p) }
                                    }
                                    sc[i * T + t] = best + em[i * T + t]
                                    bk[i * T + t] = arg
                                }
                            }
                        }
                    }
                }
            }
        }
        var best: Float = -.infinity
        var tag = 0
        for t in 0..<T where canEnd[t] && score[(n - 1) * T + t] > best { best = score[(n - 1) * T + t]; tag = t }
        var tags = [Int](repeating: 0, count: n)
        tags[n - 1] = tag
        var i = n - 1
        while i > 0 { tag = Int(back[i * T + tag]); tags[i - 1] = tag; i -= 1 }
        return tags
    }
}
