import Foundation
import Testing
import TestSupport

/// The sd_notify protocol as systemd sees it, against a datagram socket of the test's own,
/// and the unit file as systemd's own analyser judges it.
@Suite(.serialized)
struct SystemdEndToEndTests {
    /// A NOTIFY_SOCKET: records every datagram with its arrival time.
    final class NotifyListener: @unchecked Sendable {
        let path: String
        private let fd: Int32
        private let lock = NSLock()
        private var received: [(Date, String)] = []

        init() throws {
            path = FileManager.default.temporaryDirectory.appendingPathComponent("notify-\(UUID().uuidString.prefix(8))").path
            fd = socket(AF_UNIX, Int32(SOCK_DGRAM.rawValue), 0)
            var address = sockaddr_un()
            address.sun_family = sa_family_t(AF_UNIX)
            withUnsafeMutableBytes(of: &address.sun_path) { raw in for (i, b) in path.utf8.enumerated() { raw[i] = b } }
            let bound = withUnsafePointer(to: &address) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_un>.size)) }
            }
            guard fd >= 0, bound == 0 else { throw POSIXError(.EADDRINUSE) }
            var timeout = timeval(tv_sec: 0, tv_usec: 200_000)
            setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
            Thread { [self] in self.loop() }.start()
        }

        private func loop() {
            var buffer = [UInt8](repeating: 0, count: 4096)
            while true {
                let n = buffer.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
                if n > 0 {
                    lock.lock()
                    received.append((Date(), String(decoding: buffer[0..<n], as: UTF8.self)))
                    lock.unlock()
                } else if n < 0, errno != EAGAIN, errno != EWOULDBLOCK, errno != EINTR {
                    return
                }
            }
        }

        var messages: [(Date, String)] {
            lock.lock()
            defer { lock.unlock() }
            return received
        }

        /// Whether `text` arrives within `seconds`. Checked once more at the deadline: in the full
        /// parallel run other tests' blocking waits can hold this task off the cooperative pool
        /// for longer than the deadline (a READY=1 that came in time was once missed that way).
        func wait(for text: String, after: Int = 0, seconds: Double = 45) async -> Bool {
            let deadline = Date().addingTimeInterval(seconds)
            func arrived() -> Bool { messages.dropFirst(after).contains(where: { $0.1.contains(text) }) }
            while Date() < deadline {
                if arrived() { return true }
                try? await Task.sleep(nanoseconds: 50_000_000)
            }
            return arrived()
        }

        deinit {
            close(fd)
            unlink(path)
        }
    }

    func startDaemon(_ listener: NotifyListener, extra: [String: String] = [:]) throws -> Process {
        let directory = try TestPaths.temporaryDirectory("feedwatch-notify")
        let lists = TestPaths.packageRoot.appendingPathComponent("config/watchlists.d").path
        let feed = TestPaths.sample("world-news.rss.xml").path
        let config = directory.appendingPathComponent("f.yaml")
        try "state: s.sqlite\nalert_log: a.jsonl\nbackfill: all\nwatchlists: \(lists)\nfeeds:\n  - url: file://\(feed)\n"
            .write(to: config, atomically: true, encoding: .utf8)
        let process = Process()
        process.executableURL = TestPaths.feedwatchBinary
        process.arguments = ["run", "--config", config.path]
        var environment = ProcessInfo.processInfo.environment
        environment["NOTIFY_SOCKET"] = listener.path
        environment["WATCHDOG_USEC"] = "1000000"
        for (k, v) in extra { environment[k] = v }
        process.environment = environment
        process.standardError = FileHandle.nullDevice
        try process.run()
        return process
    }

    @Test(.timeLimit(.minutes(10)))
    func readyWatchdogReloadAndStop() async throws {
        let listener = try NotifyListener()
        let daemon = try startDaemon(listener)
        defer { if daemon.isRunning { daemon.terminate() } }
        #expect(await listener.wait(for: "READY=1"), "no READY=1: \(listener.messages.map(\.1))")
        #expect(listener.messages.first { $0.1.contains("READY=1") }?.1.contains("STATUS=watching 1 feeds") == true)
        #expect(await listener.wait(for: "1 polled, 0 failing; 9 alerts today (UTC)"), "\(listener.messages.map(\.1))")

        // WATCHDOG_USEC=1 s: a ping about every half second while the loop runs. The window is
        // the time actually slept: on a loaded machine (or under a sanitizer) a 2 s sleep can
        // last twice as long, and the pings are counted by their arrival times within it.
        let start = Date()
        try await Task.sleep(nanoseconds: 2_000_000_000)
        let end = Date()
        let pings = listener.messages.filter { $0.1 == "WATCHDOG=1" && $0.0 >= start && $0.0 <= end }.count
        let expected = Int(end.timeIntervalSince(start) / 0.5)
        // Two short, or a fifth short when the sleep stretched to a minute (a daemon on a loaded
        // machine drifts a few per cent); pinging only once a second would be half.
        #expect((max(1, min(expected - 2, expected * 4 / 5))...(expected + 2)).contains(pings),
                "\(pings) watchdog pings in \(end.timeIntervalSince(start)) s")

        let mark = listener.messages.count
        kill(daemon.processIdentifier, SIGHUP)
        #expect(await listener.wait(for: "RELOADING=1", after: mark))
        let reloading = listener.messages.dropFirst(mark).first { $0.1.contains("RELOADING=1") }?.1 ?? ""
        #expect(reloading.contains("MONOTONIC_USEC="))
        #expect(await listener.wait(for: "READY=1", after: mark))
        #expect(daemon.isRunning, "a reload must not kill the daemon")

        let stopMark = listener.messages.count
        daemon.terminate()
        daemon.waitUntilExit()
        #expect(await listener.wait(for: "STOPPING=1", after: stopMark, seconds: 20))
        #expect(daemon.terminationReason == .exit && daemon.terminationStatus == 0)
    }

    @Test(.timeLimit(.minutes(10)))
    func aStalledLoopStopsTheWatchdog() async throws {
        let listener = try NotifyListener()
        let daemon = try startDaemon(listener, extra: ["FEEDWATCH_TEST_STALL": "1"])
        defer { if daemon.isRunning { daemon.terminate(); daemon.waitUntilExit() } }
        #expect(await listener.wait(for: "READY=1"))
        try await Task.sleep(nanoseconds: 1_000_000_000)
        let settled = listener.messages.count
        try await Task.sleep(nanoseconds: 2_000_000_000)
        let late = listener.messages.dropFirst(settled).filter { $0.1 == "WATCHDOG=1" }.count
        #expect(late == 0, "a hung loop must not be kept alive by pings (\(late) sent)")
    }

    @Test func theUnitPassesSystemdsOwnChecks() throws {
        let analyze = URL(fileURLWithPath: "/usr/bin/systemd-analyze")
        try #require(FileManager.default.isExecutableFile(atPath: analyze.path), "systemd-analyze is missing: make test installs the systemd package")
        let directory = try TestPaths.temporaryDirectory("feedwatch-unit")
        let unit = directory.appendingPathComponent("feedwatch.service")
        // The shipped unit, pointing at the binary just built (verify checks that it exists).
        let shipped = try String(contentsOf: TestPaths.packageRoot.appendingPathComponent("systemd/feedwatch.service"), encoding: .utf8)
        try shipped.replacingOccurrences(of: "/usr/local/bin/feedwatch", with: TestPaths.feedwatchBinary.path)
            .write(to: unit, atomically: true, encoding: .utf8)
        let verify = try ProcessRunner.run(analyze, ["verify", unit.path])
        // Any output is a failure: verify exits 0 even on unknown keys (DESIGN.md, pitfalls).
        let complaints = (verify.stdout + verify.stderr).split(separator: "\n")
        #expect(complaints.isEmpty, "systemd-analyze verify: \(complaints)")
        let security = try ProcessRunner.run(analyze, ["security", "--offline=true", unit.path])
        let line = try #require((security.stdout + security.stderr).split(separator: "\n").last { $0.contains("Overall exposure level") })
        let score = try #require(line.split(separator: " ").compactMap { Double($0) }.first)
        #expect(score <= 1.5, "\(line)")
    }
}
