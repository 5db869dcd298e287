import Foundation
import Testing
import TestSupport
@testable import Fetching

/// A feed's configured headers reach the server; unsafe ones never do.
struct FetchHeadersTests {
    let server: TestHTTPServer
    let fetcher = Fetcher(userAgent: "feedwatch-test/1")

    init() throws {
        server = try TestHTTPServer()
        server.route("/feed", { _ in .init(status: 200, body: [1]) })
    }

    @Test func configuredHeadersAreSentAndAcceptCanBeReplaced() async throws {
        _ = try await fetcher.fetch(FetchRequest(url: server.baseURL + "/feed", headers: [
            HTTPHeader(name: "Authorization", value: "Bearer abc"), HTTPHeader(name: "Accept", value: "application/json"),
        ]))
        let request = try #require(server.requests.first)
        #expect(request.headers["authorization"] == "Bearer abc")
        #expect(request.headers["accept"] == "application/json")
    }

    @Test func unsafeHeadersAreDroppedEvenIfTheConfigCheckWasBypassed() async throws {
        _ = try await fetcher.fetch(FetchRequest(url: server.baseURL + "/feed", headers: [
            HTTPHeader(name: "Host", value: "evil.example"),
            HTTPHeader(name: "X-Split", value: "a\r\nX-Injected: 1"),
            HTTPHeader(name: "Bad Name", value: "x"),
            HTTPHeader(name: "X-Fine", value: "ok"),
        ]))
        let request = try #require(server.requests.first)
        #expect(request.headers["host"]?.hasPrefix("127.0.0.1") == true)
        #expect(request.headers["x-injected"] == nil)
        #expect(request.headers["x-split"] == nil)
        #expect(request.headers["x-fine"] == "ok")
        #expect(request.headers["accept"]?.contains("application/rss+xml") == true)
    }

    @Test func problemsNeverQuoteTheValue() {
        let header = HTTPHeader(name: "X-Token", value: "secret\nmore")
        #expect(header.problem == "the value of header 'X-Token' contains a line break or NUL")
        #expect(HTTPHeader(name: "content-length", value: "5").problem?.contains("set by feedwatch itself") == true)
        #expect(HTTPHeader(name: "X-Ok", value: "").problem == nil)
    }

    @Test func controlCharactersOtherThanTabAreRefusedInAValue() {
        let escape = HTTPHeader(name: "X-Token", value: "sec\u{1B}[2Jret")
        #expect(escape.problem == "the value of header 'X-Token' contains a control character")
        #expect(HTTPHeader(name: "X-Token", value: "a\u{7F}b").problem != nil)
        #expect(HTTPHeader(name: "X-Token", value: "a\tb").problem == nil)
        #expect(HTTPHeader(name: "X-Token", value: "Zoë ✓").problem == nil)
    }

    @Test func anInvalidNameIsQuotedOnlyUpToItsFirstBadCharacter() {
        // A value pasted where the name goes: what follows the space may be the token.
        let pasted = HTTPHeader(name: "Authorization Bearer abc123", value: "")
        #expect(pasted.problem == "header name 'Authorization…' has a space a header name cannot have (write 'Name: value')")
        #expect(HTTPHeader(name: "X-Key=s3cret", value: "").problem?.contains("s3cret") == false)
        #expect(HTTPHeader(name: "Zoë", value: "").problem == "header name 'Zo…' has a character a header name cannot have (write 'Name: value')")
    }
}
