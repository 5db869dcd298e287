// swift-tools-version:5.4
import PackageDescription

// libFuzzer targets for feedwatch's parsers (docs/reliability.md, "Fuzzing").
//
// A package of its own, not targets of the root package: a target whose only entry point is
// `LLVMFuzzerTestOneInput` links only under `-sanitize=fuzzer`, which would break the plain
// `swift build` / `swift test`. Build and run it with `scripts/fuzz/run.sh` (scratch path
// `.build-fuzz`), never with a bare `swift build` here.

// Tools version 5.4 on purpose: from 5.5 on, SwiftPM links an executable with
// `--defsym main=<module>_main`, which fails for a target without a `main` of its own;
// libFuzzer's `main` must be the one linked. The Swift 6 language mode is asked for by flag.

/// `-parse-as-library`: the files hold no top-level code; libFuzzer's `main` drives them.
let settings: [SwiftSetting] = [.unsafeFlags(["-parse-as-library", "-swift-version", "6"])]

func fuzzTarget(_ name: String, _ products: [String]) -> Target {
    .executableTarget(
        name: name,
        dependencies: products.map { .product(name: $0, package: "feedwatch") },
        swiftSettings: settings
    )
}

let package = Package(
    name: "feedwatch-fuzz",
    dependencies: [.package(name: "feedwatch", path: "..")],
    targets: [
        fuzzTarget("fuzz-feedparser", ["FeedParsing"]),
        fuzzTarget("fuzz-dates", ["FeedParsing"]),
        fuzzTarget("fuzz-htmltext", ["FeedParsing"]),
        fuzzTarget("fuzz-entities", ["Entities"]),
        fuzzTarget("fuzz-rules", ["Watching"]),
        fuzzTarget("fuzz-config", ["Daemon"]),
    ]
)
