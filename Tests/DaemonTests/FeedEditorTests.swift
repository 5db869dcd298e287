#if canImport(Glibc)
import Glibc
#endif
import Fetching
import Foundation
import Testing
import TestSupport
@testable import Daemon

/// `feeds add|remove|import-opml` edits: owned files in feeds.d, hand-edited files kept byte for byte.
struct FeedEditorTests {
    let directory: URL
    var configPath: String { directory.appendingPathComponent("feedwatch.yaml").path }
    var added: String { directory.appendingPathComponent("feeds.d/added.yaml").path }

    let handEdited = """
        # My feeds. Do not reorder: the desk reads them top down.
        state: state.sqlite
        alert_log: alerts.jsonl
        interval: 15m   # default
        feeds:
          # --- world ---
          - url: https://a.example/rss
            interval: 5m   # breaking news
          - https://b.example/rss

          # --- tech ---
          - url: https://c.example/rss
            tags: [tech]
        # end of feeds
        backfill: 24h

        """

    init() throws {
        directory = try TestPaths.temporaryDirectory("feed-editor")
        try handEdited.write(toFile: directory.appendingPathComponent("feedwatch.yaml").path, atomically: true, encoding: .utf8)
    }

    func read(_ path: String) throws -> String { try String(contentsOfFile: path, encoding: .utf8) }

    @Test func addWritesAnOwnedFileAndNeverTouchesTheConfig() throws {
        var feed = FeedConfig(url: "https://d.example/rss", interval: 600, title: "D: \"quoted\" # not a comment")
        feed.tags = ["world", "yes"]
        let result = try FeedEditor(configPath: configPath).add([feed], toFile: "added.yaml")
        #expect(result.file == added)
        #expect(result.added.map(\.url) == ["https://d.example/rss"])
        #expect(try read(configPath) == handEdited)
        let text = try read(added)
        #expect(text.hasPrefix("# Written by `feedwatch feeds add`"))
        let reloaded = try ConfigLoader().load(path: configPath)
        let d = try #require(reloaded.feeds.last)
        #expect(d.url == "https://d.example/rss" && d.interval == 600 && d.title == "D: \"quoted\" # not a comment" && d.tags == ["world", "yes"])
        #expect(d.source == added)

        // A second add appends below the first.
        _ = try FeedEditor(configPath: configPath).add([FeedConfig(url: "https://e.example/rss")], toFile: "added.yaml")
        #expect(try read(added).hasPrefix(text))
        #expect(try ConfigLoader().load(path: configPath).feeds.map(\.url).suffix(2) == ["https://d.example/rss", "https://e.example/rss"])
    }

    @Test func concurrentAddsLoseNothing() async throws {
        let path = configPath
        await withTaskGroup(of: Void.self) { group in
            for i in 0..<8 {
                group.addTask {
                    _ = try? FeedEditor(configPath: path).add([FeedConfig(url: "https://n\(i).example/")], toFile: "added.yaml")
                }
            }
        }
        let urls = try ConfigLoader().load(path: configPath).feeds.map(\.url)
        #expect(Set(urls).isSuperset(of: (0..<8).map { "https://n\($0).example/" }), "\(urls)")
    }

    @Test func aNewFileIsAsReadableAsTheConfig() throws {
        chmod(configPath, 0o640)
        _ = try FeedEditor(configPath: configPath).add([FeedConfig(url: "https://d.example/")], toFile: "added.yaml")
        let mode = try #require(try FileManager.default.attributesOfItem(atPath: added)[.posixPermissions] as? Int)
        #expect(mode == 0o640)
    }

    @Test func aFeedWithHeadersIsNeverWrittenWorldReadable() throws {
        chmod(configPath, 0o644)
        _ = try FeedEditor(configPath: configPath).add([FeedConfig(url: "https://plain.example/")], toFile: "added.yaml")
        #expect(try FileManager.default.attributesOfItem(atPath: added)[.posixPermissions] as? Int == 0o644)
        var secret = FeedConfig(url: "https://api.example/rss")
        secret.headers = [HTTPHeader(name: "Authorization", value: "Bearer s3cret")]
        _ = try FeedEditor(configPath: configPath).add([secret], toFile: "added.yaml")
        #expect(try FileManager.default.attributesOfItem(atPath: added)[.posixPermissions] as? Int == 0o640)
    }

    @Test func anotherSpellingOfAConfiguredFeedIsADuplicate() throws {
        let result = try FeedEditor(configPath: configPath).add([FeedConfig(url: "HTTPS://A.example:443/rss/")], toFile: "added.yaml")
        #expect(result.added.isEmpty)
        #expect(result.duplicates.count == 1)
    }

    @Test(.enabled(if: geteuid() == 0, "only root can give a file away"))
    func asRootARemovalKeepsTheConfigsOwner() throws {
        #expect(chown(configPath, 4321, 4322) == 0)
        let config = try ConfigLoader().load(path: configPath)
        _ = try FeedEditor(configPath: configPath).remove(config.feeds[1])
        var info = stat()
        #expect(stat(configPath, &info) == 0)
        #expect(info.st_uid == 4321 && info.st_gid == 4322)
        #expect(try !read(configPath).contains("b.example"))
    }

    @Test func duplicatesAreSkippedAndReportedWithWhereTheyAre() throws {
        let result = try FeedEditor(configPath: configPath).add(
            [FeedConfig(url: "https://b.example/rss"), FeedConfig(url: "https://new.example/"), FeedConfig(url: "https://new.example/")],
            toFile: "added.yaml")
        #expect(result.added.map(\.url) == ["https://new.example/"])
        #expect(result.duplicates.map(\.feed.url) == ["https://b.example/rss", "https://new.example/"])
        #expect(result.duplicates[0].firstAt == "\(configPath):9")
        let none = try FeedEditor(configPath: configPath).add([FeedConfig(url: "https://a.example/rss")], toFile: "added.yaml")
        #expect(none.file == nil && none.added.isEmpty)
    }

    @Test func removingFromTheHandEditedConfigKeepsEveryOtherByte() throws {
        let config = try ConfigLoader().load(path: configPath)
        _ = try FeedEditor(configPath: configPath).remove(config.feeds[1])
        #expect(try read(configPath) == handEdited.replacingOccurrences(of: "  - https://b.example/rss\n", with: ""))
        let after = try ConfigLoader().load(path: configPath)
        _ = try FeedEditor(configPath: configPath).remove(after.feeds[0])
        #expect(try read(configPath) == handEdited
            .replacingOccurrences(of: "  - https://b.example/rss\n", with: "")
            .replacingOccurrences(of: "  - url: https://a.example/rss\n    interval: 5m   # breaking news\n", with: ""))
        let last = try ConfigLoader().load(path: configPath)
        let final = try FeedEditor(configPath: configPath).remove(last.feeds[0])
        #expect(final.feeds.isEmpty)
        #expect(try read(configPath).contains("# --- tech ---\n# end of feeds\nbackfill: 24h\n"))
    }

    @Test func removingFromAnOwnedFile() throws {
        _ = try FeedEditor(configPath: configPath).add([FeedConfig(url: "https://d.example/"), FeedConfig(url: "https://e.example/")], toFile: "added.yaml")
        let config = try ConfigLoader().load(path: configPath)
        let d = try #require(config.feeds.first { $0.url == "https://d.example/" })
        let after = try FeedEditor(configPath: configPath).remove(d)
        #expect(after.feeds.map(\.url) == ["https://a.example/rss", "https://b.example/rss", "https://c.example/rss", "https://e.example/"])
        #expect(!(try read(added)).contains("d.example"))
    }

    @Test func anEditThatWouldNotLoadIsNeverInstalled() throws {
        // The owned file was hand-edited into a flow list: valid now, but appending block items
        // to it would not parse. The edit is checked before the rename and refused.
        try FileManager.default.createDirectory(atPath: (added as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        let before = "# mine now\nfeeds: [https://d.example/]\n"
        try before.write(toFile: added, atomically: true, encoding: .utf8)
        #expect(try ConfigLoader().load(path: configPath).feeds.count == 4)
        #expect {
            _ = try FeedEditor(configPath: configPath).add([FeedConfig(url: "https://e.example/")], toFile: "added.yaml")
        } throws: { error in
            "\(error)".contains("the edit was not saved") && "\(error)".contains("added.yaml")
        }
        #expect(try read(added) == before)
        #expect(try read(configPath) == handEdited)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: (added as NSString).deletingLastPathComponent).filter { $0.contains(".tmp-") }
        #expect(leftovers.isEmpty)
    }

    @Test func aFeedInAFlowListIsNotRemovedByGuesswork() throws {
        try "feeds: [https://a.example/, https://b.example/]\n".write(toFile: configPath, atomically: true, encoding: .utf8)
        let config = try ConfigLoader().load(path: configPath)
        #expect {
            _ = try FeedEditor(configPath: configPath).remove(config.feeds[1])
        } throws: { error in
            "\(error)".contains("cannot remove https://b.example/") && "\(error)".contains("edit this file by hand")
        }
        #expect(try read(configPath) == "feeds: [https://a.example/, https://b.example/]\n")
    }

    @Test func yamlQuotingKeepsAnyTitleAString() throws {
        for title in ["yes", "- x", "a: b", "#hash", "tab\there", "line\nbreak", "back\\slash", "\u{7}bell", "[x]", "", "ünïcödé"] {
            var feed = FeedConfig(url: "https://q.example/", title: title)
            feed.tags = [title]
            let text = "feeds:\n" + FeedYAML.item(feed)
            let (feeds, errors) = ConfigLoader().parseFeedsFile(text, path: "/x/q.yaml")
            if title.isEmpty {
                #expect(!errors.isEmpty, "an empty title is refused by the loader, as a hand-written one is")
                continue
            }
            #expect(errors.isEmpty, "\(title): \(errors)")
            #expect(feeds.first?.title == title.trimmingCharacters(in: .whitespacesAndNewlines))
        }
    }
}
