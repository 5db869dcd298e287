import Testing
@testable import Fetching

/// The header lines libcurl hands over become the few values the fetcher reads.
struct ResponseHeadersTests {
    private func read(_ lines: [String]) -> ResponseHeaders {
        var headers = ResponseHeaders()
        for line in lines {
            Array(line.utf8).withUnsafeBufferPointer { headers.receive($0) }
        }
        return headers
    }

    @Test func wantedHeadersAreFoundWhateverTheirCase() {
        let headers = read([
            "HTTP/1.1 200 OK\r\n", "etag: \"abc\"\r\n", "LAST-MODIFIED: Fri, 20 Nov 2026 09:30:00 GMT\r\n",
            "Cache-Control:max-age=600\r\n", "Expires: \t Sat, 21 Nov 2026 09:30:00 GMT \r\n",
            "Date: Fri, 20 Nov 2026 09:31:00 GMT\r\n", "Retry-After: 120\r\n", "Content-Type: application/rss+xml\r\n", "\r\n",
        ])
        #expect(headers.statuses == [200])
        #expect(headers[.etag] == "\"abc\"")
        #expect(headers[.lastModified] == "Fri, 20 Nov 2026 09:30:00 GMT")
        #expect(headers[.cacheControl] == "max-age=600")
        #expect(headers[.expires] == "Sat, 21 Nov 2026 09:30:00 GMT")
        #expect(headers[.date] == "Fri, 20 Nov 2026 09:31:00 GMT")
        #expect(headers[.retryAfter] == "120")
        #expect(headers[.location] == nil)
    }

    @Test func aStatusLineStartsANewResponseAndKeepsEveryStatus() {
        let headers = read([
            "HTTP/1.1 301 Moved Permanently\r\n", "Location: https://example.org/new\r\n", "ETag: \"old\"\r\n", "\r\n",
            "HTTP/2 304\r\n", "Date: Fri, 20 Nov 2026 09:31:00 GMT\r\n", "\r\n",
        ])
        #expect(headers.statuses == [301, 304])
        #expect(headers[.location] == nil)
        #expect(headers[.etag] == nil)
        #expect(headers[.date] == "Fri, 20 Nov 2026 09:31:00 GMT")
    }

    @Test func aRepeatedHeaderKeepsItsLastValueAndLookalikesAreIgnored() {
        let headers = read([
            "HTTP/1.1 200 OK\r\n", "ETag: \"one\"\r\n", "ETag: \"two\"\r\n", "ETags: \"no\"\r\n", "X-ETag: \"no\"\r\n",
            "Etag\r\n", ": empty name\r\n", "Last-Modified:\r\n",
        ])
        #expect(headers[.etag] == "\"two\"")
        #expect(headers[.lastModified] == "")
    }

    @Test func aMalformedStatusLineIsNoStatus() {
        #expect(read(["HTTP/1.1 2x0 Odd\r\n"]).statuses.isEmpty)
        #expect(read(["HTTP/1.1\r\n"]).statuses.isEmpty)
    }

    @Test func endlessHeadersStopBeingReadAtTheLimit() {
        var lines = ["HTTP/1.1 200 OK\r\n"]
        lines += (0..<(ResponseHeaders.maxLines + 10)).map { "X-Filler-\($0): x\r\n" }
        lines.append("ETag: \"late\"\r\n")
        #expect(read(lines)[.etag] == nil)
    }
}
