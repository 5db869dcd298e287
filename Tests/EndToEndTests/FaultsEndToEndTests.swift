#if canImport(Glibc)
import Glibc
#endif
import Foundation
import Testing
import TestSupport

/// Full disks, unwritable logs, damaged and busy state files, log rotation: a clear message,
/// nothing lost.
@Suite(.serialized)
struct FaultsEndToEndTests {
    let server: TestHTTPServer
    let directory: URL
    let config: URL

    init() throws {
        server = try TestHTTPServer()
        let world = try TestPaths.sampleBytes("world-news.rss.xml")
        let europe = try TestPaths.sampleBytes("europe-desk.atom.xml")
        server.route("/world", { _ in .init(status: 200, body: world) })
        server.route("/europe", { _ in .init(status: 200, body: europe) })
        directory = try TestPaths.temporaryDirectory("feedwatch-faults")
        config = directory.appendingPathComponent("feedwatch.yaml")
        try writeConfig(feeds: ["/world"])
    }

    func writeConfig(feeds: [String]) throws {
        let lists = TestPaths.packageRoot.appendingPathComponent("config/watchlists.d").path
        // fetch_timeout: 10m, so a slow transfer is still running whenever a test starved of CPU
        // (two cores, the whole suite in parallel) gets round to stopping the daemon.
        try ("state: state.sqlite\nalert_log: log/alerts.jsonl\nbackfill: all\nfetch_timeout: 10m\nwatchlists: \(lists)\nfeeds:\n"
             + feeds.map { "  - url: \(server.baseURL)\($0)\n" }.joined())
            .write(to: config, atomically: true, encoding: .utf8)
    }

    var log: URL { directory.appendingPathComponent("log/alerts.jsonl") }

    func feedwatch(_ arguments: String...) throws -> ProcessResult {
        try ProcessRunner.run(TestPaths.feedwatchBinary, arguments)
    }

    /// Whether process `pid` has `path` open (Linux: /proc/PID/fd).
    static func hasOpen(_ pid: Int32, _ path: String) -> Bool {
        let resolved = URL(fileURLWithPath: path).resolvingSymlinksInPath().path
        let fds = (try? FileManager.default.contentsOfDirectory(atPath: "/proc/\(pid)/fd")) ?? []
        return fds.contains { (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/\(pid)/fd/\($0)")) == resolved }
    }

    func lineCount(_ url: URL) throws -> Int {
        try String(contentsOf: url, encoding: .utf8).split(separator: "\n").count
    }

    @Test func aFullDiskKeepsAlertsUntilSpaceReturns() throws {
        // /dev/full answers every write with ENOSPC, like a full file system.
        try FileManager.default.createDirectory(at: log.deletingLastPathComponent(), withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: log.path, withDestinationPath: "/dev/full")
        let blocked = try feedwatch("run", "--once", "--config", config.path)
        #expect(blocked.status == 1)
        #expect(blocked.stderr.contains("No space left on device"), "\(blocked.stderr)")
        #expect(blocked.stderr.contains("9 alerts wait in the outbox"), "\(blocked.stderr)")
        #expect(blocked.stdout.contains("1 fetched"))

        // Space returns (the log is a real file again): the next run writes them, once.
        try FileManager.default.removeItem(at: log)
        let freed = try feedwatch("run", "--once", "--config", config.path)
        #expect(freed.status == 0, "\(freed.stderr)")
        #expect(try lineCount(log) == 9)
        #expect(try feedwatch("run", "--once", "--config", config.path).status == 0)
        #expect(try lineCount(log) == 9)
    }

    @Test func anUnwritableLogDirectoryIsReportedAndPollingGoesOn() throws {
        try FileManager.default.createDirectory(at: log.deletingLastPathComponent(), withIntermediateDirectories: true)
        try "not a directory".write(to: log, atomically: true, encoding: .utf8)
        try FileManager.default.removeItem(at: log)
        try FileManager.default.createDirectory(at: log, withIntermediateDirectories: true) // the log path is a directory
        let run = try feedwatch("run", "--once", "--config", config.path)
        #expect(run.status == 1)
        #expect(run.stderr.contains("cannot write alert log \(log.path)"), "\(run.stderr)")
        #expect(run.stdout.contains("4 new entries"), "polling went on: \(run.stdout)")
        try FileManager.default.removeItem(at: log)
        #expect(try feedwatch("run", "--once", "--config", config.path).status == 0)
        #expect(try lineCount(log) == 9)
    }

    @Test func aDamagedStateFileGivesAClearMessage() throws {
        try Data(repeating: 0x5A, count: 8192).write(to: directory.appendingPathComponent("state.sqlite"))
        let run = try feedwatch("run", "--once", "--config", config.path)
        #expect(run.status == 1)
        #expect(run.stderr.contains("state.sqlite"), "\(run.stderr)")
        #expect(run.stderr.contains("not a database"))
        #expect(run.stderr.contains("move it aside"))
        #expect(!run.stderr.contains("Fatal error"))
    }

    @Test func aSecondDaemonOnTheSameStateIsRefused() async throws {
        let first = try DaemonProcess(config: config.path)
        defer { first.stop() }
        // Wait until the first daemon holds the lock (it has written the demo alerts).
        #expect(await eventually { (try? lineCount(log)) == 9 })
        let second = try feedwatch("run", "--once", "--config", config.path)
        #expect(second.status == 1)
        #expect(second.stderr.contains("is in use by another `feedwatch run`"), "\(second.stderr)")
    }

    @Test func sigtermStopsTheDaemonGracefully() async throws {
        let daemon = Process()
        daemon.executableURL = TestPaths.feedwatchBinary
        daemon.arguments = ["run", "--config", config.path]
        let errors = Pipe()
        daemon.standardError = errors
        try daemon.run()
        #expect(await eventually { (try? lineCount(log)) == 9 })
        daemon.terminate()
        daemon.waitUntilExit()
        #expect(daemon.terminationReason == .exit)
        #expect(daemon.terminationStatus == 0)
        let text = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        #expect(text.contains("stopped"))
        #expect(try lineCount(log) == 9)
    }

    /// A transfer that would take minutes must not hold up `systemctl stop`: the service group's
    /// graceful shutdown cancels it, commits what was read and exits 0, for SIGTERM and SIGINT.
    @Test(arguments: [SIGTERM, SIGINT])
    func aStopCancelsTransfersInFlight(signal: Int32) async throws {
        let slow = Array(repeating: UInt8(ascii: " "), count: 200_000)
        server.route("/slow", { _ in .init(status: 200, headers: [("Content-Type", "application/rss+xml")], body: slow, trickle: 20) })
        try writeConfig(feeds: ["/world", "/slow"])
        let daemon = Process()
        daemon.executableURL = TestPaths.feedwatchBinary
        daemon.arguments = ["run", "--config", config.path]
        let errors = Pipe()
        daemon.standardError = errors
        try daemon.run()
        // The slow feed holds the cycle open; the other feed's alerts are written meanwhile.
        let deadline = Date().addingTimeInterval(60)
        while (try? lineCount(log)) != 9, Date() < deadline { try await Task.sleep(nanoseconds: 50_000_000) }
        #expect((try? lineCount(log)) == 9, "alerts waited for the slowest feed of the cycle")
        #expect(server.requests.contains { $0.path == "/slow" })
        kill(daemon.processIdentifier, signal)
        // A bound on behaviour, not a speed test: without cancellation this takes 30+ minutes.
        var waited = 0
        while daemon.isRunning, waited < 300 { try await Task.sleep(nanoseconds: 100_000_000); waited += 1 }
        if daemon.isRunning { daemon.interrupt(); kill(daemon.processIdentifier, SIGKILL) }
        daemon.waitUntilExit()
        #expect(waited < 300, "the daemon did not stop within 30 s of signal \(signal)")
        #expect(daemon.terminationReason == .exit)
        #expect(daemon.terminationStatus == 0)
        let text = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        #expect(text.contains("stopped"), "\(text)")
        #expect(!text.contains("timed out"), "the signal, not a timeout, ended the slow transfer: \(text)")
        #expect(try lineCount(log) == 9)
    }

    @Test func rotationByRenameStartsAFreshLogAndTailFollowsIt() async throws {
        _ = try feedwatch("run", "--once", "--config", config.path)
        #expect(try lineCount(log) == 9)

        // A follower started before the rotation must see the alerts written after it.
        let tail = Process()
        tail.executableURL = TestPaths.feedwatchBinary
        tail.arguments = ["tail", "-f", "-n", "0", "--json", "--log", log.path]
        let outputURL = directory.appendingPathComponent("tail.out")
        FileManager.default.createFile(atPath: outputURL.path, contents: nil)
        let output = try FileHandle(forWritingTo: outputURL)
        defer { try? output.close() }
        tail.standardOutput = output
        try tail.run()
        defer { if tail.isRunning { tail.terminate() } }
        // Until the follower has the log open: one that opened it only after the rotation would
        // start at the new file's end and see nothing (a race, not the behaviour under test).
        let opened = Date().addingTimeInterval(60)
        while !Self.hasOpen(tail.processIdentifier, log.path), Date() < opened { try await Task.sleep(nanoseconds: 20_000_000) }
        #expect(Self.hasOpen(tail.processIdentifier, log.path), "tail never opened the log")

        let rotated = URL(fileURLWithPath: log.path + ".1")
        try FileManager.default.moveItem(at: log, to: rotated)
        try writeConfig(feeds: ["/world", "/europe"])
        let run = try feedwatch("run", "--once", "--config", config.path)
        #expect(run.status == 0)
        #expect(try lineCount(rotated) == 9)
        #expect(try lineCount(log) == 2)

        let lines = { String(decoding: (try? Data(contentsOf: outputURL)) ?? Data(), as: UTF8.self).split(separator: "\n") }
        let arrived = Date().addingTimeInterval(60)
        while lines().count < 2, Date() < arrived { try await Task.sleep(nanoseconds: 50_000_000) }
        try await Task.sleep(nanoseconds: 300_000_000) // anything past the two would show too
        tail.terminate()
        tail.waitUntilExit()
        let followed = lines()
        #expect(followed.count == 2, "\(followed)")
        #expect(followed.allSatisfy { $0.contains("Europe Desk") })
    }

    @Test func copytruncateKeepsAppendingAtTheNewEnd() throws {
        _ = try feedwatch("run", "--once", "--config", config.path)
        let copy = try Data(contentsOf: log)
        try copy.write(to: URL(fileURLWithPath: log.path + ".1"))
        let handle = try FileHandle(forWritingTo: log)
        try handle.truncate(atOffset: 0)
        try handle.close()
        try writeConfig(feeds: ["/world", "/europe"])
        #expect(try feedwatch("run", "--once", "--config", config.path).status == 0)
        let text = try String(contentsOf: log, encoding: .utf8)
        #expect(text.split(separator: "\n").count == 2)
        #expect(text.hasPrefix("{\"id\":"), "no hole of NUL bytes at the start")
    }

    @Test func theShippedLogrotateConfigRotatesForReal() throws {
        _ = try feedwatch("run", "--once", "--config", config.path)
        let shipped = try String(contentsOf: TestPaths.packageRoot.appendingPathComponent("config/logrotate.d/feedwatch"), encoding: .utf8)
        #expect(shipped.contains("/var/log/feedwatch/alerts.jsonl {"))
        let rotateConfig = directory.appendingPathComponent("logrotate.conf")
        try shipped.replacingOccurrences(of: "/var/log/feedwatch/alerts.jsonl", with: log.path)
            .write(to: rotateConfig, atomically: true, encoding: .utf8)
        let logrotate = try ProcessRunner.run(URL(fileURLWithPath: "/usr/sbin/logrotate"),
                                              ["--state", directory.appendingPathComponent("lr.state").path, "-f", rotateConfig.path])
        #expect(logrotate.status == 0, "\(logrotate.stderr)")
        #expect(!FileManager.default.fileExists(atPath: log.path), "nocreate: feedwatch creates the new log itself")
        #expect(try lineCount(URL(fileURLWithPath: log.path + ".1")) == 9, "delaycompress keeps .1 readable")

        try writeConfig(feeds: ["/world", "/europe"])
        #expect(try feedwatch("run", "--once", "--config", config.path).status == 0)
        #expect(try lineCount(log) == 2)
    }
}
