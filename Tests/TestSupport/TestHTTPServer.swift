import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A small HTTP/1.1 server on 127.0.0.1 (an ephemeral port) for tests: routes map a path to a
/// handler, and every request is recorded. Real sockets, real libcurl on the other side;
/// nothing leaves the machine.
public final class TestHTTPServer: @unchecked Sendable {
    public struct Request: Sendable {
        public var method: String
        public var path: String
        public var headers: [String: String]   // lower-cased names
        /// The request target as sent: the path, or a whole URL when the client took us for its
        /// proxy ("GET http://feeds.example/a.xml HTTP/1.1"); `path` is then that URL's path.
        public var target: String = ""
    }

    public struct Response: Sendable {
        public var status: Int
        public var headers: [(String, String)]
        public var body: [UInt8]
        /// Send the body this slowly (bytes per 100 ms); nil sends at once.
        public var trickle: Int?
        /// A body made on the fly: `chunk` again and again, `total` bytes in all (nil: until the
        /// client hangs up), without holding it in memory: for gigabyte and endless bodies.
        public var repeating: (chunk: [UInt8], total: Int?)?
        /// A body made while it is sent: `next` is called again and again and each piece sent
        /// as it comes, until it returns nil; the connection then closes (no Content-Length).
        /// For a server that must hold a transfer open until something else has happened.
        public var produce: (@Sendable () -> [UInt8]?)?

        public init(status: Int = 200, headers: [(String, String)] = [], body: [UInt8] = [], trickle: Int? = nil) {
            self.status = status
            self.headers = headers
            self.body = body
            self.trickle = trickle
        }

        /// A streamed body: `chunk` repeated up to `total` bytes, or forever when `total` is nil.
        public init(status: Int = 200, headers: [(String, String)] = [], repeating chunk: [UInt8], total: Int?) {
            self.init(status: status, headers: headers)
            repeating = (chunk, total)
        }

        /// A streamed body made by `next` (see `produce`).
        public static func producing(status: Int = 200, headers: [(String, String)] = [], _ next: @escaping @Sendable () -> [UInt8]?) -> Response {
            var response = Response(status: status, headers: headers)
            response.produce = next
            return response
        }

        public init(status: Int = 200, contentType: String = "application/xml", _ text: String) {
            self.init(status: status, headers: [("Content-Type", contentType)], body: Array(text.utf8))
        }
    }

    public typealias Handler = @Sendable (Request) -> Response

    public let port: Int
    private let listener: Int32
    private let lock = NSLock()
    private var routes: [String: Handler] = [:]
    private var log: [Request] = []
    private var stopped = false
    private var inFlight = 0
    private var peak = 0

    public var baseURL: String { "http://127.0.0.1:\(port)" }

    public init() throws {
        signal(SIGPIPE, SIG_IGN)
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw POSIXError(.EIO) }
        var yes: Int32 = 1
        setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &yes, socklen_t(MemoryLayout<Int32>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = 0
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard bound == 0, listen(fd, 64) == 0 else { close(fd); throw POSIXError(.EADDRINUSE) }
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
        }
        port = Int(UInt16(bigEndian: address.sin_port))
        listener = fd
        let thread = Thread { [self] in self.acceptLoop() }
        thread.start()
    }

    deinit { stop() }

    /// Serves `handler` for `path` (exact path, query string ignored).
    public func route(_ path: String, _ handler: @escaping Handler) {
        lock.lock()
        routes[path] = handler
        lock.unlock()
    }

    /// Requests received so far, oldest first.
    public var requests: [Request] {
        lock.lock()
        defer { lock.unlock() }
        return log
    }

    /// The most requests this server was answering at once (from reading a request to the end
    /// of its response): what a per-host connection cap must bound.
    public var peakConcurrentRequests: Int {
        lock.lock()
        defer { lock.unlock() }
        return peak
    }

    public func stop() {
        lock.lock()
        let wasStopped = stopped
        stopped = true
        lock.unlock()
        if !wasStopped {
            shutdown(listener, Int32(SHUT_RDWR))
            close(listener)
        }
    }

    private func acceptLoop() {
        while true {
            let client = accept(listener, nil, nil)
            if client < 0 {
                lock.lock()
                let done = stopped
                lock.unlock()
                if done { return }
                continue
            }
            let thread = Thread { [self] in self.serve(client) }
            thread.start()
        }
    }

    private func serve(_ fd: Int32) {
        defer { close(fd) }
        var timeout = timeval(tv_sec: 10, tv_usec: 0)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        var buffer: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 4096)
        while true {
            // Read one request head (bodies are not used by feed fetches).
            while !buffer.containsHeaderEnd {
                let n = chunk.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
                if n <= 0 { return }
                buffer.append(contentsOf: chunk[0..<n])
                if buffer.count > 64 << 10 { return }
            }
            let end = buffer.headerEndIndex!
            let head = String(decoding: buffer[0..<end], as: UTF8.self)
            buffer.removeFirst(end + 4)
            var lines = head.components(separatedBy: "\r\n")
            let requestLine = lines.removeFirst().split(separator: " ")
            guard requestLine.count >= 2 else { return }
            var headers: [String: String] = [:]
            for line in lines {
                guard let colon = line.firstIndex(of: ":") else { continue }
                headers[line[..<colon].lowercased()] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            }
            let target = String(requestLine[1])
            var pathPart = Substring(target)
            // Absolute form starts with a scheme; an origin-form target starts with "/", and
            // may carry "://" in its query (?url=http://…) without being a proxy request.
            if !pathPart.hasPrefix("/"), let scheme = pathPart.range(of: "://") {
                // A proxy request: the path is what follows the URL's host.
                let rest = pathPart[scheme.upperBound...]
                pathPart = rest.firstIndex(of: "/").map { rest[$0...] } ?? "/"
            }
            let path = String(pathPart.split(separator: "?", maxSplits: 1).first ?? "")
            let request = Request(method: String(requestLine[0]), path: path, headers: headers, target: target)
            lock.lock()
            log.append(request)
            let handler = routes[path]
            inFlight += 1
            peak = max(peak, inFlight)
            lock.unlock()
            let response = handler?(request) ?? Response(status: 404, contentType: "text/plain", "not found")
            let sent = send(response, to: fd)
            lock.lock()
            inFlight -= 1
            lock.unlock()
            guard sent else { return }
            if headers["connection"]?.lowercased() == "close" { return }
        }
    }

    private func send(_ response: Response, to fd: Int32) -> Bool {
        var head = "HTTP/1.1 \(response.status) \(Self.reason(response.status))\r\n"
        var hasLength = false
        for (name, value) in response.headers {
            head += "\(name): \(value)\r\n"
            if name.lowercased() == "content-length" { hasLength = true }
        }
        if response.produce != nil {
            if !hasLength { head += "Connection: close\r\n" }
        } else if let repeating = response.repeating {
            // A known total goes in Content-Length; an endless body ends only when the connection does.
            if !hasLength { head += repeating.total.map { "Content-Length: \($0)\r\n" } ?? "Connection: close\r\n" }
        } else if !hasLength { head += "Content-Length: \(response.body.count)\r\n" }
        head += "\r\n"
        guard writeAll(fd, Array(head.utf8)) else { return false }
        if let next = response.produce {
            while let piece = next() {
                guard writeAll(fd, piece) else { return false }
            }
            return false
        }
        if let (chunk, total) = response.repeating, !chunk.isEmpty {
            var sent = 0
            while total.map({ sent < $0 }) ?? true {
                let piece = total.map { Array(chunk.prefix($0 - sent)) } ?? chunk
                guard writeAll(fd, piece) else { return false }
                sent += piece.count
            }
            return total != nil
        }
        if let rate = response.trickle {
            var offset = 0
            while offset < response.body.count {
                let piece = Array(response.body[offset..<min(offset + rate, response.body.count)])
                guard writeAll(fd, piece) else { return false }
                offset += piece.count
                usleep(100_000)
            }
            return true
        }
        return writeAll(fd, response.body)
    }

    private func writeAll(_ fd: Int32, _ bytes: [UInt8]) -> Bool {
        var offset = 0
        while offset < bytes.count {
            let n = bytes.withUnsafeBytes { Glibc.send(fd, $0.baseAddress! + offset, $0.count - offset, Int32(MSG_NOSIGNAL)) }
            if n <= 0 { return false }
            offset += n
        }
        return true
    }

    static func reason(_ status: Int) -> String {
        switch status {
        case 200: return "OK"
        case 301: return "Moved Permanently"
        case 302: return "Found"
        case 304: return "Not Modified"
        case 308: return "Permanent Redirect"
        case 404: return "Not Found"
        case 410: return "Gone"
        case 429: return "Too Many Requests"
        case 500: return "Internal Server Error"
        case 503: return "Service Unavailable"
        default: return "Status"
        }
    }
}

extension Array where Element == UInt8 {
    var headerEndIndex: Int? {
        guard count >= 4 else { return nil }
        for i in 0...(count - 4) where self[i] == 13 && self[i + 1] == 10 && self[i + 2] == 13 && self[i + 3] == 10 {
            return i
        }
        return nil
    }

    var containsHeaderEnd: Bool { headerEndIndex != nil }
}
