import CCurl
import Foundation

/// One request in flight: the easy handle, the bytes gathered so far, and the continuation
/// that hands the outcome back to the awaiting task.
///
/// Only the loop thread touches the handle and buffers once the transfer is submitted;
/// `continuation` is resumed exactly once, by whoever takes it first under `lock`.
final class Transfer: @unchecked Sendable {
    let request: FetchRequest
    let handle: UnsafeMutableRawPointer
    var body: [UInt8] = []
    var responseHeaders = ResponseHeaders()
    var tooLarge = false
    /// The fetcher's memory budget, and how many of this transfer's bytes it counts (loop thread only).
    var budget: BodyBudget?
    var budgeted = 0
    /// The write callback refused `wanted` bytes for lack of room: libcurl holds them until resumed.
    var paused = false
    var wanted = 0
    var headerList: UnsafeMutablePointer<curl_slist>?
    let errorBuffer = UnsafeMutablePointer<CChar>.allocate(capacity: Int(CURL_ERROR_SIZE) + 1)

    private let lock = NSLock()
    private var continuation: CheckedContinuation<FetchResponse, any Error>?
    private var finished = false

    init?(request: FetchRequest) {
        guard let handle = ccurl_easy_init() else { return nil }
        self.request = request
        self.handle = handle
        errorBuffer.initialize(repeating: 0, count: Int(CURL_ERROR_SIZE) + 1)
    }

    deinit {
        ccurl_easy_cleanup(handle)
        if let headerList { ccurl_slist_free_all(headerList) }
        errorBuffer.deallocate()
    }

    /// Stores the continuation; returns false when the transfer already ended (cancelled early).
    func attach(_ continuation: CheckedContinuation<FetchResponse, any Error>) -> Bool {
        lock.lock()
        defer { lock.unlock() }
        if finished { continuation.resume(throwing: FetchError.cancelled); return false }
        self.continuation = continuation
        return true
    }

    func complete(_ result: Result<FetchResponse, any Error>) {
        lock.lock()
        let taken = continuation
        continuation = nil
        finished = true
        lock.unlock()
        taken?.resume(with: result)
    }

    var isFinished: Bool {
        lock.lock()
        defer { lock.unlock() }
        return finished
    }
}
