import Foundation

/// A cap on the response bytes held in memory at once: by transfers still receiving, and by
/// bodies handed out and not yet dropped.
///
/// One body is bounded by `max_feed_bytes`, but a cycle keeps up to 128 polls in flight and the
/// parsers (one per core) are slower than the network. Without a shared cap a burst of large
/// feeds (podcast feeds of 10 MB are common, and a hostile server sends all it may) holds up
/// to 128 × `max_feed_bytes` before the parsers get to them. When the cap is reached, a
/// transfer that brings more is paused (libcurl stops reading its socket, the server waits)
/// until bodies are dropped.
///
/// Bodies handed out are always dropped in the end (parsed, then released), so waiting for them
/// is safe. Half-received bodies of paused transfers are not: if they alone fill the cap, nothing
/// would ever make room. Then, and only then (no body handed out, nobody else over), one
/// transfer may go past the cap: the "overdraft". Held bytes therefore stay under
/// `limit + max_feed_bytes` whatever the servers do.
///
/// `take`, `finished` and the overdraft are used by the loop thread; `release` runs wherever
/// a body is dropped, so everything sits behind one lock.
final class BodyBudget: @unchecked Sendable {
    let limit: Int
    private let lock = NSLock()
    private var held = 0
    /// The part of `held` in bodies handed out (FetchResponse), not in transfers still receiving.
    private var handedOut = 0
    private var peak = 0
    private var overdraft: ObjectIdentifier?
    /// How many transfers are paused, for `release` to know whether to wake the loop.
    private var waiting = 0
    /// The paused transfers, oldest first: the loop thread's alone (the write callback appends,
    /// the loop resumes), so outside the lock.
    var paused: [Transfer] = []
    /// Wakes the loop thread (curl_multi_wakeup) so it resumes paused transfers; nil once the loop stopped.
    private var wake: (@Sendable () -> Void)?

    init(limit: Int) {
        self.limit = max(1, limit)
    }

    /// Counts `count` more bytes for `transfer`; false means "pause it, there is no room".
    func take(_ count: Int, for transfer: ObjectIdentifier) -> Bool {
        lock.lock()
        defer { lock.unlock() }
        guard fits(count, transfer) else { return false }
        held += count
        peak = max(peak, held)
        return true
    }

    /// Whether a paused transfer that wants `count` bytes would get them now (taking the
    /// overdraft if that is the way): the loop resumes only those, so a transfer is not woken
    /// just to be paused again.
    func canResume(wanting count: Int, _ transfer: ObjectIdentifier) -> Bool {
        lock.lock()
        defer { lock.unlock() }
        return fits(count, transfer)
    }

    /// Under the lock.
    private func fits(_ count: Int, _ transfer: ObjectIdentifier) -> Bool {
        if held + count <= limit || overdraft == transfer { return true }
        guard overdraft == nil, handedOut == 0 else { return false }
        overdraft = transfer
        return true
    }

    /// The transfer ended: it gives up the overdraft, and its `count` bytes now belong to the
    /// body handed out (released by its BodyLease).
    func handOut(_ count: Int, from transfer: ObjectIdentifier) {
        lock.lock()
        if overdraft == transfer { overdraft = nil }
        handedOut += count
        lock.unlock()
    }

    /// The transfer ended without a body to hand out: its bytes are dropped.
    func dropTransfer(_ count: Int, _ transfer: ObjectIdentifier) {
        lock.lock()
        defer { lock.unlock() }
        if overdraft == transfer { overdraft = nil }
        held -= count
        if waiting > 0 { wake?() }
    }

    /// A body handed out was dropped: room for paused transfers, so the loop is woken when any wait.
    func release(_ count: Int) {
        guard count > 0 else { return }
        lock.lock()
        defer { lock.unlock() }
        held -= count
        handedOut -= count
        // Called under the lock so `detach` cannot free the multi handle in between.
        if waiting > 0 { wake?() }
    }

    func setWaiting(_ count: Int) {
        lock.lock()
        waiting = count
        lock.unlock()
    }

    func attach(wake: @escaping @Sendable () -> Void) {
        lock.lock()
        self.wake = wake
        lock.unlock()
    }

    /// The loop is gone: bodies dropped later must not wake it.
    func detach() {
        lock.lock()
        wake = nil
        lock.unlock()
    }

    /// Bytes held now, and the most held at once since the fetcher started.
    var usage: (held: Int, peak: Int) {
        lock.lock()
        defer { lock.unlock() }
        return (held, peak)
    }
}

/// Keeps a body's bytes counted against its fetcher's budget until the response holding it
/// (and every copy of it) is dropped, or `FetchResponse.releaseBody()` is called.
final class BodyLease: Sendable {
    let bytes: Int
    let budget: BodyBudget

    init(bytes: Int, budget: BodyBudget) {
        self.bytes = bytes
        self.budget = budget
    }

    deinit { budget.release(bytes) }
}
