import Testing
@testable import Daemon

/// Passwords and tokens written inside feed URLs never reach output.
struct URLCredentialsTests {
    @Test func passwordsAndLoneUserPartsAreMasked() {
        #expect(URLCredentials.redacted("https://alice:s3cret@example.org/feed") == "https://alice:****@example.org/feed")
        #expect(URLCredentials.redacted("https://TOKEN123@api.example.org/feed?x=1") == "https://****@api.example.org/feed?x=1")
        // A password may hold "@" and ":"; the host part is what follows the last "@".
        #expect(URLCredentials.redacted("http://bob:p@ss:w0rd@example.org:8080/") == "http://bob:****@example.org:8080/")
        #expect(URLCredentials.redacted("https://:pw@example.org/") == "https://****@example.org/")
    }

    @Test func urlsWithoutCredentialsAreUnchanged() {
        for url in ["https://example.org/feed", "https://example.org/feed?mail=a@b.example", "https://example.org/@user/feed",
                    "https://example.org#frag@x", "not a url", "file:///tmp/feed.xml", ""] {
            #expect(URLCredentials.redacted(url) == url, "\(url)")
        }
    }
}

/// `feed:` addresses become the URL they name; everything else is left alone.
struct FeedSchemeTests {
    @Test func feedAddressesResolveToHTTP() {
        #expect(FeedScheme.resolved("feed://example.org/rss") == "http://example.org/rss")
        #expect(FeedScheme.resolved("FEED://Example.org/rss") == "http://Example.org/rss")
        #expect(FeedScheme.resolved("feed:https://example.org/rss") == "https://example.org/rss")
        #expect(FeedScheme.resolved("feed:http://example.org/rss") == "http://example.org/rss")
        for other in ["https://example.org/feed", "feed:example.org", "feeds://x", "example.org/feed", ""] {
            #expect(FeedScheme.resolved(other) == other, "\(other)")
        }
    }
}
