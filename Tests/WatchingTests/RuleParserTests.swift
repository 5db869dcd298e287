import Testing
import Watching

/// `RuleParser` and `RuleExpression`: the rule formulas of watch lists.
@Suite("RuleParser")
struct RuleParserTests {
    private let parser = RuleParser()
    private func parse(_ s: String) throws -> RuleExpression { try parser.parse(s) }

    private func error(_ s: String) -> RuleParser.ParseError? {
        do {
            _ = try parser.parse(s)
            return nil
        } catch {
            return error
        }
    }

    @Test func andBindsTighterThanOr() throws {
        #expect(try parse("a OR b AND c") == .or(.watch("a"), .and(.watch("b"), .watch("c"))))
        #expect(try parse("a AND b OR c") == .or(.and(.watch("a"), .watch("b")), .watch("c")))
        #expect(try parse("a OR b OR c") == .or(.or(.watch("a"), .watch("b")), .watch("c")))
        #expect(try parse("a AND b AND c") == .and(.and(.watch("a"), .watch("b")), .watch("c")))
    }

    @Test func notBindsTightest() throws {
        #expect(try parse("NOT a AND b") == .and(.not(.watch("a")), .watch("b")))
        #expect(try parse("a AND NOT b OR c") == .or(.and(.watch("a"), .not(.watch("b"))), .watch("c")))
        #expect(try parse("NOT NOT a") == .not(.not(.watch("a"))))
    }

    @Test func parenthesesGroup() throws {
        #expect(try parse("(a OR b) AND c") == .and(.or(.watch("a"), .watch("b")), .watch("c")))
        #expect(try parse("NOT (a OR b)") == .not(.or(.watch("a"), .watch("b"))))
        #expect(try parse("((a))") == .watch("a"))
        #expect(try parse("a AND(b OR c)") == .and(.watch("a"), .or(.watch("b"), .watch("c"))))
    }

    @Test func quotedNames() throws {
        #expect(try parse("\"Vladimir Putin\" AND sanctions") == .and(.watch("Vladimir Putin"), .watch("sanctions")))
        #expect(try parse("'Vladimir Putin' OR \"Rand Paul\"") == .or(.watch("Vladimir Putin"), .watch("Rand Paul")))
        // Operators inside quotes are part of the name; surrounding spaces are not.
        #expect(try parse("\"Research AND Development\"") == .watch("Research AND Development"))
        #expect(try parse("\"  Rand Paul \"") == .watch("Rand Paul"))
        #expect(try parse("\"O'Brien\" OR 'Say \"hi\"'") == .or(.watch("O'Brien"), .watch("Say \"hi\"")))
    }

    @Test func bareRunsOfWordsAreOneName() throws {
        #expect(try parse("Vladimir Putin AND sanctions") == .and(.watch("Vladimir Putin"), .watch("sanctions")))
        #expect(try parse("Robert S. Mueller III OR FBI") == .or(.watch("Robert S. Mueller III"), .watch("FBI")))
        #expect(try parse("NOT Thomas Müller") == .not(.watch("Thomas Müller")))
        #expect(try parse("  Rand   Paul  ") == .watch("Rand Paul"))
    }

    @Test func designExample() throws {
        let e = try parse("\"Vladimir Putin\" AND (sanctions OR Syria) AND NOT Bayern")
        #expect(e == .and(.and(.watch("Vladimir Putin"), .or(.watch("sanctions"), .watch("Syria"))), .not(.watch("Bayern"))))
        #expect(e.watchNames == ["Vladimir Putin", "sanctions", "Syria", "Bayern"])
        #expect(e.description == "((\"Vladimir Putin\" AND (\"sanctions\" OR \"Syria\")) AND NOT \"Bayern\")")
    }

    @Test("Errors point at the offending character", arguments: [
        ("Putin AND \"Vladimir", 10, "unclosed quote"),
        ("\"Vladimir Putin AND sanctions", 0, "unclosed quote"),
        ("'Putin\"", 0, "unclosed quote"),
        ("(Putin OR Trump", 0, "never closed"),
        ("Putin AND ((a OR b)", 10, "never closed"),
        ("Putin AND", 9, "expected a name"),
        ("Putin AND   ", 9, "expected a name"),
        ("Putin OR", 8, "expected a name"),
        ("AND Putin", 0, "expected a name"),
        ("Putin AND AND Trump", 10, "expected a name"),
        ("Putin AND NOT", 13, "expected a name"),
        ("Putin )", 6, "unexpected"),
        ("\"Putin\" Trump", 8, "unexpected"),
        ("", 0, "expected a name"),
        ("( )", 2, "expected a name"),
        ("\"\" OR a", 0, "empty name"),
    ])
    func errors(text: String, offset: Int, message: String) throws {
        let e = try #require(error(text))
        #expect(e.offset == offset)
        #expect(e.message.contains(message), "\(e.message)")
        #expect(e.description.hasPrefix("column \(offset + 1) of the rule"))
    }

    @Test func evaluate() throws {
        let e = try parse("\"Vladimir Putin\" AND (sanctions OR Syria) AND NOT Bayern")
        #expect(e.evaluate(["Vladimir Putin", "sanctions"]))
        #expect(e.evaluate(["Vladimir Putin", "Syria", "other"]))
        #expect(!e.evaluate(["Vladimir Putin"]))
        #expect(!e.evaluate(["sanctions", "Syria"]))
        #expect(!e.evaluate(["Vladimir Putin", "sanctions", "Bayern"]))
        #expect(!e.evaluate([]))
        let or = try parse("a OR b AND c")
        #expect(or.evaluate(["a"]))
        #expect(!or.evaluate(["b"]))
        #expect(or.evaluate(["b", "c"]))
        #expect(try parse("NOT a").evaluate([]))
        #expect(try !parse("NOT a").evaluate(["a"]))
        // Names are compared exactly.
        #expect(!RuleExpression.watch("Putin").evaluate(["putin", "Vladimir Putin"]))
    }
}
