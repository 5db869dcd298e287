import Foundation
import Testing
import FeedModel
import Watching

/// Labelled cases: short entries, each with the exact set of demo watches (and rules) that
/// should fire on it, scored for precision and recall over (case, watch-or-rule) pairs.
///
/// The cases live in `Fixtures/labelled-cases.json` (read from this file's directory through
/// `#filePath`, not as a package resource). The watches are `config/watchlists.d/russia.yaml`
/// written out in Swift, because this target has no YAML reader; `mirrorMatchesRussiaYAML`
/// fails when the YAML file and this mirror drift apart.
@Suite("Labelled cases")
struct LabelledCasesTests {
    // MARK: The demo watch list, mirrored

    /// `config/watchlists.d/russia.yaml`, watch for watch.
    static let demoWatches: [Watch] = [
        Watch(name: "Vladimir Putin", kind: .person, aliases: ["Putin", "President Putin"]),
        Watch(name: "Dmitry Peskov", kind: .person, aliases: ["Peskov"]),
        Watch(name: "Rand Paul", kind: .person, aliases: ["Paul", "Senator Paul", "Sen. Paul"],
              context: ["senator", "senate", "Republican", "Kentucky"]),
        Watch(name: "Robert Mueller", kind: .person, aliases: ["Mueller", "Robert S. Mueller III"],
              context: ["special counsel", "investigation", "FBI"], exclude: ["Bayern", "Bundesliga"]),
        Watch(name: "sanctions", kind: .topic, terms: ["sanction", "embargo", "asset freeze"]),
        Watch(name: "Syria", kind: .place, aliases: ["Syrian Arab Republic"]),
        Watch(name: "Ukraine", kind: .place),
        Watch(name: "nuclear weapons", kind: .topic, terms: ["nuclear weapon", "nuclear arms", "nuclear warhead"]),
    ]

    /// The rules of `russia.yaml`: name and `when` formula as written there.
    static let demoRuleSources: [(name: String, when: String, severity: Severity)] = [
        ("putin-and-sanctions", "\"Vladimir Putin\" AND sanctions", .high),
    ]

    static func demoRules() throws -> [Rule] {
        try demoRuleSources.map { Rule(name: $0.name, expression: try RuleParser().parse($0.when), severity: $0.severity) }
    }

    // MARK: Files

    /// Tests/WatchingTests/ (this file's directory).
    static let testDirectory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    static let packageRoot = testDirectory.deletingLastPathComponent().deletingLastPathComponent()
    static let fixtureURL = testDirectory.appendingPathComponent("Fixtures/labelled-cases.json")
    static let russiaYAML = packageRoot.appendingPathComponent("config/watchlists.d/russia.yaml")
    static let putinLetter = packageRoot.appendingPathComponent("config/samples/putin-letter.txt")

    struct Fixture: Decodable {
        var cases: [LabelledCase]
    }

    struct LabelledCase: Decodable {
        var id: String
        var title: String?
        var summary: String?
        var content: String?
        /// Watch names and rule names that should fire, in any order.
        var expect: [String]
        var note: String?

        var text: EntryText { EntryText(title: title ?? "", summary: summary ?? "", content: content ?? "") }
    }

    static func loadCases() throws -> [LabelledCase] {
        try JSONDecoder().decode(Fixture.self, from: Data(contentsOf: fixtureURL)).cases
    }

    // MARK: Running the factory

    static func factory() throws -> AlertFactory {
        AlertFactory(matcher: WatchMatcher(watches: demoWatches, rules: try demoRules()))
    }

    /// The watch and rule names of every alert `text` raises.
    static func fired(_ factory: AlertFactory, _ text: EntryText, id: String) -> Set<String> {
        var entry = Entry()
        entry.id = id
        let source = AlertFactory.Source(feedTitle: "Labelled cases", feedURL: "https://example.org/labelled.xml",
                                         entryKey: id, entry: entry)
        let alerts = factory.alerts(for: source, text: text, now: Timestamp(secondsSince1970: 1_795_737_600))
        return Set(alerts.map { $0.watch ?? $0.rule ?? "?" })
    }

    struct Score {
        var truePositives = 0
        var falsePositives = 0
        var falseNegatives = 0
        var wrong: [String] = []

        var precision: Double {
            truePositives + falsePositives == 0 ? 1 : Double(truePositives) / Double(truePositives + falsePositives)
        }
        var recall: Double {
            truePositives + falseNegatives == 0 ? 1 : Double(truePositives) / Double(truePositives + falseNegatives)
        }
    }

    static func sorted(_ names: Set<String>) -> String {
        "[" + names.sorted().joined(separator: ", ") + "]"
    }

    static func oneLine(_ s: String) -> String {
        s.replacingOccurrences(of: "\r", with: "\\r").replacingOccurrences(of: "\n", with: "\\n")
    }

    // MARK: Tests

    @Test func fixtureIsWellFormed() throws {
        let cases = try Self.loadCases()
        #expect(cases.count >= 40)
        #expect(Set(cases.map(\.id)).count == cases.count, "case ids must be unique")
        let known = Set(Self.demoWatches.map(\.name) + Self.demoRuleSources.map(\.name))
        for c in cases {
            let unknown = Set(c.expect).subtracting(known)
            #expect(unknown.isEmpty, "\(c.id): unknown labels \(Self.sorted(unknown))")
            #expect(Set(c.expect).count == c.expect.count, "\(c.id): a label is repeated")
            #expect(!c.text.fields.isEmpty, "\(c.id): no text")
        }
        // Positives and decoys both.
        #expect(cases.filter(\.expect.isEmpty).count >= 10)
        #expect(cases.filter { !$0.expect.isEmpty }.count >= 30)
    }

    @Test func precisionAndRecallOnLabelledCases() throws {
        let cases = try Self.loadCases()
        let factory = try Self.factory()
        var score = Score()
        for c in cases {
            let expected = Set(c.expect)
            let got = Self.fired(factory, c.text, id: c.id)
            let missing = expected.subtracting(got), extra = got.subtracting(expected)
            score.truePositives += expected.intersection(got).count
            score.falseNegatives += missing.count
            score.falsePositives += extra.count
            if !missing.isEmpty || !extra.isEmpty {
                var line = "\(c.id): expected \(Self.sorted(expected)), got \(Self.sorted(got))"
                if !missing.isEmpty { line += "; missing \(Self.sorted(missing))" }
                if !extra.isEmpty { line += "; extra \(Self.sorted(extra))" }
                for (label, value) in [("title", c.title), ("summary", c.summary), ("content", c.content)] {
                    if let value, !value.isEmpty { line += "\n      \(label): \(Self.oneLine(value))" }
                }
                score.wrong.append(line)
            }
        }
        let decoys = cases.filter(\.expect.isEmpty).count
        let report = """
            labelled cases: \(cases.count) (\(cases.count - decoys) positive, \(decoys) decoys), \
            \(cases.count - score.wrong.count) right, \(score.wrong.count) wrong
            pairs: \(score.truePositives) true positives, \(score.falsePositives) false positives, \
            \(score.falseNegatives) false negatives
            precision \(String(format: "%.3f", score.precision)) \
            (\(score.truePositives)/\(score.truePositives + score.falsePositives)), \
            recall \(String(format: "%.3f", score.recall)) \
            (\(score.truePositives)/\(score.truePositives + score.falseNegatives))
            """
        let wrongList = score.wrong.isEmpty ? "" : "\nwrong cases:\n" + score.wrong.map { "  - " + $0 }.joined(separator: "\n")
        print(report + wrongList)
        #expect(score.precision >= 0.95 && score.recall >= 0.95, "\(report)\(wrongList)")
    }

    /// The check of the issue, on the repository's copy of the sample article: first line the title.
    @Test func putinLetterSample() throws {
        let text = try String(contentsOf: Self.putinLetter, encoding: .utf8)
        let title = String(text.prefix { $0 != "\n" })
        let entry = EntryText(title: title, content: String(text.dropFirst(title.count)))
        let got = Self.fired(try Self.factory(), entry, id: "putin-letter")
        let expected: Set<String> = ["Vladimir Putin", "Rand Paul", "Dmitry Peskov", "Robert Mueller", "sanctions", "Syria",
                                     "Ukraine", "nuclear weapons", "putin-and-sanctions"]
        #expect(got == expected, "missing \(Self.sorted(expected.subtracting(got))), extra \(Self.sorted(got.subtracting(expected)))")
    }

    /// The Swift mirror above must be russia.yaml: the same watch and rule names in the same
    /// order, and the same types, aliases, terms, context, exclude lists and rule formulas.
    @Test func mirrorMatchesRussiaYAML() throws {
        let yaml = try String(contentsOf: Self.russiaYAML, encoding: .utf8)
        let (watchItems, ruleItems) = Self.items(ofWatchList: yaml)

        // Every `- name:` line, in order.
        #expect(watchItems.map { $0["name"] ?? "" } == Self.demoWatches.map(\.name), "watch names differ from russia.yaml")
        #expect(ruleItems.map { $0["name"] ?? "" } == Self.demoRuleSources.map(\.name), "rule names differ from russia.yaml")

        for (item, watch) in zip(watchItems, Self.demoWatches) {
            let name = watch.name
            #expect(item["type"] == watch.kind.rawValue, "\(name): type")
            #expect(Self.list(item["aliases"]) == watch.aliases, "\(name): aliases")
            #expect(Self.list(item["terms"]) == watch.terms, "\(name): terms")
            #expect(Self.list(item["context"]) == watch.context, "\(name): context")
            #expect(Self.list(item["exclude"]) == watch.exclude, "\(name): exclude")
            #expect(Self.list(item["fields"]) == watch.fields.map(\.rawValue), "\(name): fields")
            #expect((item["severity"] ?? "normal") == watch.severity.rawValue, "\(name): severity")
            let known: Set<String> = ["name", "type", "aliases", "terms", "context", "exclude", "fields", "severity"]
            #expect(Set(item.keys).subtracting(known).isEmpty, "\(name): keys the mirror does not know: \(item.keys.sorted())")
        }
        for (item, rule) in zip(ruleItems, Self.demoRuleSources) {
            #expect(item["when"] == rule.when, "\(rule.name): when")
            #expect((item["severity"] ?? "high") == rule.severity.rawValue, "\(rule.name): severity")
        }
    }

    // MARK: A reader for russia.yaml's shape only

    /// The items of the `watch:` and `rules:` sequences: `- name: X` starts an item, `key: value`
    /// lines below it add to it. Comments are dropped; quotes around a scalar are removed.
    static func items(ofWatchList yaml: String) -> (watch: [[String: String]], rules: [[String: String]]) {
        var watch: [[String: String]] = [], rules: [[String: String]] = []
        var section = ""
        for raw in yaml.split(separator: "\n", omittingEmptySubsequences: false) {
            let line = withoutComment(String(raw))
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed.isEmpty { continue }
            if !line.hasPrefix(" "), !line.hasPrefix("-"), trimmed.hasSuffix(":") {
                section = String(trimmed.dropLast())
                continue
            }
            var body = trimmed
            let startsItem = body.hasPrefix("- ")
            if startsItem { body = String(body.dropFirst(2)).trimmingCharacters(in: .whitespaces) }
            guard let colon = body.firstIndex(of: ":") else { continue }
            let key = String(body[..<colon]).trimmingCharacters(in: .whitespaces)
            let value = unquote(String(body[body.index(after: colon)...]).trimmingCharacters(in: .whitespaces))
            if startsItem {
                if section == "watch" { watch.append([:]) } else if section == "rules" { rules.append([:]) }
            }
            if section == "watch", !watch.isEmpty { watch[watch.count - 1][key] = value }
            if section == "rules", !rules.isEmpty { rules[rules.count - 1][key] = value }
        }
        return (watch, rules)
    }

    /// The line up to a `#` that starts a comment (after whitespace, outside quotes).
    static func withoutComment(_ line: String) -> String {
        var quote: Character?
        var previous: Character = " "
        var out = ""
        for c in line {
            if let q = quote {
                if c == q { quote = nil }
            } else if c == "'" || c == "\"" {
                quote = c
            } else if c == "#", previous == " " || previous == "\t" {
                break
            }
            out.append(c)
            previous = c
        }
        return out
    }

    static func unquote(_ s: String) -> String {
        if s.count >= 2, let f = s.first, let l = s.last, f == l, f == "'" || f == "\"" {
            return String(s.dropFirst().dropLast())
        }
        return s
    }

    /// `[a, b, "c"]` → ["a", "b", "c"]; nil → [].
    static func list(_ value: String?) -> [String] {
        guard var v = value?.trimmingCharacters(in: .whitespaces), !v.isEmpty else { return [] }
        if v.hasPrefix("["), v.hasSuffix("]") { v = String(v.dropFirst().dropLast()) }
        return v.split(separator: ",").map { unquote($0.trimmingCharacters(in: .whitespaces)) }.filter { !$0.isEmpty }
    }
}
