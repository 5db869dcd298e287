/// A named combination of watches that raises its own alert:
/// `'"Vladimir Putin" AND (sanctions OR Syria) AND NOT Bayern'`.
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

/// A boolean formula over watch names.
public indirect enum RuleExpression: Sendable, Equatable, CustomStringConvertible {
    case watch(String)
    case not(RuleExpression)
    case and(RuleExpression, RuleExpression)
    case or(RuleExpression, RuleExpression)

    public func evaluate(_ fired: Set<String>) -> Bool {
        switch self {
        case let .watch(name): return fired.contains(name)
        case let .not(e): return !e.evaluate(fired)
        case let .and(a, b): return a.evaluate(fired) && b.evaluate(fired)
        case let .or(a, b): return a.evaluate(fired) || b.evaluate(fired)
        }
    }

    /// Every watch name the formula mentions, to check they exist.
    public var watchNames: [String] {
        switch self {
        case let .watch(name): return [name]
        case let .not(e): return e.watchNames
        case let .and(a, b), let .or(a, b): return a.watchNames + b.watchNames
        }
    }

    public var description: String {
        switch self {
        case let .watch(name): return "\"\(name)\""
        case let .not(e): return "NOT \(e)"
        case let .and(a, b): return "(\(a) AND \(b))"
        case let .or(a, b): return "(\(a) OR \(b))"
        }
    }
}
