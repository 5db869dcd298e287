/// One thing a user wants to hear about: a person, organisation, place or topic.
public struct Watch: Sendable, Equatable {
    public enum Kind: String, Sendable, CaseIterable {
        case person, organization, place, topic
    }

    public var name: String
    public var kind: Kind
    /// Other names of the same person or thing ("Putin", "President Putin").
    public var aliases: [String]
    /// Words of a topic ("sanction", "embargo"); English inflections match too.
    public var terms: [String]
    /// When only a weak one-word alias matched, one of these must appear in the entry too.
    public var context: [String]
    /// Any of these anywhere in the entry vetoes the watch for that entry.
    public var exclude: [String]
    /// Fields to search; empty means all.
    public var fields: [Field]
    public var severity: Severity
    /// Where the watch was defined ("russia.yaml:3"), for messages.
    public var origin: String?

    public init(name: String, kind: Kind, aliases: [String] = [], terms: [String] = [], context: [String] = [],
                exclude: [String] = [], fields: [Field] = [], severity: Severity = .normal, origin: String? = nil) {
        self.name = name
        self.kind = kind
        self.aliases = aliases
        self.terms = terms
        self.context = context
        self.exclude = exclude
        self.fields = fields
        self.severity = severity
        self.origin = origin
    }
}

/// The parts of an entry that are searched, as named in alerts and watch lists.
public enum Field: String, Sendable, CaseIterable, Codable {
    case title, summary, content
}

public enum Severity: String, Sendable, CaseIterable, Codable, Comparable {
    case low, normal, high, critical

    private var rank: Int { Severity.allCases.firstIndex(of: self)! }
    public static func < (a: Severity, b: Severity) -> Bool { a.rank < b.rank }
}
