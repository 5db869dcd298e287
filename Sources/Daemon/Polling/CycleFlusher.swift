import Foundation

/// Writes a cycle's alerts to the log while the cycle still runs, at most once a second.
///
/// A cycle ends only when its slowest feed does (a trickling server can take the whole
/// transfer timeout); without this, every alert found meanwhile waited for it. Batching per
/// second keeps the fsyncs few when thousands of feeds alert in one cycle.
final class CycleFlusher: @unchecked Sendable {
    private let lock = NSLock()
    private var dirty = false
    private var count = 0

    /// Alerts this flusher wrote to the log: part of the cycle's count, which the end-of-cycle
    /// flush alone would miss (it finds them written already).
    var written: Int {
        lock.lock()
        defer { lock.unlock() }
        return count
    }

    /// A poll committed alerts to the outbox.
    func alertsAdded() {
        lock.lock()
        dirty = true
        lock.unlock()
    }

    private func add(_ written: Int) {
        lock.lock()
        count += written
        lock.unlock()
    }

    private func take() -> Bool {
        lock.lock()
        defer { lock.unlock() }
        let value = dirty
        dirty = false
        return value
    }

    /// Runs until cancelled. Errors are left to the end-of-cycle flush, which reports them.
    func run(ledger: Ledger, every seconds: Double = 1) async {
        while !Task.isCancelled {
            try? await Task.sleep(nanoseconds: UInt64(seconds * 1_000_000_000))
            if take() {
                let (written, _) = await ledger.flushLog()
                add(written)
            }
        }
    }
}
