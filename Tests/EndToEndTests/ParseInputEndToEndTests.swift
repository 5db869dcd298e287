import Foundation
import Testing
import TestSupport

/// `parse` reads its input straight into one byte array (Sources/feedwatch/FileBytes.swift): from a
/// file, from a pipe in chunks, and says which path failed and why.
struct ParseInputEndToEndTests {
    func feedwatch(_ arguments: [String], stdin: String? = nil) throws -> ProcessResult {
        try ProcessRunner.run(TestPaths.feedwatchBinary, arguments, stdin: stdin)
    }

    /// An RSS feed of `items` items, large enough (at 1,000 items) to take several 64 KB reads from a pipe.
    func feed(items: Int) -> String {
        let item = (0..<items).map { "<item><title>Item \($0)</title><description>\(String(repeating: "x", count: 200))</description></item>" }
        return "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Piped</title>\(item.joined())</channel></rss>"
    }

    @Test func standardInputIsReadToTheEndAcrossManyReads() throws {
        let text = feed(items: 1000)
        #expect(text.utf8.count > 4 * 64 * 1024)
        let result = try feedwatch(["parse", "--stats", "-"], stdin: text)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("bytes=\(text.utf8.count) entries=1000 "), "\(result.stdout)")
    }

    @Test func aFileIsReadWhole() throws {
        let directory = try TestPaths.temporaryDirectory()
        let file = directory.appendingPathComponent("feed.xml")
        let text = feed(items: 300)
        try text.write(to: file, atomically: true, encoding: .utf8)
        let result = try feedwatch(["parse", "--stats", file.path])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("bytes=\(text.utf8.count) entries=300 "), "\(result.stdout)")
    }

    @Test func anEmptyFileIsAnEmptyFeedNotAnError() throws {
        let directory = try TestPaths.temporaryDirectory()
        let file = directory.appendingPathComponent("empty.xml")
        try Data().write(to: file)
        let result = try feedwatch(["parse", "--stats", file.path])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("bytes=0 entries=0 "), "\(result.stdout)")
    }

    @Test func unreadableInputsNameThePathAndTheReason() throws {
        let missing = try feedwatch(["parse", "/nonexistent/feed.xml"])
        #expect(missing.status == 1)
        #expect(missing.stderr.contains("/nonexistent/feed.xml: no such file"), "\(missing.stderr)")

        let directory = try TestPaths.temporaryDirectory()
        let folder = try feedwatch(["parse", directory.path])
        #expect(folder.status == 1)
        #expect(folder.stderr.contains("\(directory.path): cannot read it (Is a directory)"), "\(folder.stderr)")
    }

    /// An endless input (a feed whose description never ends, from `yes`) is read up to one byte
    /// past the parser's 64 MiB document limit, parsed as far as that, and reported.
    @Test func anEndlessStandardInputStopsAtTheDocumentLimit() throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", "(printf '<rss version=\"2.0\"><channel><title>T</title><description>'; exec yes aaaaaaaaaaaaaaa) | \"$0\" parse --json -",
                             TestPaths.feedwatchBinary.path]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        let printed = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        let text = String(decoding: printed, as: UTF8.self)
        #expect(text.contains("document larger than 67108864 bytes: only the first 67108864 were read"), "\(text.prefix(500))")
    }
}
