import Testing
@testable import Daemon

/// Intervals under a minute are allowed but warned about, except for the user's own servers.
struct PolitenessWarningTests {
    func config(interval: Int = 900, adaptive: AdaptiveInterval? = nil, _ feeds: [FeedConfig]) -> Config {
        var config = Config(path: "/etc/feedwatch/feedwatch.yaml", state: "s", alertLog: "a", interval: interval,
                            watchlists: "w", feeds: feeds)
        config.adaptive = adaptive
        return config
    }

    @Test func aRemoteFeedPolledMoreThanOnceAMinuteIsWarnedAbout() {
        let warnings = config([FeedConfig(url: "https://news.example/rss", interval: 30),
                               FeedConfig(url: "https://u:secret@private.example/rss", interval: 10),
                               FeedConfig(url: "https://calm.example/rss", interval: 60)]).politenessWarnings
        #expect(warnings.count == 2)
        #expect(warnings.first?.hasPrefix("https://news.example/rss: interval: 30s is more than once a minute") == true)
        #expect(warnings.last?.contains("secret") == false, "passwords in URLs are never printed")
    }

    @Test func theDefaultIntervalIsWarnedAboutOnlyWhenARemoteFeedUsesIt() {
        #expect(config(interval: 20, [FeedConfig(url: "https://a.example/rss")]).politenessWarnings.first?
                    .hasPrefix("interval: 20s polls 1 feed more than once a minute") == true)
        #expect(config(interval: 20, [FeedConfig(url: "https://a.example/rss", interval: 600)]).politenessWarnings.isEmpty)
    }

    @Test func ownServersFilesAndDisabledFeedsAreNotWarnedAbout() {
        var off = FeedConfig(url: "https://a.example/rss", interval: 5)
        off.enabled = false
        let feeds = [FeedConfig(url: "http://127.0.0.1:8080/rss", interval: 1), FeedConfig(url: "http://LOCALHOST/rss", interval: 1),
                     FeedConfig(url: "http://[::1]:8080/rss", interval: 1), FeedConfig(url: "http://127.1.2.3/rss", interval: 1),
                     FeedConfig(url: "file:///srv/feed.xml", interval: 1), off]
        #expect(config(interval: 1, feeds).politenessWarnings.isEmpty)
        #expect(config([FeedConfig(url: "http://127.example.com/rss", interval: 1)]).politenessWarnings.count == 1,
                "a name that starts like a loopback address is somebody else's server")
    }

    @Test func anAdaptiveMinimumUnderAMinuteIsWarnedAbout() {
        let warnings = config(adaptive: AdaptiveInterval(minimum: 30, maximum: 3600), [FeedConfig(url: "https://a.example/rss")]).politenessWarnings
        #expect(warnings == ["adaptive: min: 30s lets busy feeds be polled more than once a minute"])
    }
}
