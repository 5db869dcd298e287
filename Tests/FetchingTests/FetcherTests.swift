import Foundation
import Testing
import TestSupport
@testable import Fetching

/// libcurl against a real HTTP server on 127.0.0.1.
struct FetcherTests {
    let server: TestHTTPServer
    let fetcher = Fetcher(userAgent: "feedwatch-test/1")

    init() throws {
        server = try TestHTTPServer()
    }

    @Test func fetchesABodyWithValidators() async throws {
        server.route("/feed", { _ in .init(status: 200, headers: [("Content-Type", "application/rss+xml; charset=utf-8"), ("ETag", "\"abc\""), ("Last-Modified", "Wed, 08 Aug 2018 10:00:00 GMT")], body: Array("<rss/>".utf8)) })
        let response = try await fetcher.fetch(FetchRequest(url: server.baseURL + "/feed"))
        #expect(response.status == 200)
        #expect(response.body == Array("<rss/>".utf8))
        #expect(response.etag == "\"abc\"")
        #expect(response.lastModified == "Wed, 08 Aug 2018 10:00:00 GMT")
        #expect(response.contentType == "application/rss+xml; charset=utf-8")
        let request = try #require(server.requests.first)
        #expect(request.headers["user-agent"] == "feedwatch-test/1")
        #expect(request.headers["accept-encoding"]?.contains("gzip") == true)
    }

    @Test func sendsValidatorsBackAndTreats304AsNotModified() async throws {
        server.route("/feed", { request in
            request.headers["if-none-match"] == "\"v1\"" ? .init(status: 304) : .init(status: 200, headers: [("ETag", "\"v1\"")], body: [1])
        })
        let response = try await fetcher.fetch(FetchRequest(url: server.baseURL + "/feed", etag: "\"v1\"", lastModified: "Wed, 08 Aug 2018 10:00:00 GMT"))
        #expect(response.notModified)
        #expect(response.body.isEmpty)
        #expect(server.requests.first?.headers["if-modified-since"] == "Wed, 08 Aug 2018 10:00:00 GMT")
    }

    @Test func followsRedirectsAndRecordsPermanentOnes() async throws {
        server.route("/old", { _ in .init(status: 301, headers: [("Location", "/new")]) })
        server.route("/new", { _ in .init(status: 200, body: [42]) })
        let response = try await fetcher.fetch(FetchRequest(url: server.baseURL + "/old"))
        #expect(response.body == [42])
        #expect(response.effectiveURL == server.baseURL + "/new")
        #expect(response.redirects == [301])
        #expect(response.permanentlyMoved)
    }

    @Test func neverFollowsARedirectToAFile() async throws {
        server.route("/evil", { _ in .init(status: 302, headers: [("Location", "file:///etc/passwd")]) })
        await #expect(throws: FetchError.self) {
            _ = try await fetcher.fetch(FetchRequest(url: server.baseURL + "/evil", allowFileURL: true))
        }
    }

    @Test func stopsAfterFiveRedirects() async throws {
        server.route("/loop", { _ in .init(status: 302, headers: [("Location", "/loop")]) })
        do {
            _ = try await fetcher.fetch(FetchRequest(url: server.baseURL + "/loop"))
            Issue.record("a redirect loop succeeded")
        } catch let error as FetchError {
            guard case .transport = error else { Issue.record("unexpected \(error)"); return }
        }
        #expect(server.requests.count == 6)
    }

    @Test func refusesOtherSchemes() async throws {
        for url in ["ftp://127.0.0.1/x", "gopher://127.0.0.1/", "file:///etc/passwd", "javascript:alert(1)"] {
            await #expect(throws: FetchError.unsupportedScheme(url)) { _ = try await fetcher.fetch(FetchRequest(url: url)) }
        }
    }

    @Test func readsAConfiguredFileURL() async throws {
        let response = try await fetcher.fetch(FetchRequest(url: TestPaths.sample("world-news.rss.xml").absoluteString, allowFileURL: true))
        #expect(response.status == 200)
        #expect(response.body == (try TestPaths.sampleBytes("world-news.rss.xml")))
    }

    @Test func abortsBodiesPastTheLimit() async throws {
        server.route("/big", { _ in .init(status: 200, headers: [("Transfer-Encoding", "identity")], body: [UInt8](repeating: 65, count: 200_000)) })
        var limits = FetchLimits()
        limits.maxBodyBytes = 50_000
        await #expect(throws: FetchError.tooLarge(limit: 50_000)) {
            _ = try await fetcher.fetch(FetchRequest(url: server.baseURL + "/big", limits: limits))
        }
    }

    @Test func reportsHTTPErrors() async throws {
        await #expect(throws: FetchError.httpStatus(404)) { _ = try await fetcher.fetch(FetchRequest(url: server.baseURL + "/missing")) }
    }

    @Test func reportsConnectionFailures() async throws {
        let closed = try TestHTTPServer()
        let url = closed.baseURL + "/x"
        closed.stop()
        do {
            _ = try await fetcher.fetch(FetchRequest(url: url))
            Issue.record("fetch from a closed port succeeded")
        } catch let error as FetchError {
            guard case let .transport(code, message) = error else { Issue.record("unexpected \(error)"); return }
            #expect(code == 7)
            #expect(!message.isEmpty)
        }
    }

    @Test func abortsServersThatTrickle() async throws {
        server.route("/slow", { _ in .init(status: 200, body: [UInt8](repeating: 65, count: 100), trickle: 1) })
        var limits = FetchLimits()
        limits.totalTimeoutSeconds = 2
        await #expect(throws: FetchError.self) {
            _ = try await fetcher.fetch(FetchRequest(url: server.baseURL + "/slow", limits: limits))
        }
    }

    @Test func manyConcurrentFetchesAllComplete() async throws {
        server.route("/n", { _ in .init(status: 200, body: Array("ok".utf8)) })
        let results = try await withThrowingTaskGroup(of: Int.self) { group in
            for _ in 0..<40 { group.addTask { try await fetcher.fetch(FetchRequest(url: server.baseURL + "/n")).body.count } }
            return try await group.reduce(0, +)
        }
        #expect(results == 80)
    }

    @Test func cancellationEndsAFetch() async throws {
        server.route("/hang", { _ in .init(status: 200, body: [UInt8](repeating: 65, count: 1000), trickle: 1) })
        // No limit of its own that a test starved of CPU for a minute could reach first.
        var limits = FetchLimits()
        limits.totalTimeoutSeconds = 3600
        limits.lowSpeedSeconds = 3600
        let task = Task { [limits] in try await fetcher.fetch(FetchRequest(url: server.baseURL + "/hang", limits: limits)) }
        try await Task.sleep(nanoseconds: 200_000_000)
        task.cancel()
        await #expect(throws: FetchError.cancelled) { _ = try await task.value }
    }
}

extension FetcherTests {
    @Test func throttlingCarriesRetryAfter() async throws {
        server.route("/busy", { _ in .init(status: 429, headers: [("Retry-After", "120")]) })
        server.route("/down", { _ in .init(status: 503, headers: [("Retry-After", "Wed, 21 Oct 2015 07:28:00 GMT")]) })
        await #expect(throws: FetchError.throttled(status: 429, retryAfter: "120", from: server.baseURL + "/busy")) {
            _ = try await fetcher.fetch(FetchRequest(url: server.baseURL + "/busy"))
        }
        await #expect(throws: FetchError.throttled(status: 503, retryAfter: "Wed, 21 Oct 2015 07:28:00 GMT", from: server.baseURL + "/down")) {
            _ = try await fetcher.fetch(FetchRequest(url: server.baseURL + "/down"))
        }
        // Redirected to another host that throttles: that host is named, so that it is the one to rest.
        let elsewhere = "http://localhost:\(server.port)/busy"
        server.route("/via", { _ in .init(status: 302, headers: [("Location", elsewhere)]) })
        await #expect(throws: FetchError.throttled(status: 429, retryAfter: "120", from: elsewhere)) {
            _ = try await fetcher.fetch(FetchRequest(url: server.baseURL + "/via"))
        }
    }

    @Test func gzipBodiesAreDecoded() async throws {
        let plain = Array(String(repeating: "<item>Putin</item>", count: 500).utf8)
        let compressed = try ProcessRunner.gzip(plain)
        server.route("/gz", { _ in .init(status: 200, headers: [("Content-Encoding", "gzip")], body: compressed) })
        let response = try await fetcher.fetch(FetchRequest(url: server.baseURL + "/gz"))
        #expect(response.body == plain)
        #expect(compressed.count < plain.count / 5)
    }

    @Test func aCompressedBodyThatExpandsPastTheLimitIsAborted() async throws {
        let bomb = try ProcessRunner.gzip([UInt8](repeating: 0x41, count: 5_000_000))
        server.route("/bomb", { _ in .init(status: 200, headers: [("Content-Encoding", "gzip")], body: bomb) })
        var limits = FetchLimits()
        limits.maxBodyBytes = 1_000_000
        await #expect(throws: FetchError.tooLarge(limit: 1_000_000)) { _ = try await fetcher.fetch(FetchRequest(url: server.baseURL + "/bomb", limits: limits)) }
        #expect(bomb.count < 1_000_000, "the compressed body itself is under the limit")
    }
}
