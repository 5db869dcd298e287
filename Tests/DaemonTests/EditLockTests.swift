import Foundation
import Testing
import TestSupport
@testable import Daemon

/// The two places the edit lock is held: a lock file in feeds.d, or the watch-list directory itself.
struct EditLockTests {
    struct Mapped: Error, Equatable { var step: EditLock.Failure.Step; var code: Int32 }

    @Test func theFeedsLockCreatesItsDirectoryAndLockFile() throws {
        let parent = try TestPaths.temporaryDirectory("edit-lock")
        let feeds = parent.appendingPathComponent("feeds.d").path
        let value = try EditLock.withLock(directory: feeds) { 42 }
        #expect(value == 42)
        #expect(try FileManager.default.contentsOfDirectory(atPath: feeds) == [".feedwatch-edit.lock"])
    }

    /// Not being able to lock is a runtime failure (exit 1), not a config error (exit 2).
    @Test func aFeedsDirectoryThatCannotBeCreatedIsAFileEditError() throws {
        let parent = try TestPaths.temporaryDirectory("edit-lock")
        let blocker = parent.appendingPathComponent("file").path
        try "x".write(toFile: blocker, atomically: true, encoding: .utf8)
        #expect(throws: FileEditError.self) { try EditLock.withLock(directory: blocker + "/feeds.d") { 1 } }
    }

    @Test func theDirectoryLockAddsNothingToTheDirectory() throws {
        let directory = try TestPaths.temporaryDirectory("edit-lock")
        try "watch: []\n".write(to: directory.appendingPathComponent("a.yaml"), atomically: false, encoding: .utf8)
        let value = try EditLock.withLock(onDirectory: directory.path, failure: { Mapped(step: $0.step, code: $0.code) }) { () throws(Mapped) -> Int in 7 }
        #expect(value == 7)
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path) == ["a.yaml"])
    }

    @Test func aMissingDirectoryIsReportedAndNotCreated() throws {
        let missing = try TestPaths.temporaryDirectory("edit-lock").appendingPathComponent("absent").path
        var ran = false
        #expect(throws: Mapped(step: .open, code: ENOENT)) {
            try EditLock.withLock(onDirectory: missing, failure: { Mapped(step: $0.step, code: $0.code) }) { () throws(Mapped) in ran = true }
        }
        #expect(!ran)
        #expect(!FileManager.default.fileExists(atPath: missing))
    }
}
