import Foundation
import Testing
import TestSupport
@testable import Fetching

/// The cap on response bytes held at once (`max_buffered_bytes`): the bookkeeping alone, then
/// libcurl pausing and resuming real transfers from a server on 127.0.0.1.
struct BodyBudgetTests {
    final class Counter: @unchecked Sendable {
        private let lock = NSLock()
        private var value = 0
        func add() { lock.lock(); value += 1; lock.unlock() }
        var count: Int { lock.lock(); defer { lock.unlock() }; return value }
    }

    final class Token {}

    @Test func takesUpToTheLimitThenPausesWhileHandedOutBodiesCanMakeRoom() {
        let budget = BodyBudget(limit: 100)
        let tokens = [Token(), Token(), Token()]
        let a = ObjectIdentifier(tokens[0]), b = ObjectIdentifier(tokens[1]), c = ObjectIdentifier(tokens[2])
        #expect(budget.take(60, for: a))
        #expect(budget.take(40, for: b))
        budget.handOut(60, from: a)
        // Full, and a's body will be dropped in time: wait for it rather than go over.
        #expect(!budget.take(10, for: b))
        #expect(!budget.canResume(wanting: 10, b))
        budget.release(60)
        #expect(budget.canResume(wanting: 10, b))
        #expect(budget.take(10, for: b))
        #expect(budget.usage == (held: 50, peak: 100))
        // Nothing handed out now: a transfer wanting more than the room goes over, alone.
        #expect(budget.take(51, for: c))
        #expect(!budget.take(1, for: a))
        withExtendedLifetime(tokens) {}
    }

    /// Paused transfers' half bodies fill the budget and no body is out to be dropped: one
    /// transfer goes over (the overdraft), alone, until it ends and its body is dropped.
    @Test func onlyHalfReceivedBodiesFillingTheBudgetLetOneTransferGoOver() {
        let budget = BodyBudget(limit: 100)
        let tokens = [Token(), Token()]
        let a = ObjectIdentifier(tokens[0]), b = ObjectIdentifier(tokens[1])
        #expect(budget.take(50, for: a))
        #expect(budget.take(50, for: b))
        #expect(budget.take(500, for: a))   // a holds the overdraft
        #expect(!budget.take(1, for: b))
        #expect(!budget.canResume(wanting: 1, b))
        budget.handOut(550, from: a)
        // a ended over the cap: nobody else goes over until its body is dropped.
        #expect(!budget.take(1, for: b))
        budget.release(550)
        #expect(budget.canResume(wanting: 80, b))  // 50 + 80 > 100: b gets the overdraft
        #expect(budget.take(80, for: b))
        budget.dropTransfer(130, b)
        #expect(budget.usage == (held: 0, peak: 600))
        withExtendedLifetime(tokens) {}
    }

    @Test func releaseWakesTheLoopOnlyWhileTransfersWait() {
        let budget = BodyBudget(limit: 10)
        let wakes = Counter()
        budget.attach { wakes.add() }
        let a = ObjectIdentifier(Token())
        #expect(budget.take(8, for: a))
        budget.handOut(8, from: a)
        budget.release(4)
        #expect(wakes.count == 0)
        budget.setWaiting(2)
        budget.release(4)
        #expect(wakes.count == 1)
        budget.detach()
        budget.release(0)
        #expect(wakes.count == 1)
    }

    @Test func aLeaseGivesItsBytesBackWhenTheLastCopyIsDropped() {
        let budget = BodyBudget(limit: 10)
        let a = ObjectIdentifier(Token())
        #expect(budget.take(7, for: a))
        budget.handOut(7, from: a)
        var response: FetchResponse? = FetchResponse(status: 200, body: [1, 2, 3], effectiveURL: "http://x/")
        response?.lease = BodyLease(bytes: 7, budget: budget)
        var copy = response
        response = nil
        #expect(budget.usage.held == 7)
        copy?.releaseBody()
        #expect(copy?.body.isEmpty == true)
        #expect(budget.usage.held == 0)
    }

    // MARK: With libcurl

    /// The bytes still counted once the last task's response is gone: a finished child task's
    /// locals (its response) can outlive the value it returned by a moment.
    static func heldOnceSettled(_ fetcher: Fetcher) async -> Int {
        let deadline = Date().addingTimeInterval(30)
        while fetcher.bufferedBytes.held != 0, Date() < deadline {
            try? await Task.sleep(nanoseconds: 10_000_000)
        }
        return fetcher.bufferedBytes.held
    }

    /// Fetches `url` `times` times at once, each response held `holding` nanoseconds by its
    /// consumer before it is dropped; whether every body was `expected`. No timeout that a
    /// test starved of CPU could reach: paused transfers wait for the consumers' tasks, which
    /// may not run for a minute when the whole suite shares two cores.
    static func fetchAtOnce(_ times: Int, _ url: String, with fetcher: Fetcher, holding: UInt64 = 0,
                            expecting expected: [UInt8]) async throws -> Bool {
        var limits = FetchLimits()
        limits.totalTimeoutSeconds = 3600
        limits.lowSpeedSeconds = 3600
        return try await withThrowingTaskGroup(of: Bool.self) { [limits] group in
            for _ in 0..<times {
                group.addTask {
                    let response = try await fetcher.fetch(FetchRequest(url: url, limits: limits))
                    if holding > 0 { try await Task.sleep(nanoseconds: holding) }
                    return response.body == expected
                }
            }
            return try await group.reduce(true) { $0 && $1 }
        }
    }

    /// Eight 400 KB bodies at once, each held 150 ms by its consumer (a slow parser): with a
    /// 1 MB budget no more than the budget plus one body is ever held, every body arrives
    /// whole, and once dropped nothing stays counted. The same run with a budget too big to
    /// matter shows the workload would hold far more, so the first check can fail.
    @Test func holdsNoMoreThanTheBudgetPlusOneBodyAndLosesNothing() async throws {
        let server = try TestHTTPServer()
        let body = (0..<400_000).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ $0 >> 9) }
        server.route("/big", { _ in .init(status: 200, body: body) })

        func run(budget: Int) async throws -> Int {
            let fetcher = Fetcher(maxConnections: 16, maxConnectionsPerHost: 8, maxBufferedBytes: budget)
            defer { fetcher.shutdown() }
            #expect(try await Self.fetchAtOnce(8, server.baseURL + "/big", with: fetcher, holding: 150_000_000, expecting: body))
            #expect(await Self.heldOnceSettled(fetcher) == 0)
            return fetcher.bufferedBytes.peak
        }

        let capped = try await run(budget: 1_000_000)
        #expect(capped <= 1_000_000 + body.count)
        let uncapped = try await run(budget: 1 << 30)
        #expect(uncapped >= 2_000_000, "the workload should hold more than the cap without one (peak \(uncapped))")
    }

    /// A budget smaller than one body: the overdraft lets transfers finish one at a time instead
    /// of every one waiting for room that paused transfers hold.
    @Test func aBudgetSmallerThanOneBodyStillCompletesEveryTransfer() async throws {
        let server = try TestHTTPServer()
        let body = [UInt8](repeating: 0x41, count: 300_000)
        server.route("/big", { _ in .init(status: 200, body: body) })
        let fetcher = Fetcher(maxConnections: 16, maxConnectionsPerHost: 6, maxBufferedBytes: 50_000)
        defer { fetcher.shutdown() }
        #expect(try await Self.fetchAtOnce(6, server.baseURL + "/big", with: fetcher, expecting: body))
        #expect(await Self.heldOnceSettled(fetcher) == 0)
        #expect(fetcher.bufferedBytes.peak <= 50_000 + body.count)
    }

    /// Compressed bodies count as what they decompress to, and pausing in the middle of
    /// decompression loses no byte.
    @Test func compressedBodiesArePausedAndResumedWhole() async throws {
        let server = try TestHTTPServer()
        let plain = Array((0..<20_000).map { "<item><title>Story \($0) on sanctions</title></item>\n" }.joined().utf8)
        let compressed = try ProcessRunner.gzip(plain)
        server.route("/gz", { _ in .init(status: 200, headers: [("Content-Encoding", "gzip")], body: compressed) })
        let fetcher = Fetcher(maxConnections: 16, maxConnectionsPerHost: 4, maxBufferedBytes: 200_000)
        defer { fetcher.shutdown() }
        #expect(try await Self.fetchAtOnce(4, server.baseURL + "/gz", with: fetcher, holding: 50_000_000, expecting: plain))
        #expect(plain.count > 4 * 200_000)
        #expect(fetcher.bufferedBytes.peak <= 200_000 + plain.count)
        #expect(await Self.heldOnceSettled(fetcher) == 0)
    }

    @Test func aFailedTransferGivesItsPartialBodyBack() async throws {
        let server = try TestHTTPServer()
        server.route("/missing", { _ in .init(status: 404, body: [UInt8](repeating: 0x20, count: 5000)) })
        server.route("/huge", { _ in .init(status: 200, body: [UInt8](repeating: 0x20, count: 200_000)) })
        let fetcher = Fetcher(maxBufferedBytes: 1 << 20)
        defer { fetcher.shutdown() }
        var limits = FetchLimits()
        limits.maxBodyBytes = 100_000
        await #expect(throws: FetchError.self) { _ = try await fetcher.fetch(FetchRequest(url: server.baseURL + "/missing")) }
        await #expect(throws: FetchError.self) { _ = try await fetcher.fetch(FetchRequest(url: server.baseURL + "/huge", limits: limits)) }
        #expect(await Self.heldOnceSettled(fetcher) == 0)
    }
}
