import Foundation

/// SIGHUPs not yet acted on. The signal arrives on the reload service; the poll loop takes it
/// between cycles, so a reload never swaps the runtime under a poll in flight.
public final class ReloadRequests: @unchecked Sendable {
    private let lock = NSLock()
    private var pending = false

    public init() {}

    public func request() {
        lock.lock()
        pending = true
        lock.unlock()
    }

    /// True once per burst of SIGHUPs (several before a check count as one).
    public func take() -> Bool {
        lock.lock()
        defer { lock.unlock() }
        let value = pending
        pending = false
        return value
    }

    public var isPending: Bool {
        lock.lock()
        defer { lock.unlock() }
        return pending
    }
}
