import CCurl
import Foundation

/// The one thread that owns libcurl's multi handle.
///
/// libcurl handles are not thread-safe, so a single thread adds transfers, drives them with
/// `curl_multi_perform`, and sleeps in `curl_multi_poll`; other threads hand work over through a
/// locked queue and wake it with `curl_multi_wakeup` (DESIGN.md, known pitfalls).
final class CurlMultiLoop: @unchecked Sendable {
    private let multi: OpaquePointer
    private let share: OpaquePointer?
    private let userAgent: String
    /// Caps the bytes of bodies held at once (`max_buffered_bytes`).
    let budget: BodyBudget

    private let lock = NSLock()
    private var incoming: [Transfer] = []
    private var cancelled: [ObjectIdentifier] = []
    private var stopping = false
    private var thread: Thread?

    /// Transfers on the multi handle, by easy handle; touched by the loop thread only.
    private var active: [UnsafeMutableRawPointer: Transfer] = [:]

    /// Only once `CurlGlobal.loadFailure` is nil: every call here goes to the loaded libcurl.
    init(userAgent: String, maxConnections: Int, maxConnectionsPerHost: Int, maxBufferedBytes: Int) {
        multi = OpaquePointer(ccurl_multi_init()!)
        _ = ccurl_multi_setopt_long(UnsafeMutableRawPointer(multi), CURLMOPT_MAX_TOTAL_CONNECTIONS, maxConnections)
        _ = ccurl_multi_setopt_long(UnsafeMutableRawPointer(multi), CURLMOPT_MAX_HOST_CONNECTIONS, maxConnectionsPerHost)
        _ = ccurl_multi_setopt_long(UnsafeMutableRawPointer(multi), CURLMOPT_MAXCONNECTS, maxConnections)
        // No HTTP/2 multiplexing: libcurl would otherwise run up to 100 requests at once over
        // one connection, and the per-host cap, which counts connections, would no longer bound
        // the requests a server gets from us at once. HTTP/2 is still used where offered.
        _ = ccurl_multi_setopt_long(UnsafeMutableRawPointer(multi), CURLMOPT_PIPELINING, Int(CURLPIPE_NOTHING))
        // Share TLS sessions and DNS answers between transfers: a resumed TLS session costs
        // a fraction of a full handshake.
        if let shareHandle = ccurl_share_init() {
            share = OpaquePointer(shareHandle)
            _ = ccurl_share_setopt_long(shareHandle, CURLSHOPT_SHARE, Int(CURL_LOCK_DATA_SSL_SESSION.rawValue))
            _ = ccurl_share_setopt_long(shareHandle, CURLSHOPT_SHARE, Int(CURL_LOCK_DATA_DNS.rawValue))
        } else {
            share = nil
        }
        self.userAgent = userAgent
        budget = BodyBudget(limit: maxBufferedBytes)
        budget.attach { [unowned self] in _ = ccurl_multi_wakeup(UnsafeMutableRawPointer(self.multi)) }
        let thread = Thread { [unowned self] in self.run() }
        thread.name = "feedwatch-curl"
        self.thread = thread
        thread.start()
    }

    deinit {
        budget.detach()
        ccurl_multi_cleanup(UnsafeMutableRawPointer(multi))
        if let share { ccurl_share_cleanup(UnsafeMutableRawPointer(share)) }
    }

    func submit(_ transfer: Transfer) {
        lock.lock()
        let refused = stopping
        if !refused { incoming.append(transfer) }
        lock.unlock()
        if refused {
            transfer.complete(.failure(FetchError.cancelled))
        } else {
            ccurl_multi_wakeup(UnsafeMutableRawPointer(multi))
        }
    }

    func cancel(_ transfer: Transfer) {
        lock.lock()
        cancelled.append(ObjectIdentifier(transfer))
        lock.unlock()
        ccurl_multi_wakeup(UnsafeMutableRawPointer(multi))
    }

    /// Ends the loop: transfers still running fail with `FetchError.cancelled`. Blocks until the thread is gone.
    func stop() {
        lock.lock()
        stopping = true
        lock.unlock()
        ccurl_multi_wakeup(UnsafeMutableRawPointer(multi))
        while thread?.isFinished == false { usleep(1000) }
        budget.detach()
    }

    private func run() {
        let multiPointer = UnsafeMutableRawPointer(multi)
        var running: Int32 = 0
        while true {
            lock.lock()
            let newTransfers = incoming
            incoming.removeAll()
            let cancelIDs = Set(cancelled)
            cancelled.removeAll()
            let stop = stopping
            lock.unlock()

            for transfer in newTransfers { start(transfer) }
            if !cancelIDs.isEmpty {
                for (handle, transfer) in active where cancelIDs.contains(ObjectIdentifier(transfer)) {
                    finish(handle, with: .failure(FetchError.cancelled))
                }
            }
            if stop {
                for handle in Array(active.keys) { finish(handle, with: .failure(FetchError.cancelled)) }
                return
            }

            resumePaused()
            _ = ccurl_multi_perform(multiPointer, &running)
            var remaining: Int32 = 0
            while let message = ccurl_multi_info_read(multiPointer, &remaining) {
                guard ccurl_msg_is_done(message) != 0, let easy = ccurl_msg_easy_handle(message),
                      let transfer = active[easy] else { continue }
                finish(easy, with: transfer.outcome(code: ccurl_msg_result(message)))
            }
            budget.setWaiting(budget.paused.count)
            var ready: Int32 = 0
            // While transfers run, wake at least every 20 ms: libcurl 7.88 sometimes leaves a
            // transfer queued for a connection (the per-host cap) unstarted until the poll times
            // out, which cost a whole second at the end of many cycles (docs/benchmarks-polling.md,
            // "A one-second stall"). Idle, once a second is enough: a submit wakes the poll.
            _ = ccurl_multi_poll(multiPointer, nil, 0, active.isEmpty ? 1000 : 20, &ready)
        }
    }

    private func start(_ transfer: Transfer) {
        guard !transfer.isFinished else { return }
        if let problem = transfer.configure(userAgent: userAgent, share: share, budget: budget) {
            transfer.complete(.failure(FetchError.transport(code: Int(CURLE_FAILED_INIT.rawValue), message: problem)))
            return
        }
        let code = ccurl_multi_add_handle(UnsafeMutableRawPointer(multi), transfer.handle)
        guard code == CURLM_OK else {
            transfer.complete(.failure(FetchError.transport(code: Int(code.rawValue), message: String(cString: ccurl_multi_strerror(code)))))
            return
        }
        active[transfer.handle] = transfer
    }

    private func finish(_ handle: UnsafeMutableRawPointer, with result: Result<FetchResponse, any Error>) {
        guard let transfer = active.removeValue(forKey: handle) else { return }
        ccurl_multi_remove_handle(UnsafeMutableRawPointer(multi), handle)
        if transfer.paused {
            transfer.paused = false
            budget.paused.removeAll { $0 === transfer }
        }
        // A body handed out stays counted until the response is dropped; a failed transfer's
        // partial body is dropped here.
        let bytes = transfer.budgeted
        transfer.budgeted = 0
        var result = result
        if case var .success(response) = result, bytes > 0 {
            budget.handOut(bytes, from: ObjectIdentifier(transfer))
            response.lease = BodyLease(bytes: bytes, budget: budget)
            result = .success(response)
        } else {
            budget.dropTransfer(bytes, ObjectIdentifier(transfer))
        }
        transfer.complete(result)
    }

    /// Resumes paused transfers, oldest first, while the budget has room for what each wants;
    /// when paused transfers hold all of it, the oldest resumes alone with the overdraft (BodyBudget).
    private func resumePaused() {
        guard !budget.paused.isEmpty else { return }
        let candidates = budget.paused
        budget.paused = []
        var waiting: [Transfer] = []
        for transfer in candidates {
            guard transfer.paused, active[transfer.handle] != nil else { continue }
            guard waiting.isEmpty, budget.canResume(wanting: transfer.wanted, ObjectIdentifier(transfer)) else {
                waiting.append(transfer)
                continue
            }
            transfer.paused = false
            // libcurl may deliver the held bytes right here; the write callback then takes them
            // or pauses the transfer again (appending it to budget.paused).
            _ = ccurl_easy_pause(transfer.handle, CURLPAUSE_CONT)
        }
        budget.paused = waiting + budget.paused
    }
}

/// Loads libcurl (dlopen, on first use: Sources/CCurl) and runs `curl_global_init`, once.
///
/// `curl_global_init` must run once before any other libcurl call, while no other thread uses libcurl.
enum CurlGlobal {
    /// nil once libcurl is loaded and initialised; otherwise why it could not be loaded
    /// (the library names tried and dlerror()'s words, or the symbol it lacks).
    static let loadFailure: String? = {
        guard ccurl_load() != 0 else {
            return ccurl_load_error().map { String(cString: $0) } ?? "cannot load libcurl"
        }
        ccurl_global_init(Int(CURL_GLOBAL_DEFAULT))
        return nil
    }()

    /// libcurl's version string, e.g. "libcurl/7.88.1 OpenSSL/3.0.15 zlib/1.2.13 brotli/1.0.9 …",
    /// or why libcurl could not be loaded.
    static var version: String {
        if let loadFailure { return loadFailure }
        return String(cString: ccurl_version())
    }
}
