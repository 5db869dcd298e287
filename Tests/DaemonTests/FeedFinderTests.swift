import FeedParsing
import Fetching
import Foundation
import Testing
import TestSupport
@testable import Daemon

/// What `feeds add URL` subscribes to: the feed itself, the page's announced feeds, or common paths.
struct FeedFinderTests {
    let server: TestHTTPServer
    let fetcher = Fetcher()
    let world: [UInt8]

    init() throws {
        server = try TestHTTPServer()
        world = try TestPaths.sampleBytes("world-news.rss.xml")
    }

    var finder: FeedFinder { FeedFinder(fetcher: fetcher) }

    @Test func aFeedIsTakenAsItIs() async throws {
        let body = world
        server.route("/rss", { _ in .init(status: 200, body: body) })
        let found = try await finder.find(server.baseURL + "/rss")
        #expect(found.how == .direct)
        #expect(found.candidates.map(\.url) == [server.baseURL + "/rss"])
        #expect(found.candidates.first?.title == "World News & Politics (sample)")
    }

    @Test func aPagesAnnouncedFeedsAreOfferedWithoutProbing() async throws {
        let body = world
        server.route("/", { _ in .init(status: 200, contentType: "text/html",
                                      "<html><head><link rel=alternate type=application/atom+xml href=/a.atom></head></html>") })
        server.route("/a.atom", { _ in .init(status: 200, body: body) })
        let found = try await finder.find(server.baseURL + "/")
        #expect(found.how == .announced)
        #expect(found.candidates.map(\.url) == [server.baseURL + "/a.atom"])
        #expect(found.candidates.first?.title == "World News & Politics (sample)", "the feed's own title when the link has none")
        #expect(Set(server.requests.map(\.path)) == ["/", "/a.atom"])
    }

    @Test func announcedLinksThatAreNotFeedsAreNotOffered() async throws {
        // Sites announce dead feeds, comment pages served as HTML, feeds on another host.
        let body = world
        let elsewhere = try TestHTTPServer()
        elsewhere.route("/cdn.rss", { _ in .init(status: 200, body: body) })
        server.route("/", { _ in .init(status: 200, contentType: "text/html", """
            <link rel=alternate type=application/rss+xml href=/gone.rss>
            <link rel=alternate type=application/rss+xml href=/comments>
            <link rel=alternate type=application/rss+xml href=/good.rss>
            <link rel=alternate type=application/rss+xml href=\(elsewhere.baseURL)/cdn.rss>
            """) })
        server.route("/gone.rss", { _ in .init(status: 404, contentType: "text/plain", "no") })
        server.route("/comments", { _ in .init(status: 200, contentType: "text/html", "<html><body>comments</body></html>") })
        server.route("/good.rss", { _ in .init(status: 200, body: body) })
        let withKey = FeedFinder(fetcher: fetcher, headers: [HTTPHeader(name: "X-Api-Key", value: "k-1")])
        let found = try await withKey.find(server.baseURL + "/")
        #expect(found.how == .announced)
        #expect(found.candidates.map(\.url) == [server.baseURL + "/good.rss", elsewhere.baseURL + "/cdn.rss"])
        #expect(found.rejected.map(\.candidate.url) == [server.baseURL + "/gone.rss", server.baseURL + "/comments"])
        #expect(found.rejected.map(\.reason) == ["HTTP 404", "not a feed (text/html)"])
        #expect(server.requests.filter { $0.path == "/good.rss" }.allSatisfy { $0.headers["x-api-key"] == "k-1" })
        #expect(elsewhere.requests.allSatisfy { $0.headers["x-api-key"] == nil }, "the user's headers stay on the address's site")

        // None of them works: the common paths are tried.
        server.route("/good.rss", { _ in .init(status: 500, contentType: "text/plain", "down") })
        server.route("/", { _ in .init(status: 200, contentType: "text/html", "<link rel=alternate type=application/rss+xml href=/good.rss>") })
        server.route("/feed", { _ in .init(status: 200, body: body) })
        let fallback = try await finder.find(server.baseURL + "/")
        #expect(fallback.how == .probed)
        #expect(fallback.candidates.map(\.url) == [server.baseURL + "/feed"])
        #expect(fallback.rejected.map(\.reason) == ["HTTP 500"])
    }

    @Test func commonPathsAreProbedAndRedirectsToOneFeedOfferedOnce() async throws {
        let body = world
        server.route("/page", { _ in .init(status: 200, contentType: "text/html", "<html><body>hi</body></html>") })
        server.route("/feed", { _ in .init(status: 302, headers: [("Location", "/feed.xml")]) })
        server.route("/feed.xml", { _ in .init(status: 200, body: body) })
        server.route("/rss.xml", { _ in .init(status: 200, contentType: "text/html", "<html>soft 404</html>") })
        let found = try await finder.find(server.baseURL + "/page")
        #expect(found.how == .probed)
        #expect(found.candidates.map(\.url) == [server.baseURL + "/feed"])
        #expect(Set(server.requests.map(\.path)).isSuperset(of: ["/feed", "/rss.xml", "/atom.xml", "/index.xml", "/feed.xml"]))
    }

    @Test func theFeedsHeadersAreSentToTheAddressAndTheCommonPaths() async throws {
        // `feeds add URL --header 'X-Api-Key: …'`: a feed behind a key answers 403 without it.
        let body = world
        let keyed: @Sendable (TestHTTPServer.Request) -> Bool = { $0.headers["x-api-key"] == "k-1" }
        server.route("/private", { request in keyed(request) ? .init(status: 200, body: body) : .init(status: 403, contentType: "text/plain", "no key") })
        server.route("/site", { request in keyed(request) ? .init(status: 200, contentType: "text/html", "<html>hi</html>") : .init(status: 403, contentType: "text/plain", "no key") })
        server.route("/feed", { request in keyed(request) ? .init(status: 200, body: body) : .init(status: 403, contentType: "text/plain", "no key") })
        let withKey = FeedFinder(fetcher: fetcher, headers: [HTTPHeader(name: "X-Api-Key", value: "k-1")])
        let direct = try await withKey.find(server.baseURL + "/private")
        #expect(direct.how == .direct)
        let probed = try await withKey.find(server.baseURL + "/site")
        #expect(probed.how == .probed)
        #expect(probed.candidates.map(\.url) == [server.baseURL + "/feed"])
        await #expect(throws: FetchError.httpStatus(403)) { _ = try await finder.find(server.baseURL + "/private") }
    }

    @Test func aPageAnnouncingThousandsOfFeedsHasOnlyTheFirstFewFetched() async throws {
        let links = (0..<2_000).map { "<link rel=alternate type=application/rss+xml href=/f\($0).rss>" }.joined()
        server.route("/", { _ in .init(status: 200, contentType: "text/html", links) })
        let found = try await finder.find(server.baseURL + "/")
        #expect(found.unchecked == 2_000 - FeedFinder.maxChecked)
        #expect(found.rejected.count == FeedFinder.maxChecked)
        // The page, the first sixteen, then the five common paths.
        #expect(server.requests.count == 1 + FeedFinder.maxChecked + FeedDiscovery.commonPaths.count)
    }

    @Test func anUnreachableAddressThrows() async throws {
        server.route("/missing", { _ in .init(status: 404, contentType: "text/plain", "no") })
        await #expect(throws: FetchError.self) { _ = try await finder.find(server.baseURL + "/missing") }
    }
}
