import Testing
@testable import Daemon

/// Deleting one list item's lines, everything else kept byte for byte.
struct YAMLItemRemovalTests {
    let text = """
        # top comment
        state: s.sqlite
        feeds:
          # world desk
          - url: https://a.example/rss   # A
            interval: 5m
            tags:
              - world

          - https://b.example/rss
          # tech desk
          - url: https://c.example/rss
            title: |
              Multi
              line
        # after
        interval: 15m

        """

    @Test func removesAMiddleItemAndKeepsTheCommentsAroundIt() throws {
        let out = try YAMLItemRemoval.removeItem(at: 10, from: text)
        #expect(out == text.replacingOccurrences(of: "  - https://b.example/rss\n", with: ""))
    }

    @Test func removesAMultiLineItemWithNestedListsAndBlankLineAfterIt() throws {
        let out = try YAMLItemRemoval.removeItem(at: 5, from: text)
        #expect(out == text.replacingOccurrences(of: "  - url: https://a.example/rss   # A\n    interval: 5m\n    tags:\n      - world\n", with: ""))
        #expect(out.contains("  # world desk\n\n  - https://b.example/rss"))
    }

    @Test func theLastItemEndsAtTheNextTopLevelKeyOrComment() throws {
        let out = try YAMLItemRemoval.removeItem(at: 12, from: text)
        #expect(out == text.replacingOccurrences(of: "  - url: https://c.example/rss\n    title: |\n      Multi\n      line\n", with: ""))
        #expect(out.hasSuffix("  # tech desk\n# after\ninterval: 15m\n"))
    }

    @Test func aListAtTheKeysIndentationEndsAtTheNextKey() throws {
        let flat = "feeds:\n- url: a\n  interval: 5m\n- url: b\nnext: 1\n"
        #expect(try YAMLItemRemoval.removeItem(at: 4, from: flat) == "feeds:\n- url: a\n  interval: 5m\nnext: 1\n")
        #expect(try YAMLItemRemoval.removeItem(at: 2, from: flat) == "feeds:\n- url: b\nnext: 1\n")
    }

    @Test func anItemWhoseMappingStartsBelowALoneDash() throws {
        let lone = "feeds:\n  -\n    url: a\n  - url: b\n"
        #expect(try YAMLItemRemoval.removeItem(at: 3, from: lone) == "feeds:\n  - url: b\n")
    }

    @Test func windowsLineEndingsAndAMissingFinalNewlineSurvive() throws {
        let crlf = "feeds:\r\n  - url: a\r\n  - url: b\r\n# end"
        #expect(try YAMLItemRemoval.removeItem(at: 2, from: crlf) == "feeds:\r\n  - url: b\r\n# end")
        #expect(try YAMLItemRemoval.removeItem(at: 3, from: "feeds:\n  - a\n  - b") == "feeds:\n  - a\n")
    }

    @Test func aCommentLessIndentedInsideAnItemDoesNotEndIt() throws {
        // The comment is at the items' indentation, but the lines after it are still b's.
        let text = "feeds:\n  - url: a\n  - url: b\n  # b polls often\n    interval: 1m\n  # c next\n  - url: c\n"
        #expect(try YAMLItemRemoval.removeItem(at: 3, from: text) == "feeds:\n  - url: a\n  # c next\n  - url: c\n")
    }

    @Test func aFlowListIsRefusedRatherThanMangled() {
        #expect(throws: YAMLItemRemoval.Failure.self) { _ = try YAMLItemRemoval.removeItem(at: 1, from: "feeds: [a, b]\n") }
        #expect(throws: YAMLItemRemoval.Failure.self) { _ = try YAMLItemRemoval.removeItem(at: 9, from: "feeds:\n  - a\n") }
    }
}
