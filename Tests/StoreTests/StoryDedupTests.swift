import FeedModel
import Foundation
import Testing
import TestSupport
@testable import Store

/// One alert per story and watch, however many feeds carry it.
struct StoryDedupTests {
    let directory: URL
    let store: StateStore
    let logPath: String
    let t0: Int64 = 1_700_000_000

    init() throws {
        directory = try TestPaths.temporaryDirectory("feedwatch-dedup")
        store = try StateStore(path: directory.appendingPathComponent("state.sqlite").path)
        logPath = directory.appendingPathComponent("alerts.jsonl").path
    }

    func alert(_ id: String, feed: String, link: String? = nil, title: String? = nil, time: Int64? = nil, subject: String = "watch:Putin") -> OutboxAlert {
        OutboxAlert(id: id, line: "{\"id\":\"\(id)\",\"feed\":\"\(feed)\"}", subject: subject, linkKey: link, titleKey: title,
                    storyTime: time ?? t0, source: "{\"feed\":{\"url\":\"\(feed)\"}}")
    }

    func record(_ feed: String, _ alerts: [OutboxAlert], at t: Int64? = nil) throws {
        try store.record(PollRecord(feedURL: feed, title: nil, etag: nil, lastModified: nil, newKeys: alerts.map(\.id),
                                    presentKeys: [], alerts: alerts), now: Timestamp(secondsSince1970: t ?? t0))
    }

    func logLines() throws -> [[String: Any]] {
        try String(contentsOfFile: logPath, encoding: .utf8).split(separator: "\n").map {
            try #require(try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])
        }
    }

    @Test func theSameLinkInTwoFeedsIsOneAlertListingBothSources() throws {
        try record("A", [alert("a1", feed: "A", link: "example.org/story")])
        try record("B", [alert("b1", feed: "B", link: "example.org/story")])
        #expect(try AlertLogWriter(path: logPath, store: store).flush() == 1)
        let lines = try logLines()
        #expect(lines.count == 1)
        let sources = try #require(lines[0]["sources"] as? [[String: Any]])
        #expect(sources.compactMap { ($0["feed"] as? [String: Any])?["url"] as? String } == ["A", "B"])
    }

    @Test func theSameTitleWithinADayIsOneStoryButNotAfter() throws {
        try record("A", [alert("a1", feed: "A", title: "putin meets trump in helsinki", time: t0)])
        try record("B", [alert("b1", feed: "B", title: "putin meets trump in helsinki", time: t0 + 3600 * 20)])
        try record("C", [alert("c1", feed: "C", title: "putin meets trump in helsinki", time: t0 + 3600 * 30)])
        _ = try AlertLogWriter(path: logPath, store: store).flush()
        let lines = try logLines()
        #expect(lines.map { $0["id"] as? String } == ["a1", "c1"])
        #expect((lines[0]["sources"] as? [Any])?.count == 2)
        #expect(lines[1]["sources"] == nil)
    }

    @Test func eachWatchGetsItsOwnAlertForAStory() throws {
        try record("A", [alert("a1", feed: "A", link: "x/1", subject: "watch:Putin"), alert("a2", feed: "A", link: "x/1", subject: "watch:Syria")])
        try record("B", [alert("b1", feed: "B", link: "x/1", subject: "watch:Putin"), alert("b2", feed: "B", link: "x/1", subject: "watch:Syria")])
        #expect(try AlertLogWriter(path: logPath, store: store).flush() == 2)
        #expect(try logLines().allSatisfy { ($0["sources"] as? [Any])?.count == 2 })
    }

    @Test func aLateCopyOfAWrittenStoryIsNotWrittenAgain() throws {
        try record("A", [alert("a1", feed: "A", link: "x/1")])
        _ = try AlertLogWriter(path: logPath, store: store).flush()
        try record("B", [alert("b1", feed: "B", link: "x/1")], at: t0 + 600)
        #expect(try AlertLogWriter(path: logPath, store: store).flush() == 0)
        #expect(try logLines().count == 1)
    }

    @Test func differentStoriesStaySeparate() throws {
        try record("A", [alert("a1", feed: "A", link: "x/1", title: "one story about putin today")])
        try record("B", [alert("b1", feed: "B", link: "x/2", title: "another story about putin today")])
        #expect(try AlertLogWriter(path: logPath, store: store).flush() == 2)
    }
}

/// Seen keys are forgotten only after their entry has been gone from the feed for a while.
struct SeenPruningTests {
    @Test func absentKeysArePrunedAfterTheWindowPresentOnesNever() throws {
        let directory = try TestPaths.temporaryDirectory("feedwatch-prune")
        let store = try StateStore(path: directory.appendingPathComponent("s.sqlite").path)
        store.forgetAfterSeconds = 1000
        func poll(new: [String], present: [String], at t: Int64) throws {
            try store.record(PollRecord(feedURL: "F", title: nil, etag: nil, lastModified: nil, newKeys: new, presentKeys: present, alerts: []),
                             now: Timestamp(secondsSince1970: t))
        }
        try poll(new: ["old", "stays"], present: [], at: 0)
        try poll(new: [], present: ["stays"], at: 900)        // "old" left the feed at 900
        #expect(try store.seenKeys(feedURL: "F") == ["old", "stays"])
        try poll(new: [], present: ["stays"], at: 1500)       // 1500 s after "old" was last seen
        #expect(try store.seenKeys(feedURL: "F") == ["stays"])
        try poll(new: [], present: ["stays"], at: 100_000)
        #expect(try store.seenKeys(feedURL: "F") == ["stays"])
    }

    @Test func notModifiedPollsNeverPrune() throws {
        let directory = try TestPaths.temporaryDirectory("feedwatch-prune")
        let store = try StateStore(path: directory.appendingPathComponent("s.sqlite").path)
        store.forgetAfterSeconds = 10
        try store.record(PollRecord(feedURL: "F", title: nil, etag: "e", lastModified: nil, newKeys: ["k"], presentKeys: [], alerts: []),
                         now: Timestamp(secondsSince1970: 0))
        try store.recordNotModified(feedURL: "F", now: Timestamp(secondsSince1970: 5000))
        #expect(try store.seenKeys(feedURL: "F") == ["k"])
    }
}

struct MigrationTests {
    @Test func aVersion1DatabaseIsMigratedKeepingItsData() throws {
        let directory = try TestPaths.temporaryDirectory("feedwatch-migrate")
        let path = directory.appendingPathComponent("v1.sqlite").path
        do {
            let db = try SQLiteDatabase(path: path)
            try db.execute(Schema.migrations[0])
            try db.execute("PRAGMA user_version = 1")
            try db.execute("INSERT INTO seen VALUES ('F', 'k', 1, 1)")
            try db.execute("INSERT INTO feeds (url, last_success) VALUES ('F', 77)")
            try db.execute("INSERT INTO outbox (alert_id, created, line) VALUES ('a', 1, '{\"id\":\"a\"}')")
        }
        let store = try StateStore(path: path)
        #expect(try store.seenKeys(feedURL: "F") == ["k"])
        #expect(try store.pendingAlerts().map(\.id) == ["a"])
        let version = try store.database.prepare("PRAGMA user_version")
        _ = try version.step()
        #expect(Int(version.int(0)) == Schema.version)
    }
}
