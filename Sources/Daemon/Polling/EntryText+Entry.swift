import FeedModel
import FeedParsing
import Watching

extension EntryText {
    /// The plain text of an entry: markup turned into text, titles on one line.
    public init(_ entry: Entry) {
        func plain(_ construct: TextConstruct?) -> String {
            guard let construct else { return "" }
            return construct.isMarkup || HTMLText.looksLikeHTML(construct.value)
                ? HTMLText.plainText(construct.value)
                : HTMLText.normalizedPlainText(construct.value)
        }
        let content = entry.content.first { $0.isMarkup } ?? entry.content.first
        self.init(title: plain(entry.title).collapsedWhitespace, summary: plain(entry.summary), content: plain(content),
                  source: plain(entry.source?.title).collapsedWhitespace)
    }
}
