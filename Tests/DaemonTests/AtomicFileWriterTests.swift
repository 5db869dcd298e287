import Foundation
import Testing
import TestSupport
@testable import Daemon

struct AtomicFileWriterTests {
    struct Refused: Error {}

    func leftovers(_ directory: URL) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: directory.path).filter { $0.hasPrefix(".") }
    }

    @Test func replacesTheFileAndKeepsItsPermissions() throws {
        let directory = try TestPaths.temporaryDirectory("atomic")
        let file = directory.appendingPathComponent("f.yaml").path
        try "old\n".write(toFile: file, atomically: false, encoding: .utf8)
        chmod(file, 0o600)
        var validated: String?
        try AtomicFileWriter.write("new\n", to: file) { temporary in
            validated = try String(contentsOfFile: temporary, encoding: .utf8)
            #expect(temporary != file)
            #expect(try String(contentsOfFile: file, encoding: .utf8) == "old\n", "the target is untouched until the rename")
        }
        #expect(validated == "new\n")
        #expect(try String(contentsOfFile: file, encoding: .utf8) == "new\n")
        let mode = try #require(try FileManager.default.attributesOfItem(atPath: file)[.posixPermissions] as? Int)
        #expect(mode == 0o600)
        #expect(try leftovers(directory).isEmpty)
    }

    @Test func aFailedValidationLeavesTheOldFileAndNoTemporaryFile() throws {
        let directory = try TestPaths.temporaryDirectory("atomic")
        let file = directory.appendingPathComponent("f.yaml").path
        try "old\n".write(toFile: file, atomically: false, encoding: .utf8)
        #expect(throws: Refused.self) { try AtomicFileWriter.write("bad\n", to: file) { _ in throw Refused() } }
        #expect(try String(contentsOfFile: file, encoding: .utf8) == "old\n")
        #expect(try leftovers(directory).isEmpty)
    }

    @Test func createsANewFileWithTheGivenMode() throws {
        let directory = try TestPaths.temporaryDirectory("atomic")
        let file = directory.appendingPathComponent("new.yaml").path
        try AtomicFileWriter.write("x: 1\n", to: file, mode: 0o640)
        #expect(try String(contentsOfFile: file, encoding: .utf8) == "x: 1\n")
        let mode = try #require(try FileManager.default.attributesOfItem(atPath: file)[.posixPermissions] as? Int)
        #expect(mode == 0o640)
    }

    @Test func aSymbolicLinkStaysALinkAndItsTargetIsReplaced() throws {
        let directory = try TestPaths.temporaryDirectory("atomic")
        let target = directory.appendingPathComponent("real.yaml").path
        let link = directory.appendingPathComponent("link.yaml").path
        try "old\n".write(toFile: target, atomically: false, encoding: .utf8)
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: target)
        try AtomicFileWriter.write("new\n", to: link)
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: link) == target)
        #expect(try String(contentsOfFile: target, encoding: .utf8) == "new\n")
    }

    @Test(.enabled(if: geteuid() == 0, "only root can give a file away"))
    func asRootTheOwnerIsKeptOnlyWhenAsked() throws {
        let directory = try TestPaths.temporaryDirectory("atomic")
        let kept = directory.appendingPathComponent("kept.yaml").path
        let taken = directory.appendingPathComponent("taken.yaml").path
        for file in [kept, taken] {
            try "old\n".write(toFile: file, atomically: false, encoding: .utf8)
            #expect(chown(file, 4321, 4322) == 0)
        }
        try AtomicFileWriter.write("new\n", to: kept, options: .keepOwner)
        try AtomicFileWriter.write("new\n", to: taken)
        func owner(_ path: String) -> (uid_t, gid_t) { var info = stat(); _ = stat(path, &info); return (info.st_uid, info.st_gid) }
        #expect(owner(kept) == (4321, 4322))
        #expect(owner(taken) == (0, 0))
        #expect(try String(contentsOfFile: kept, encoding: .utf8) == "new\n")
    }

    @Test func aNewFilesModeLosesTheUmaskOnlyWhenAsked() throws {
        let status = try String(contentsOfFile: "/proc/self/status", encoding: .utf8)
        let line = try #require(status.split(separator: "\n").first { $0.hasPrefix("Umask:") })
        let umask = try #require(Int(line.dropFirst("Umask:".count).trimmingCharacters(in: .whitespaces), radix: 8))
        let directory = try TestPaths.temporaryDirectory("atomic")
        let masked = directory.appendingPathComponent("masked.yaml").path
        let exact = directory.appendingPathComponent("exact.yaml").path
        try AtomicFileWriter.write("x\n", to: masked, mode: 0o666, options: .applyUmask)
        try AtomicFileWriter.write("x\n", to: exact, mode: 0o666)
        #expect(try FileManager.default.attributesOfItem(atPath: masked)[.posixPermissions] as? Int == 0o666 & ~umask)
        #expect(try FileManager.default.attributesOfItem(atPath: exact)[.posixPermissions] as? Int == 0o666)
        // An existing file keeps its mode either way.
        chmod(masked, 0o604)
        try AtomicFileWriter.write("y\n", to: masked, mode: 0o666, options: .applyUmask)
        #expect(try FileManager.default.attributesOfItem(atPath: masked)[.posixPermissions] as? Int == 0o604)
    }

    @Test func aMissingDirectoryIsAClearError() {
        #expect {
            try AtomicFileWriter.write("x", to: "/nonexistent-dir-feedwatch/f.yaml")
        } throws: { error in
            "\(error)".contains("/nonexistent-dir-feedwatch") && "\(error)".contains("cannot create a temporary file")
        }
    }
}
