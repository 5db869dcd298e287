import Foundation
import Testing
import TestSupport

/// Proxies come from the usual environment variables (libcurl reads them; feedwatch sets no
/// proxy of its own): the test server plays the proxy for a host that does not exist.
struct ProxyEndToEndTests {
    @Test func fetchesThroughTheProxyTheEnvironmentNames() throws {
        let proxy = try TestHTTPServer()
        let world = try TestPaths.sampleBytes("world-news.rss.xml")
        proxy.route("/world.rss", { _ in .init(status: 200, headers: [("Content-Type", "application/rss+xml")], body: world) })
        let result = try ProcessRunner.run(TestPaths.feedwatchBinary, ["parse", "--stats", "http://feeds.invalid/world.rss"],
                                           environment: ["http_proxy": proxy.baseURL, "no_proxy": "", "NO_PROXY": ""])
        #expect(result.status == 0, "stderr: \(result.stderr)")
        #expect(result.stdout.contains("entries=4"))
        let request = try #require(proxy.requests.first)
        #expect(request.target == "http://feeds.invalid/world.rss", "asked as a proxy, in absolute form")
        #expect(request.headers["host"] == "feeds.invalid")
    }

    @Test func noProxyExemptsAHost() throws {
        let proxy = try TestHTTPServer()
        let origin = try TestHTTPServer()
        origin.route("/world.rss", { _ in .init(status: 200, headers: [("Content-Type", "application/rss+xml")],
                                                body: (try? TestPaths.sampleBytes("world-news.rss.xml")) ?? []) })
        let result = try ProcessRunner.run(TestPaths.feedwatchBinary, ["parse", "--stats", origin.baseURL + "/world.rss"],
                                           environment: ["http_proxy": proxy.baseURL, "no_proxy": "127.0.0.1"])
        #expect(result.status == 0, "stderr: \(result.stderr)")
        #expect(proxy.requests.isEmpty)
        #expect(origin.requests.count == 1)
    }
}
