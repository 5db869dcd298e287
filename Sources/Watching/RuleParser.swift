import FeedModel
/// Parses rule formulas: names (bare words or "quoted phrases"), field prefixes (`title:`,
/// `summary:`, `content:`, `text:`), AND, OR, NOT, `NEAR/n`, parentheses. NOT binds tightest,
/// then NEAR, AND, OR. A bare run of words without operators between them is one name
/// (`Vladimir Putin AND sanctions` works unquoted too).
public struct RuleParser: Sendable {
    public struct ParseError: Error, Equatable, CustomStringConvertible {
        /// Character offset in the formula, from 0.
        public var offset: Int
        public var message: String
        public var description: String { "column \(offset + 1) of the rule: \(message)" }
    }

    public init() {}

    public func parse(_ text: String) throws(ParseError) -> RuleExpression {
        var lexer = Lexer(text: Array(text))
        let tokens = try lexer.all()
        var p = Parser(tokens: tokens)
        let e = try p.parseOr()
        if p.index < tokens.count {
            throw ParseError(offset: tokens[p.index].offset, message: "unexpected \(tokens[p.index].text)")
        }
        return e
    }

    struct LexToken {
        enum Kind: Equatable { case name, and, or, not, open, close, near(Int), field(Field?) }
        var kind: Kind
        var text: String
        var offset: Int
    }

    static let fieldPrefixes: [String: Field?] = ["title": .title, "summary": .summary, "content": .content, "text": nil]

    struct Lexer {
        let text: [Character]
        var i = 0

        mutating func all() throws(ParseError) -> [LexToken] {
            var out: [LexToken] = []
            while i < text.count {
                let c = text[i]
                if c.isWhitespace { i += 1; continue }
                let start = i
                if c == "(" { out.append(LexToken(kind: .open, text: "(", offset: i)); i += 1; continue }
                if c == ")" { out.append(LexToken(kind: .close, text: ")", offset: i)); i += 1; continue }
                if c == "\"" || c == "'" {
                    i += 1
                    var s = ""
                    while i < text.count, text[i] != c { s.append(text[i]); i += 1 }
                    guard i < text.count else { throw ParseError(offset: start, message: "unclosed quote") }
                    i += 1
                    guard !s.trimmedWhitespace.isEmpty else { throw ParseError(offset: start, message: "empty name") }
                    out.append(LexToken(kind: .name, text: s.trimmedWhitespace, offset: start))
                    continue
                }
                var word = ""
                while i < text.count, !text[i].isWhitespace, text[i] != "(", text[i] != ")", text[i] != "\"" {
                    word.append(text[i]); i += 1
                }
                if word.hasPrefix("NEAR/") {
                    guard let n = Int(word.dropFirst(5)), (1...1000).contains(n) else {
                        throw ParseError(offset: start, message: "NEAR/n needs a distance from 1 to 1000 words")
                    }
                    out.append(LexToken(kind: .near(n), text: word, offset: start))
                    continue
                }
                if let colon = word.firstIndex(of: ":"), let field = RuleParser.fieldPrefixes[word[..<colon].lowercased()] {
                    out.append(LexToken(kind: .field(field), text: String(word[...colon]), offset: start))
                    let rest = String(word[word.index(after: colon)...])
                    if !rest.isEmpty { out.append(LexToken(kind: .name, text: rest, offset: start + word.distance(from: word.startIndex, to: colon) + 1)) }
                    continue
                }
                switch word {
                case "AND": out.append(LexToken(kind: .and, text: word, offset: start))
                case "OR": out.append(LexToken(kind: .or, text: word, offset: start))
                case "NOT": out.append(LexToken(kind: .not, text: word, offset: start))
                default:
                    // Consecutive bare words form one name.
                    if let last = out.last, last.kind == .name, text[last.offset] != "\"", text[last.offset] != "'" {
                        out[out.count - 1].text += " " + word
                    } else {
                        out.append(LexToken(kind: .name, text: word, offset: start))
                    }
                }
            }
            return out
        }
    }

    struct Parser {
        let tokens: [LexToken]
        var index = 0

        mutating func parseOr() throws(ParseError) -> RuleExpression {
            var left = try parseAnd()
            while index < tokens.count, tokens[index].kind == .or {
                index += 1
                left = .or(left, try parseAnd())
            }
            return left
        }

        mutating func parseAnd() throws(ParseError) -> RuleExpression {
            var left = try parseNear()
            while index < tokens.count, tokens[index].kind == .and {
                index += 1
                left = .and(left, try parseNear())
            }
            return left
        }

        mutating func parseNear() throws(ParseError) -> RuleExpression {
            var left = try parseUnary()
            while index < tokens.count, case let .near(distance) = tokens[index].kind {
                let at = tokens[index].offset
                index += 1
                let right = try parseUnary()
                guard left.isAtom, right.isAtom else {
                    throw ParseError(offset: at, message: "NEAR joins two names or words, not groups")
                }
                left = .near(left, right, distance)
            }
            return left
        }

        mutating func parseUnary() throws(ParseError) -> RuleExpression {
            guard index < tokens.count else {
                throw ParseError(offset: tokens.last.map { $0.offset + $0.text.count } ?? 0, message: "expected a name, NOT or (")
            }
            let t = tokens[index]
            switch t.kind {
            case .not:
                index += 1
                return .not(try parseUnary())
            case .open:
                index += 1
                let e = try parseOr()
                guard index < tokens.count, tokens[index].kind == .close else {
                    throw ParseError(offset: t.offset, message: "this ( is never closed")
                }
                index += 1
                return e
            case .name:
                index += 1
                return .watch(t.text)
            case let .field(field):
                index += 1
                guard index < tokens.count, tokens[index].kind == .name else {
                    throw ParseError(offset: t.offset, message: "\(t.text) needs a word or a quoted phrase after it")
                }
                index += 1
                return .term(tokens[index - 1].text, field: field)
            default:
                throw ParseError(offset: t.offset, message: "expected a name, NOT or ( before \(t.text)")
            }
        }
    }
}

extension RuleExpression {
    /// A name or a word, which NEAR can measure the distance between.
    var isAtom: Bool {
        switch self {
        case .watch, .term: return true
        default: return false
        }
    }
}
