import ArgumentParser

/// Benchmarks that need feedwatch's modules in process (the others are shell scripts in
/// scripts/bench/). Each prints its figures against a reference measured in the same run.
@main
struct FeedwatchBench: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "feedwatch-bench",
        abstract: "In-process benchmarks of feedwatch's stages.",
        subcommands: [MatchBenchmark.self, FetchParseBenchmark.self]
    )
}
