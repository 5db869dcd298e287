import ArgumentParser
import FeedParsing
import Fetching
import Foundation

/// `feedwatch-bench fetch-parse URLS-FILE`: the cold cycle's fetch-and-parse part alone.
///
/// Issue #5 sets its cold target on "fetch and parse, entity extraction off"; `run --once`
/// also writes every entry's seen key and the feed state to SQLite, so its time is an upper
/// bound. This drives the daemon's own `Fetcher` (one libcurl multi handle, 64 connections,
/// 2 per host) with the daemon's window of 128 transfers in flight, and parses every body with
/// `FeedParser`, as `FeedPoller` does, without touching state. Prints one line of figures.
struct FetchParseBenchmark: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fetch-parse",
        abstract: "Fetch and parse every URL of a file (one per line) the way a cold cycle does, without state."
    )

    @Argument(help: "A file with one http(s) URL per line.")
    var urls: String

    @Option(help: "Transfers in flight at once (the daemon uses 128).")
    var window = 128

    @Option(help: "Connections per host (the daemon's default, max_connections_per_host, is 2).")
    var perHost = 2

    @Flag(help: "Fetch only: what the fetching side costs without the parser.")
    var noParse = false

    func run() async throws {
        let list = try String(contentsOfFile: urls, encoding: .utf8).split(whereSeparator: \.isNewline).map(String.init)
        let fetcher = Fetcher(maxConnectionsPerHost: perHost)
        defer { fetcher.shutdown() }
        let start = Date()
        let parses = !noParse
        let (fetched, failed, entries, bytes) = await withTaskGroup(of: (Bool, Int, Int).self) { group in
            var pending = list.makeIterator()
            func next(_ group: inout TaskGroup<(Bool, Int, Int)>) {
                guard let url = pending.next() else { return }
                group.addTask {
                    guard var response = try? await fetcher.fetch(FetchRequest(url: url)), response.status == 200 else { return (false, 0, 0) }
                    let size = response.body.count
                    // Parsed, then released, as FeedPoller does.
                    let entries = parses
                        ? FeedParser().parse(response.body, documentURL: response.effectiveURL, httpContentType: response.contentType).entries.count
                        : 0
                    response.releaseBody()
                    return (true, entries, size)
                }
            }
            for _ in 0..<max(1, window) { next(&group) }
            var fetched = 0, failed = 0, entries = 0, bytes = 0
            while let (ok, count, size) = await group.next() {
                if ok { fetched += 1 } else { failed += 1 }
                entries += count
                bytes += size
                next(&group)
            }
            return (fetched, failed, entries, bytes)
        }
        let seconds = Date().timeIntervalSince(start)
        print("fetch_parse_s=\(String(format: "%.3f", seconds)) feeds=\(list.count) fetched=\(fetched) failed=\(failed) entries=\(entries) bytes=\(bytes)")
        if failed > 0 { throw ExitCode(1) }
    }
}
