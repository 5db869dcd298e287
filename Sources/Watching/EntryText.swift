/// The plain text of an entry's fields, as matching and entity extraction read it.
/// (HTML is turned into text before it gets here.)
public struct EntryText: Sendable, Equatable {
    public var title: String
    public var summary: String
    public var content: String
    /// The name of the outlet an aggregator took the entry from (its `source`), on one line.
    /// Shown with the alert, never matched: "Reuters" in a Google News item is not a mention.
    public var source: String

    public init(title: String = "", summary: String = "", content: String = "", source: String = "") {
        self.source = source
        self.title = title
        self.summary = summary
        self.content = content
    }

    public func text(of field: Field) -> String {
        switch field {
        case .title: return title
        case .summary: return summary
        case .content: return content
        }
    }

    /// All fields in order, skipping empty ones and a summary that only repeats the content's start.
    public var fields: [(Field, String)] {
        var out: [(Field, String)] = []
        if !title.isEmpty { out.append((.title, title)) }
        if !summary.isEmpty, !(content.hasPrefix(summary) && !content.isEmpty) { out.append((.summary, summary)) }
        if !content.isEmpty { out.append((.content, content)) }
        return out
    }
}

extension EntryText {
    /// The same text with every field not in `fields` emptied; nil keeps all. A feed's `fields:`
    /// option uses this so that nothing outside those fields can match (or add context).
    public func only(_ fields: [Field]?) -> EntryText {
        guard let fields else { return self }
        return EntryText(title: fields.contains(.title) ? title : "",
                         summary: fields.contains(.summary) ? summary : "",
                         content: fields.contains(.content) ? content : "", source: source)
    }
}
