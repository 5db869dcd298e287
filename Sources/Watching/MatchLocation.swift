/// Where a watch matched: the words as written, the field, scalar offsets and a snippet.
public struct MatchLocation: Sendable, Equatable {
    public var text: String
    public var field: Field
    public var start: Int
    public var end: Int
    public var snippet: String

    public init(text: String, field: Field, start: Int, end: Int, snippet: String) {
        self.text = text
        self.field = field
        self.start = start
        self.end = end
        self.snippet = snippet
    }
}

/// A watch that fired on an entry, with every place it matched.
public struct WatchHit: Sendable, Equatable {
    public var watch: Watch
    public var locations: [MatchLocation]
}
