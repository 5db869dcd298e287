/// Documents damaged at random, the same ones on every run: the differential tests' input.
///
/// Each round takes `base` and makes one to three edits at random places: a byte removed (one
/// time in `removeOneIn`) or one of `inserts` put in. A fixed linear congruential generator
/// (Knuth's MMIX constants) from `seed` makes the sequence, so a failing round can be replayed.
struct DamagedFeeds: Sequence, IteratorProtocol {
    let base: [UInt8]
    let inserts: [[UInt8]]
    let removeOneIn: Int
    private var seed: UInt64
    private var roundsLeft: Int

    init(_ base: [UInt8], inserts: [[UInt8]], seed: UInt64, rounds: Int = 1000, removeOneIn: Int) {
        self.base = base
        self.inserts = inserts
        self.removeOneIn = removeOneIn
        self.seed = seed
        roundsLeft = rounds
    }

    private mutating func next(_ bound: Int) -> Int {
        seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
        return Int((seed >> 33) % UInt64(bound))
    }

    mutating func next() -> [UInt8]? {
        guard roundsLeft > 0 else { return nil }
        roundsLeft -= 1
        var doc = base
        for _ in 0..<(1 + next(3)) {
            let at = next(doc.count)
            if next(removeOneIn) == 0 { doc.remove(at: at) } else { doc.insert(contentsOf: inserts[next(inserts.count)], at: at) }
        }
        return doc
    }
}
