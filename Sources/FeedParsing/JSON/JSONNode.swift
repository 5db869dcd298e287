/// A JSON value as `JSONReader` reads it, for the JSON Feed mapping.
///
/// Numbers keep the text the document wrote: an item id such as `12345678901234567890`
/// becomes the id "12345678901234567890", not a rounded Double, and booleans never pass for
/// numbers (Foundation's `NSNumber` blurs both on Linux).
enum JSONNode: Equatable {
    case null
    case bool(Bool)
    /// The number as written, already checked against RFC 8259's grammar.
    case number(String)
    case string(String)
    case array([JSONNode])
    /// Members by key; when a key repeats, the last value wins (as in Python's `json`).
    case object([String: JSONNode])

    /// "a string", "an object" …: for messages that say what was found instead.
    var kindName: String {
        switch self {
        case .null: "null"
        case .bool: "a boolean"
        case .number: "a number"
        case .string: "a string"
        case .array: "an array"
        case .object: "an object"
        }
    }

    /// A non-negative whole number, as decimal text: "12000000" for 12000000, 1.2e7 or 12000000.0.
    var wholeNumberText: String? {
        guard case let .number(text) = self else { return nil }
        if !text.isEmpty, text.utf8.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }) {
            return text
        }
        guard let value = Double(text), value >= 0, value < 9_007_199_254_740_992, value.rounded() == value else {
            return nil
        }
        return String(Int64(value))
    }
}
