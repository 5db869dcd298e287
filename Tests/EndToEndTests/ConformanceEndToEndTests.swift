import Foundation
import Testing
import TestSupport

/// feedparser's own test suite (../shared/conformance) against `feedwatch parse --json`.
/// The floor only ever goes up: a change that loses a case fails here.
struct ConformanceEndToEndTests {
    /// Passed cases of the core tier at the last raise (see docs/conformance.md).
    static let coreFloor = 730

    @Test(.timeLimit(.minutes(5)))
    func feedparserCoreTierStaysAboveTheFloor() throws {
        let runner = TestPaths.packageRoot.appendingPathComponent("../shared/conformance/run_feedparser_suite.py").standardized
        try #require(FileManager.default.fileExists(atPath: runner.path), "conformance suite not found at \(runner.path)")
        let result = try ProcessRunner.run(URL(fileURLWithPath: "/usr/bin/env"),
                                           ["python3", runner.path, "--parser", "\(TestPaths.feedwatchBinary.path) parse --json",
                                            "--tier", "core", "--show-failures", "50"])
        #expect(result.status == 0, "\(result.stderr)")
        let summary = try #require(result.stdout.split(separator: "\n").last { $0.hasPrefix("conformance: ") })
        let numbers = summary.split(separator: " ").compactMap { Int($0) }
        try #require(numbers.count == 2, "unexpected summary: \(summary)")
        #expect(numbers[0] >= Self.coreFloor, "conformance fell to \(numbers[0]) (floor \(Self.coreFloor)):\n\(result.stdout)")
        #expect(numbers[0] + numbers[1] == 746)
    }
}
