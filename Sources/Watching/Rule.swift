/// A named combination of watches that raises its own alert:
/// `'"Vladimir Putin" AND (sanctions OR Syria) AND NOT title:opinion'`.
public struct Rule: Sendable, Equatable {
    public var name: String
    public var expression: RuleExpression
    public var severity: Severity
    public var origin: String?

    public init(name: String, expression: RuleExpression, severity: Severity = .high, origin: String? = nil) {
        self.name = name
        self.expression = expression
        self.severity = severity
        self.origin = origin
    }
}

/// A boolean formula over watches and words.
public indirect enum RuleExpression: Sendable, Equatable, CustomStringConvertible {
    /// A watch that fired on the entry.
    case watch(String)
    /// `title:opinion`, `content:"Vladimir Putin"`, `text:kremlin`: a watch that fired in that
    /// field, or else these words in that field (`text` is any field).
    case term(String, field: Field?)
    /// `A NEAR/5 B`: both in one field with at most five words between them.
    case near(RuleExpression, RuleExpression, Int)
    case not(RuleExpression)
    case and(RuleExpression, RuleExpression)
    case or(RuleExpression, RuleExpression)

    /// Evaluates with only the set of fired watches known (no positions): terms are false,
    /// NEAR is "both present". For tests and quick checks; alerts use `evaluate(in:)`.
    public func evaluate(_ fired: Set<String>) -> Bool {
        switch self {
        case let .watch(name): return fired.contains(name)
        case .term: return false
        case let .near(a, b, _): return a.evaluate(fired) && b.evaluate(fired)
        case let .not(e): return !e.evaluate(fired)
        case let .and(a, b): return a.evaluate(fired) && b.evaluate(fired)
        case let .or(a, b): return a.evaluate(fired) || b.evaluate(fired)
        }
    }

    /// Evaluates against an entry: which watches fired where, and the entry's words.
    public func evaluate(in context: RuleContext) -> Bool {
        switch self {
        case .watch, .term: return !context.positions(of: self).isEmpty
        case let .near(a, b, distance):
            let left = context.positions(of: a), right = context.positions(of: b)
            return left.contains { l in right.contains { r in l.field == r.field && abs(l.index - r.index) <= distance + 1 } }
        case let .not(e): return !e.evaluate(in: context)
        case let .and(a, b): return a.evaluate(in: context) && b.evaluate(in: context)
        case let .or(a, b): return a.evaluate(in: context) || b.evaluate(in: context)
        }
    }

    /// Every bare watch name the formula mentions, to check they exist. (Field-prefixed terms
    /// may be plain words.)
    public var watchNames: [String] {
        switch self {
        case let .watch(name): return [name]
        case .term: return []
        case let .not(e): return e.watchNames
        case let .and(a, b), let .or(a, b), let .near(a, b, _): return a.watchNames + b.watchNames
        }
    }

    /// Watch names in any position, prefixed or not: the watches whose matches a rule alert shows.
    public var mentionedNames: [String] {
        switch self {
        case let .watch(name), let .term(name, _): return [name]
        case let .not(e): return e.mentionedNames
        case let .and(a, b), let .or(a, b), let .near(a, b, _): return a.mentionedNames + b.mentionedNames
        }
    }

    public var description: String {
        switch self {
        case let .watch(name): return "\"\(name)\""
        case let .term(text, field): return "\(field?.rawValue ?? "text"):\"\(text)\""
        case let .near(a, b, n): return "(\(a) NEAR/\(n) \(b))"
        case let .not(e): return "NOT \(e)"
        case let .and(a, b): return "(\(a) AND \(b))"
        case let .or(a, b): return "(\(a) OR \(b))"
        }
    }
}

/// Where things stand in one entry, for rules: each fired watch's match positions and the
/// folded words of each field. Positions are word indices within a field.
public struct RuleContext: Sendable {
    public struct Position: Sendable, Equatable {
        public var field: Field
        public var index: Int
    }

    var watchPositions: [String: [Position]]
    var fieldWords: [Field: [String]]
    /// Folded watch names and aliases → watch name: a rule may say "Putin" for "Vladimir Putin".
    var watchNames: [String: String] = [:]

    func positions(of atom: RuleExpression) -> [Position] {
        switch atom {
        case let .watch(name):
            return watchPositions[watchNames[WatchMatcher.key(name)] ?? name] ?? []
        case let .term(text, field):
            if let watch = watchNames[WatchMatcher.key(text)] {
                let fired = watchPositions[watch] ?? []
                return field.map { f in fired.filter { $0.field == f } } ?? fired
            }
            let words = WatchMatcher.words(text)
            guard !words.isEmpty else { return [] }
            var found: [Position] = []
            for (f, fieldText) in fieldWords where field == nil || field == f {
                guard fieldText.count >= words.count else { continue }
                for i in 0...(fieldText.count - words.count) where fieldText[i] == words[0] {
                    if Array(fieldText[i..<(i + words.count)]) == words { found.append(Position(field: f, index: i)) }
                }
            }
            return found
        default:
            return []
        }
    }
}
