import CSQLite
import FeedModel
import Foundation
import Testing
import TestSupport
@testable import Store

struct StateStoreTests {
    let directory: URL
    let store: StateStore
    let now = Timestamp(secondsSince1970: 1_700_000_000)

    init() throws {
        directory = try TestPaths.temporaryDirectory("feedwatch-store")
        store = try StateStore(path: directory.appendingPathComponent("state.sqlite").path)
    }

    func poll(new: [String], present: [String] = [], alerts: [(String, String)] = [], etag: String? = "\"e\"") -> PollRecord {
        PollRecord(feedURL: "https://x/feed", title: "X", etag: etag, lastModified: nil, newKeys: new, presentKeys: present,
                   alerts: alerts.map { OutboxAlert(id: $0.0, line: $0.1) })
    }

    @Test func recordsSeenEntriesValidatorsAndAlertsTogether() throws {
        try store.record(poll(new: ["a", "b"], alerts: [("id1", "{\"id\":\"id1\"}")]), now: now)
        #expect(try store.seenKeys(feedURL: "https://x/feed") == ["a", "b"])
        let feed = try #require(try store.feed("https://x/feed"))
        #expect(feed.etag == "\"e\"")
        #expect(feed.title == "X")
        #expect(feed.entriesSeen == 2)
        #expect(feed.firstFetched == now)
        #expect(try store.pendingAlerts().map(\.id) == ["id1"])
    }

    @Test func theSameAlertIdIsStoredOnce() throws {
        try store.record(poll(new: ["a"], alerts: [("id1", "one")]), now: now)
        try store.record(poll(new: [], alerts: [("id1", "again")]), now: now)
        #expect(try store.pendingAlerts().map(\.line) == ["one"])
    }

    @Test func failuresAreCountedAndClearedBySuccess() throws {
        try store.recordFailure(feedURL: "https://x/feed", message: "HTTP 500", now: now)
        try store.recordFailure(feedURL: "https://x/feed", message: "HTTP 502", now: now)
        var feed = try #require(try store.feed("https://x/feed"))
        #expect(feed.errorCount == 2)
        #expect(feed.lastError == "HTTP 502")
        try store.record(poll(new: []), now: now)
        feed = try #require(try store.feed("https://x/feed"))
        #expect(feed.errorCount == 0)
        #expect(feed.lastError == nil)
        #expect(feed.firstFetched == now)
    }

    @Test func aNewerSchemaIsRefusedWithAClearMessage() throws {
        let path = directory.appendingPathComponent("newer.sqlite").path
        do {
            let db = try SQLiteDatabase(path: path)
            try db.execute("PRAGMA user_version = 99")
        }
        #expect {
            _ = try StateStore(path: path)
        } throws: { error in
            "\(error)".contains("schema version 99") && "\(error)".contains("knows only up to \(Schema.version)")
        }
    }

    @Test func aFileThatIsNotADatabaseGivesAClearError() throws {
        let path = directory.appendingPathComponent("junk.sqlite").path
        try Data(repeating: 0x41, count: 4096).write(to: URL(fileURLWithPath: path))
        #expect {
            _ = try StateStore(path: path)
        } throws: { error in
            "\(error)".contains(path) && "\(error)".contains("not a database")
        }
    }

    @Test func reopeningKeepsState() throws {
        try store.record(poll(new: ["a"]), now: now)
        let again = try StateStore(path: directory.appendingPathComponent("state.sqlite").path)
        #expect(try again.seenKeys(feedURL: "https://x/feed") == ["a"])
    }
}

struct AlertLogWriterTests {
    let directory: URL
    let store: StateStore
    let logPath: String

    init() throws {
        directory = try TestPaths.temporaryDirectory("feedwatch-log")
        store = try StateStore(path: directory.appendingPathComponent("state.sqlite").path)
        logPath = directory.appendingPathComponent("alerts.jsonl").path
    }

    func add(_ ids: [String]) throws {
        try store.record(PollRecord(feedURL: "f", title: nil, etag: nil, lastModified: nil, newKeys: ids, presentKeys: [],
                                    alerts: ids.map { OutboxAlert(id: $0, line: "{\"id\":\"\($0)\"}") }), now: .now)
    }

    func logLines() throws -> [String] {
        try String(contentsOfFile: logPath, encoding: .utf8).split(separator: "\n").map(String.init)
    }

    @Test func flushAppendsEveryPendingAlertOnce() throws {
        try add(["a", "b"])
        let writer = AlertLogWriter(path: logPath, store: store)
        #expect(try writer.flush() == 2)
        #expect(try writer.flush() == 0)
        try add(["c"])
        #expect(try writer.flush() == 1)
        #expect(try logLines() == ["{\"id\":\"a\"}", "{\"id\":\"b\"}", "{\"id\":\"c\"}"])
        #expect(try store.pendingAlerts().isEmpty)
    }

    @Test func reconcileMarksAlertsAlreadyInTheLog() throws {
        // A crash after the append and before the mark: the line is in the log, the row still pending.
        try add(["a", "b"])
        try "{\"id\":\"a\"}\n".write(toFile: logPath, atomically: false, encoding: .utf8)
        let writer = AlertLogWriter(path: logPath, store: store)
        #expect(try writer.reconcile() == 1)
        #expect(try writer.flush() == 1)
        #expect(try logLines() == ["{\"id\":\"a\"}", "{\"id\":\"b\"}"])
    }

    @Test func aPartialLastLineIsCutAndItsAlertWrittenWhole() throws {
        // A crash mid-write left half of alert "a"; it is still pending.
        try "{\"id\":\"old\"}\n{\"id\":\"a".write(toFile: logPath, atomically: false, encoding: .utf8)
        try add(["a"])
        let writer = AlertLogWriter(path: logPath, store: store)
        #expect(try writer.reconcile() == 0, "a fragment must not count as written")
        #expect(try writer.flush() == 1)
        #expect(try logLines() == ["{\"id\":\"old\"}", "{\"id\":\"a\"}"])
    }

    @Test func aLogThatIsOnlyAFragmentIsEmptiedFirst() throws {
        try "{\"id\":\"a".write(toFile: logPath, atomically: false, encoding: .utf8)
        try add(["a"])
        _ = try AlertLogWriter(path: logPath, store: store).flush()
        #expect(try logLines() == ["{\"id\":\"a\"}"])
    }

    @Test func reconcileAlsoReadsTheRotatedLog() throws {
        try add(["a", "b"])
        try "{\"id\":\"a\"}\n".write(toFile: logPath + ".1", atomically: false, encoding: .utf8)
        let writer = AlertLogWriter(path: logPath, store: store)
        #expect(try writer.reconcile() == 1)
        #expect(try store.pendingAlerts().map(\.id) == ["b"])
    }

    @Test func anUnwritableLogKeepsAlertsPendingUntilItIsWritable() throws {
        let blocked = directory.appendingPathComponent("missing-dir/alerts.jsonl").path
        try add(["a"])
        let writer = AlertLogWriter(path: blocked, store: store)
        #expect(throws: StoreError.self) { try writer.flush() }
        #expect(try store.pendingAlerts().map(\.id) == ["a"])
        try FileManager.default.createDirectory(atPath: (blocked as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        #expect(try writer.flush() == 1)
        #expect(try store.pendingAlerts().isEmpty)
    }

    @Test func readerReturnsTheLastLines() throws {
        try add((1...500).map { "id\($0)" })
        _ = try AlertLogWriter(path: logPath, store: store).flush()
        let reader = AlertLogReader(path: logPath)
        #expect(reader.lastLines(3) == ["{\"id\":\"id498\"}", "{\"id\":\"id499\"}", "{\"id\":\"id500\"}"])
        #expect(reader.lastLines(nil).count == 500)
        #expect(reader.idsInTail(bytes: 1 << 20).count == 500)
        #expect(AlertLogReader(path: directory.appendingPathComponent("none").path).lastLines(5).isEmpty)
    }
}

extension StateStoreTests {
    @Test func theScheduleIsStoredWithItsWaitsAndIntervals() throws {
        // The newest entry date comes from the fetches (recordRows), the rest from the scheduler.
        var fetched = PollRecord(feedURL: "http://a/f", title: nil, etag: nil, lastModified: nil, newKeys: ["k"], presentKeys: [], alerts: [])
        fetched.newestEntry = Timestamp(secondsSince1970: 900)
        try store.record(fetched, now: now)
        fetched.newestEntry = Timestamp(secondsSince1970: 800) // an older newest never moves it back
        try store.record(fetched, now: now)
        fetched.newestEntry = nil
        try store.record(fetched, now: now)
        let records = [
            "http://a/f": ScheduleRecord(next: Timestamp(secondsSince1970: 1_000), waitUntil: Timestamp(secondsSince1970: 2_000),
                                         hostRests: true, learnedInterval: 3_600, shortenedInterval: 1_800, shortenedFrom: 3_600,
                                         newestEntry: Timestamp(secondsSince1970: 900)),
            "http://b/f": ScheduleRecord(next: Timestamp(secondsSince1970: 5_000)),
        ]
        try store.setScheduleRecords(records)
        #expect(try store.scheduleRecords() == records)
        // Written again, a wait that ended is cleared, not kept.
        try store.setScheduleRecords(["http://a/f": ScheduleRecord(next: Timestamp(secondsSince1970: 3_000))])
        #expect(try store.scheduleRecords()["http://a/f"] == ScheduleRecord(next: Timestamp(secondsSince1970: 3_000),
                                                                          newestEntry: Timestamp(secondsSince1970: 900)))
        #expect(try store.feeds().first { $0.url == "http://a/f" }?.nextDue == Timestamp(secondsSince1970: 3_000))
    }

    @Test func eachFullFetchReplacesTheStoredLinks() throws {
        var fetched = PollRecord(feedURL: "http://a/f", title: nil, etag: nil, lastModified: nil, newKeys: ["k"], presentKeys: [], alerts: [])
        #expect(try store.recentLinks("http://a/f").isEmpty, "no row yet")
        fetched.links = LinkSet(links: ["http://a/1", "http://a/2"])
        try store.record(fetched, now: now)
        #expect(try store.recentLinks("http://a/f") == fetched.links)
        fetched.links = LinkSet(links: ["http://a/3"])
        try store.record(fetched, now: now)
        #expect(try store.recentLinks("http://a/f") == LinkSet(links: ["http://a/3"]), "replaced, not added to")
        fetched.links = LinkSet(links: (0..<600).map { "http://a/\($0)" })
        try store.record(fetched, now: now)
        #expect(try store.recentLinks("http://a/f") == fetched.links, "a sampled set comes back with its cutoff")
    }
}
