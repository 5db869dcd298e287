/// A JSON document whose objects keep their keys in the order they were built.
///
/// The alert log and `parse --json` are read by people as well as scripts: a stable,
/// meaningful key order (id first, then time, watch, …) makes lines scannable, and
/// hand-written serialisation keeps it fast and byte-for-byte reproducible.
public enum JSONValue: Sendable, Equatable {
    case null
    case bool(Bool)
    case int(Int64)
    case double(Double)
    case string(String)
    case array([JSONValue])
    case object([(String, JSONValue)])

    public static func == (lhs: JSONValue, rhs: JSONValue) -> Bool {
        switch (lhs, rhs) {
        case (.null, .null): return true
        case let (.bool(a), .bool(b)): return a == b
        case let (.int(a), .int(b)): return a == b
        case let (.double(a), .double(b)): return a == b
        case let (.string(a), .string(b)): return a == b
        case let (.array(a), .array(b)): return a == b
        case let (.object(a), .object(b)):
            return a.count == b.count && zip(a, b).allSatisfy { $0.0 == $1.0 && $0.1 == $1.1 }
        default: return false
        }
    }

    /// Looks up a key of an object (first match), for readers and tests.
    public subscript(key: String) -> JSONValue? {
        guard case let .object(pairs) = self else { return nil }
        return pairs.first { $0.0 == key }?.1
    }

    public var stringValue: String? {
        if case let .string(s) = self { return s }
        return nil
    }

    public var arrayValue: [JSONValue]? {
        if case let .array(a) = self { return a }
        return nil
    }
}

/// Builds a JSON object while leaving out absent optional fields, as DESIGN.md asks.
public struct JSONObjectBuilder: Sendable {
    public private(set) var pairs: [(String, JSONValue)] = []

    public init() {}

    public mutating func add(_ key: String, _ value: JSONValue) { pairs.append((key, value)) }
    public mutating func add(_ key: String, _ value: String?) {
        if let value { pairs.append((key, .string(value))) }
    }
    public mutating func add(_ key: String, _ value: Bool) { pairs.append((key, .bool(value))) }
    public mutating func add(_ key: String, _ value: Int) { pairs.append((key, .int(Int64(value)))) }
    /// Adds an array only when it has elements.
    public mutating func addNonEmpty(_ key: String, _ values: [JSONValue]) {
        if !values.isEmpty { pairs.append((key, .array(values))) }
    }

    public var value: JSONValue { .object(pairs) }
}
