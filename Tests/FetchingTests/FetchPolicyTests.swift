import Foundation
import Testing
import TestSupport
@testable import Fetching

/// What the fetcher promises servers and users beyond a plain GET: which redirects move a feed,
/// how many requests a host gets at once, that TLS is verified, that proxies are honoured.
struct FetchPolicyTests {
    let server: TestHTTPServer

    init() throws {
        server = try TestHTTPServer()
    }

    @Test func everyRedirectIsFollowedButOnlyPermanentOnesMoveTheFeed() async throws {
        let fetcher = Fetcher()
        server.route("/target", { _ in .init(status: 200, body: [7]) })
        for status in [301, 302, 303, 307, 308] {
            server.route("/r\(status)", { _ in .init(status: status, headers: [("Location", "/target")]) })
        }
        server.route("/chain", { _ in .init(status: 301, headers: [("Location", "/r307")]) })
        for (status, permanent) in [(301, true), (308, true), (302, false), (303, false), (307, false)] {
            let response = try await fetcher.fetch(FetchRequest(url: server.baseURL + "/r\(status)"))
            #expect(response.body == [7])
            #expect(response.redirects == [status])
            #expect(response.permanentlyMoved == permanent, "HTTP \(status)")
        }
        // Moved for good, then only for now: the feed's address stays as configured.
        let chained = try await fetcher.fetch(FetchRequest(url: server.baseURL + "/chain"))
        #expect(chained.redirects == [301, 307])
        #expect(!chained.permanentlyMoved)
    }

    @Test func theConnectionCapPerHostBoundsTheRequestsAServerGetsAtOnce() async throws {
        for cap in [2, 4] {
            let host = try TestHTTPServer()
            // Each request is held until the server has seen requests overlap (or 10 s pass): on
            // a loaded machine the fetches may start seconds apart, and a fixed hold would then
            // leave each alone. Server threads wait here, not the test's, so nothing is starved.
            let overlap = min(cap, 3)
            host.route("/slow", { _ in
                let deadline = Date().addingTimeInterval(10)
                while host.peakConcurrentRequests < overlap, Date() < deadline { usleep(10_000) }
                usleep(50_000)
                return .init(status: 200, body: [1])
            })
            let fetcher = Fetcher(maxConnectionsPerHost: cap)
            await withTaskGroup(of: Void.self) { group in
                for i in 0..<8 {
                    group.addTask { _ = try? await fetcher.fetch(FetchRequest(url: host.baseURL + "/slow?n=\(i)")) }
                }
            }
            #expect(host.requests.count == 8)
            #expect(host.peakConcurrentRequests <= cap, "cap \(cap)")
            if cap == 4 { #expect(host.peakConcurrentRequests >= 3, "the server can see requests overlap") }
            host.stop()
        }
    }

    @Test func refusesAServerWhoseCertificateItCannotVerify() async throws {
        // A real TLS server on 127.0.0.1 with a self-signed certificate for 127.0.0.1: libcurl must
        // refuse it (CURLE_PEER_FAILED_VERIFICATION), and no request reaches the server.
        let tls = try SelfSignedTLSServer()
        defer { tls.stop() }
        do {
            _ = try await Fetcher().fetch(FetchRequest(url: "https://127.0.0.1:\(tls.port)/feed.xml"))
            Issue.record("a certificate nobody signed was accepted")
        } catch let FetchError.transport(code, message) {
            #expect(code == 60, "\(message)")
        }
        #expect(tls.requestsServed() == 0)
    }
}

/// Python's HTTPS server with a certificate openssl made for this test alone.
final class SelfSignedTLSServer: @unchecked Sendable {
    let port: Int
    private let process = Process()
    private let directory: URL

    init() throws {
        directory = try TestPaths.temporaryDirectory("tls")
        let script = """
            import http.server, ssl, subprocess, sys
            d = sys.argv[1]
            subprocess.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1",
                            "-keyout", d + "/key.pem", "-out", d + "/cert.pem", "-subj", "/CN=127.0.0.1",
                            "-addext", "subjectAltName=IP:127.0.0.1"], check=True, capture_output=True)
            class Handler(http.server.BaseHTTPRequestHandler):
                def do_GET(self):
                    open(d + "/served", "a").write(self.path + "\\n")
                    self.send_response(200); self.end_headers(); self.wfile.write(b"<rss/>")
            server = http.server.HTTPServer(("127.0.0.1", 0), Handler)
            context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
            context.load_cert_chain(d + "/cert.pem", d + "/key.pem")
            server.socket = context.wrap_socket(server.socket, server_side=True)
            print(server.server_address[1], flush=True)
            server.serve_forever()
            """
        process.executableURL = URL(fileURLWithPath: "/usr/bin/python3")
        process.arguments = ["-c", script, directory.path]
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        try process.run()
        var line = Data()
        while !line.contains(0x0A) {
            let chunk = out.fileHandleForReading.availableData
            if chunk.isEmpty { break }
            line.append(chunk)
        }
        guard let port = Int(String(decoding: line, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)) else {
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            try? FileManager.default.removeItem(at: directory)
            throw POSIXError(.EIO)
        }
        self.port = port
    }

    func requestsServed() -> Int {
        ((try? String(contentsOf: directory.appendingPathComponent("served"), encoding: .utf8)) ?? "").split(separator: "\n").count
    }

    func stop() {
        // SIGKILL: the child may inherit a mask that blocks SIGTERM from the test runner's thread.
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        try? FileManager.default.removeItem(at: directory) // the private key too
    }
}
