/// The model file: a compact little-endian binary.
///
///     "FWNER001"                      magic and format version
///     u32 tags, u32 rows, u32 gazetteer entries, u32 gazetteer max words, f32 scale
///     f32 × (tags + 1) × tags         transitions (row p: previous tag p; last row: sentence start)
///     u64 × rows                      feature keys
///     u8  × rows                      non-zero weights per row
///     (u8 tag, i16 weight) × Σ        the weights of each row, weight × scale
///     u64 × entries, u16 × entries    gazetteer keys and list masks
struct ModelFile {
    static let magic = Array("FWNER001".utf8)

    var transitions: [Float]          // (tags + 1) × tags
    var keys: [UInt64]
    var weights: [Float]              // rows × tags, dense
    var gazetteer: Gazetteer

    /// Writes, dropping rows whose largest weight is below `threshold` and weights below `threshold / 4`.
    func serialize(threshold: Float) -> [UInt8] {
        let T = TagSet.count
        var keep: [Int] = []
        var maxAbs: Float = 0
        for r in keys.indices {
            var m: Float = 0
            for t in 0..<T { m = max(m, abs(weights[r * T + t])) }
            if m >= threshold { keep.append(r); maxAbs = max(maxAbs, m) }
        }
        let scale = max(maxAbs, 1e-6) / 32767
        var out: [UInt8] = ModelFile.magic
        func u32(_ v: UInt32) { withUnsafeBytes(of: v.littleEndian) { out.append(contentsOf: $0) } }
        func u64(_ v: UInt64) { withUnsafeBytes(of: v.littleEndian) { out.append(contentsOf: $0) } }
        func f32(_ v: Float) { u32(v.bitPattern) }
        let gaz = gazetteer.table.entries
        u32(UInt32(T)); u32(UInt32(keep.count)); u32(UInt32(gaz.count)); u32(UInt32(gazetteer.maxWords)); f32(scale)
        for v in transitions { f32(v) }
        for r in keep { u64(keys[r]) }
        var entries: [[(UInt8, Int16)]] = []
        for r in keep {
            var e: [(UInt8, Int16)] = []
            for t in 0..<T {
                let w = weights[r * T + t]
                if abs(w) >= threshold / 4 {
                    let q = Int16(clamping: Int((w / scale).rounded()))
                    if q != 0 { e.append((UInt8(t), q)) }
                }
            }
            entries.append(e)
        }
        for e in entries { out.append(UInt8(e.count)) }
        for e in entries {
            for (t, q) in e { out.append(t); withUnsafeBytes(of: q.littleEndian) { out.append(contentsOf: $0) } }
        }
        for (k, _) in gaz { u64(k) }
        for (_, m) in gaz { withUnsafeBytes(of: m.littleEndian) { out.append(contentsOf: $0) } }
        return out
    }

    static func parse(_ data: [UInt8]) throws -> ModelFile {
        var at = 0
        func need(_ n: Int) throws {
            if at + n > data.count { throw NERError.badModel("truncated at byte \(at)") }
        }
        func u8() throws -> UInt8 { try need(1); defer { at += 1 }; return data[at] }
        func u16() throws -> UInt16 {
            try need(2); defer { at += 2 }
            return UInt16(data[at]) | UInt16(data[at + 1]) << 8
        }
        func u32() throws -> UInt32 {
            try need(4); defer { at += 4 }
            return data.withUnsafeBytes { UInt32(littleEndian: $0.loadUnaligned(fromByteOffset: at, as: UInt32.self)) }
        }
        func u64() throws -> UInt64 {
            try need(8); defer { at += 8 }
            return data.withUnsafeBytes { UInt64(littleEndian: $0.loadUnaligned(fromByteOffset: at, as: UInt64.self)) }
        }
        guard data.count >= 8, Array(data[0..<8]) == magic else { throw NERError.badModel("not a feedwatch NER model") }
        at = 8
        let T = Int(try u32())
        guard T == TagSet.count else { throw NERError.badModel("\(T) tags, expected \(TagSet.count)") }
        let rows = Int(try u32()), gazCount = Int(try u32()), maxWords = Int(try u32())
        let scale = Float(bitPattern: try u32())
        try need((T + 1) * T * 4 + rows * 9 + gazCount * 10)
        var transitions = [Float](repeating: 0, count: (T + 1) * T)
        for i in transitions.indices { transitions[i] = Float(bitPattern: try u32()) }
        var keys = [UInt64](repeating: 0, count: rows)
        for i in 0..<rows { keys[i] = try u64() }
        var counts = [UInt8](repeating: 0, count: rows)
        for i in 0..<rows { counts[i] = try u8() }
        var weights = [Float](repeating: 0, count: rows * T)
        for r in 0..<rows {
            for _ in 0..<Int(counts[r]) {
                let t = Int(try u8())
                guard t < T else { throw NERError.badModel("tag \(t) out of range") }
                weights[r * T + t] = Float(Int16(bitPattern: try u16())) * scale
            }
        }
        var gaz = Gazetteer()
        var gkeys = [UInt64](repeating: 0, count: gazCount)
        for i in 0..<gazCount { gkeys[i] = try u64() }
        var table = HashTable<UInt16>(capacity: gazCount)
        for i in 0..<gazCount { table.insert(gkeys[i], try u16()) }
        gaz.table = table
        gaz.setMaxWords(maxWords)
        guard at == data.count else { throw NERError.badModel("\(data.count - at) bytes left over") }
        return ModelFile(transitions: transitions, keys: keys, weights: weights, gazetteer: gaz)
    }
}

extension Gazetteer {
    mutating func setMaxWords(_ n: Int) { maxWords = n }
}
