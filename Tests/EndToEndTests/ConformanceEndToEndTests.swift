import Foundation
import Testing
import TestSupport

/// feedparser's own test suite (../shared/conformance) against `feedwatch parse --json`.
/// The floor only ever goes up: a change that loses a case fails here.
struct ConformanceEndToEndTests {
    /// Passed cases of each tier at the last raise (see docs/conformance.md).
    static let floors = ["core": (passed: 732, cases: 746), "all": (passed: 1251, cases: 1959)]

    @Test(.timeLimit(.minutes(15)), arguments: ["core", "all"])
    func feedparserSuiteStaysAboveTheFloor(tier: String) throws {
        let floor = try #require(Self.floors[tier])
        let runner = TestPaths.packageRoot.appendingPathComponent("../shared/conformance/run_feedparser_suite.py").standardized
        try #require(FileManager.default.fileExists(atPath: runner.path), "conformance suite not found at \(runner.path)")
        let result = try ProcessRunner.run(URL(fileURLWithPath: "/usr/bin/env"),
                                           ["python3", runner.path, "--parser", "\(TestPaths.feedwatchBinary.path) parse --json",
                                            "--tier", tier, "--show-failures", tier == "core" ? "50" : "0"])
        #expect(result.status == 0, "\(result.stderr)")
        let summary = try #require(result.stdout.split(separator: "\n").last { $0.hasPrefix("conformance: ") })
        let numbers = summary.split(separator: " ").compactMap { Int($0) }
        try #require(numbers.count == 2, "unexpected summary: \(summary)")
        #expect(numbers[0] >= floor.passed, "\(tier): conformance fell to \(numbers[0]) (floor \(floor.passed)):\n\(result.stdout)")
        #expect(numbers[0] + numbers[1] == floor.cases)
    }
}
