/// The growing UTF-8 output of the HTML → text pass.
///
/// Why not `[UInt8]`: the pass appends one byte at a time, and every `Array.append` re-checks
/// uniqueness through a call the optimiser does not hoist out of the scanner's loop (6–7% of a
/// whole feed parse in perf). Owning the memory outright (a non-copyable value) makes an append
/// one compare and one store.
struct TextByteBuffer: ~Copyable {
    private var base: UnsafeMutablePointer<UInt8>
    private var capacity: Int
    private(set) var count = 0

    init(capacity: Int) {
        self.capacity = max(16, capacity)
        base = .allocate(capacity: self.capacity)
    }

    deinit { base.deallocate() }

    var isEmpty: Bool { count == 0 }

    @inline(__always)
    mutating func append(_ byte: UInt8) {
        if count == capacity { grow(minimum: count + 1) }
        base[count] = byte
        count += 1
    }

    @inline(__always)
    mutating func append(_ input: UnsafeBufferPointer<UInt8>, from start: Int, count n: Int) {
        if count + n > capacity { grow(minimum: count + n) }
        (base + count).update(from: input.baseAddress! + start, count: n)
        count += n
    }

    private mutating func grow(minimum: Int) {
        let newCapacity = max(minimum, capacity * 2)
        let bigger = UnsafeMutablePointer<UInt8>.allocate(capacity: newCapacity)
        bigger.moveInitialize(from: base, count: count)
        base.deallocate()
        base = bigger
        capacity = newCapacity
    }

    func string() -> String {
        UTF8String.make(UnsafeBufferPointer(start: base, count: count))
    }
}
