import FeedModel
import Foundation
import Store
import Testing
import TestSupport
@testable import Daemon

/// The ledger holds polls' writes back to commit them in batches; nobody may notice but the
/// disk: reads of a feed see its own writes, a flush writes every alert found, a commit is
/// all or nothing.
struct LedgerBatchingTests {
    let directory: URL
    let ledger: Ledger

    init() throws {
        directory = try TestPaths.temporaryDirectory("ledger-batching")
        ledger = try Ledger(statePath: directory.appendingPathComponent("state.sqlite").path,
                            alertLogPath: directory.appendingPathComponent("alerts.jsonl").path)
    }

    func poll(_ url: String, keys: [String], alerts: Int = 0) -> PollRecord {
        PollRecord(feedURL: url, title: url, etag: "\"\(url)\"", lastModified: nil, newKeys: keys, presentKeys: [],
                   alerts: (0..<alerts).map { OutboxAlert(id: "\(url)-\($0)", line: "{\"id\":\"\(url)-\($0)\"}") })
    }

    @Test func aFeedsReadsSeeItsHeldBackWrites() async throws {
        try await ledger.record(poll("https://a/", keys: ["1", "2"]), now: .now)
        try await ledger.setFeedAttributes("https://a/", httpStatus: 200)
        #expect(try await ledger.seenKeys("https://a/") == ["1", "2"])
        let state = try #require(try await ledger.feedState("https://a/"))
        #expect(state.etag == "\"https://a/\"" && state.httpStatus == 200 && state.entriesSeen == 2)
    }

    @Test func aFlushWritesTheAlertsOfEveryHeldBackPoll() async throws {
        for i in 0..<(Ledger.batchSize + 5) {   // one full batch committed by itself, five held back
            try await ledger.record(poll("https://f\(i)/", keys: ["k"], alerts: i < 3 ? 1 : 0), now: .now)
        }
        let (written, error) = await ledger.flushLog()
        #expect(error == nil)
        #expect(written == 3)
        #expect(try await ledger.feeds().count == Ledger.batchSize + 5)
    }

    @Test func aBatchCommitsAllOrNothing() throws {
        let store = try StateStore(path: directory.appendingPathComponent("other.sqlite").path)
        // A trigger refuses the second write: the first must not be kept either.
        try store.database.execute("CREATE TRIGGER refuse BEFORE INSERT ON seen WHEN NEW.entry_key = 'bad' BEGIN SELECT RAISE(ABORT, 'refused'); END")
        #expect(throws: StoreError.self) {
            try store.apply([.poll(poll("https://ok/", keys: ["fine"]), .now), .poll(poll("https://bad/", keys: ["bad"]), .now)])
        }
        #expect(try store.feed("https://ok/") == nil)
        #expect(try store.seenKeys(feedURL: "https://ok/").isEmpty)
    }
}
