/// A named thing found in a text: a person, organisation, place or other name.
public struct Entity: Sendable, Equatable {
    public enum Kind: String, Sendable, Codable {
        case person = "PER", organization = "ORG", location = "LOC", misc = "MISC"
    }

    /// The longest form seen in the text, e.g. "Robert Mueller" even where later mentions say "Mueller".
    public var text: String
    public var kind: Kind
    /// Where each mention stands, in Unicode scalar offsets.
    public var mentions: [Range<Int>]

    public init(text: String, kind: Kind, mentions: [Range<Int>]) {
        self.text = text
        self.kind = kind
        self.mentions = mentions
    }
}
