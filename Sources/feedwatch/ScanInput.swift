import FeedModel
import FeedParsing
import Fetching
import Watching

/// The entries `scan` and `watch test` look at: a feed's entries, or one article (plain text
/// or HTML, its first line the title) when the input is not a feed.
struct ScanInput {
    var items: [(entry: Entry, text: EntryText)]
    /// The feed's URL (or the file's), for entry keys and alerts.
    var url: String?
    var feedTitle: String?

    static func load(_ source: String, headers: [HTTPHeader] = []) async throws -> ScanInput {
        let (bytes, url, contentType) = try await InputSource.load(source, headers: headers)
        let parsed = FeedParser().parse(bytes, documentURL: url, httpContentType: contentType)
        if parsed.version != .unknown {
            return ScanInput(items: parsed.entries.map { ($0, EntryText($0)) }, url: url, feedTitle: parsed.feed.title?.value)
        }
        let raw = String(decoding: bytes, as: UTF8.self)
        let text = HTMLText.looksLikeHTML(raw) ? HTMLText.plainText(raw) : raw
        let lines = text.split(separator: "\n", maxSplits: 1, omittingEmptySubsequences: false)
        let title = lines.first.map { String($0).trimmedWhitespace } ?? ""
        var entry = Entry()
        entry.title = TextConstruct(value: title)
        return ScanInput(items: [(entry, EntryText(title: title, content: lines.count > 1 ? String(lines[1]) : ""))],
                         url: url, feedTitle: nil)
    }
}
