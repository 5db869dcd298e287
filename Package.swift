// swift-tools-version:6.0
import Foundation
import PackageDescription

/// Settings every Swift target shares: Swift 6 language mode comes from the tools version;
/// `ExistentialAny` keeps existential costs visible in the source.
let swiftSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
]

/// The executables allocate through mimalloc when its library is installed (Debian:
/// libmimalloc-dev, which `make` installs with the others): the daemon allocates from a libcurl
/// thread and frees on the parse threads, the pattern glibc's arenas are slowest at, and a cold
/// cycle's fetch-and-parse costs about 5% less CPU and 7% less time with it
/// (docs/benchmarks-polling.md, "Allocator").
/// `FEEDWATCH_MALLOC=system` builds against glibc's malloc; without the library the build falls
/// back to it too (`ldd feedwatch | grep mimalloc` tells which one a binary got).
let mimallocInstalled = ["/usr/lib/x86_64-linux-gnu", "/usr/lib/aarch64-linux-gnu", "/usr/lib64", "/usr/lib", "/usr/local/lib"]
    .contains { FileManager.default.fileExists(atPath: $0 + "/libmimalloc.so") }
let allocatorSettings: [LinkerSetting] =
    Context.environment["FEEDWATCH_MALLOC"] != "system" && mimallocInstalled ? [.linkedLibrary("mimalloc", .when(platforms: [.linux]))] : []

let package = Package(
    name: "feedwatch",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "feedwatch", targets: ["feedwatch"]),
        // The parsing stages as libraries, so the fuzz package (Fuzz/Package.swift, docs/reliability.md)
        // can link them without putting fuzz targets, which only link under -sanitize=fuzzer, in this package.
        .library(name: "FeedParsing", targets: ["FeedParsing"]),
        .library(name: "Entities", targets: ["Entities"]),
        .library(name: "Watching", targets: ["Watching"]),
        .library(name: "Daemon", targets: ["Daemon"]),
    ],
    dependencies: [
        // The command line: subcommands, help and usage errors (exit 2) without hand parsing,
        // shell completions. 1.6 for completion closures that see the command line (watch names).
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.6.0"),
        // YAML config; `compose` gives node marks, so errors name file, line and column.
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
        // `run` as services under one ServiceGroup: SIGTERM/SIGINT become a bounded graceful
        // shutdown, the way server-side Swift daemons behave (issue #8). Brings swift-log and
        // swift-async-algorithms; about 30 s of a clean CI build.
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.0"),
        // Metrics (issue #10): the standard Swift metrics API, so counters and timers are named the way
        // server-side Swift libraries name theirs; tiny (CoreMetrics + Metrics, no dependencies). The
        // backend that writes a Prometheus text file is our own (Sources/Daemon/Metrics).
        .package(url: "https://github.com/apple/swift-metrics", from: "2.13.0"),
    ],
    targets: [
        // MARK: C bridges (the only C in the package)
        // libcurl is dlopen'ed on first use (Sources/CCurl/ccurl_load.c), not linked: a process that
        // never fetches does not map libcurl and the ~35 libraries it pulls in (docs/benchmarks.md).
        // curl/curl.h (libcurl4-openssl-dev) is still needed to build, for types and constants.
        .target(name: "CCurl"),
        .systemLibrary(
            name: "CLibXML2",
            pkgConfig: "libxml-2.0",
            providers: [.apt(["libxml2-dev"])]
        ),
        .systemLibrary(
            name: "CSQLite",
            providers: [.apt(["libsqlite3-dev"])]
        ),

        // MARK: Stages of the pipeline (DESIGN.md, "Modules")
        .target(name: "FeedModel", swiftSettings: swiftSettings),
        .target(name: "FeedParsing", dependencies: ["CLibXML2", "FeedModel"], swiftSettings: swiftSettings),
        .target(name: "Fetching", dependencies: ["CCurl"], swiftSettings: swiftSettings),
        .target(name: "Entities", resources: [.copy("Resources")], swiftSettings: swiftSettings),
        .target(name: "Watching", dependencies: ["Entities", "FeedModel"], swiftSettings: swiftSettings),
        .target(name: "Store", dependencies: ["CSQLite", "FeedModel", "Watching"], swiftSettings: swiftSettings),
        .target(
            name: "Daemon",
            dependencies: [
                "FeedModel", "FeedParsing", "Fetching", "Entities", "Watching", "Store",
                .product(name: "Yams", package: "Yams"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "UnixSignals", package: "swift-service-lifecycle"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "CoreMetrics", package: "swift-metrics"),
                .product(name: "Metrics", package: "swift-metrics"),
            ],
            swiftSettings: swiftSettings
        ),
        .executableTarget(
            name: "feedwatch",
            dependencies: [
                "Daemon", "FeedModel", "FeedParsing", "Entities", "Watching", "Store",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: swiftSettings,
            linkerSettings: allocatorSettings
        ),
        // The entity tagger's tools: train a model, score it (docs/ner.md).
        .executableTarget(
            name: "feedwatch-ner",
            dependencies: [
                "Entities",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: swiftSettings
        ),

        // In-process benchmarks (docs/benchmarks.md).
        .executableTarget(
            name: "feedwatch-bench",
            dependencies: [
                "Daemon", "Entities", "Watching", "FeedModel", "FeedParsing", "Fetching",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: swiftSettings,
            linkerSettings: allocatorSettings
        ),

        // MARK: Tests
        .target(name: "TestSupport", dependencies: ["FeedModel"], path: "Tests/TestSupport", swiftSettings: swiftSettings),
        .testTarget(name: "FeedModelTests", dependencies: ["FeedModel"], swiftSettings: swiftSettings),
        .testTarget(name: "FeedParsingTests", dependencies: ["FeedParsing", "TestSupport"], swiftSettings: swiftSettings),
        .testTarget(name: "FetchingTests", dependencies: ["Fetching", "TestSupport"], swiftSettings: swiftSettings),
        .testTarget(name: "EntitiesTests", dependencies: ["Entities", "TestSupport"], swiftSettings: swiftSettings),
        .testTarget(name: "WatchingTests", dependencies: ["Watching", "TestSupport"], exclude: ["Fixtures"], swiftSettings: swiftSettings),
        .testTarget(name: "StoreTests", dependencies: ["Store", "TestSupport"], swiftSettings: swiftSettings),
        .testTarget(name: "DaemonTests", dependencies: [
            "Daemon", "TestSupport", .product(name: "CoreMetrics", package: "swift-metrics"), .product(name: "Metrics", package: "swift-metrics"),
        ], swiftSettings: swiftSettings),
        .testTarget(name: "EndToEndTests", dependencies: ["TestSupport"], swiftSettings: swiftSettings),
    ]
)
