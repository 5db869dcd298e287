import Foundation
import Testing
import TestSupport

/// libcurl is loaded on first fetch (dlopen, Sources/CCurl), not at process start: commands that
/// read local files never map it, a fetch still works, and a missing libcurl is a clear error for
/// the fetch alone (issue #4, docs/benchmarks.md).
struct LazyLibcurlEndToEndTests {
    let sample = TestPaths.sample("world-news.rss.xml").path

    /// The libraries the dynamic loader opened, from `LD_DEBUG=files` (one "file=NAME [0];" line each).
    func loadedLibraries(_ stderr: String) -> [String] {
        stderr.split(separator: "\n").compactMap { line in
            guard let start = line.range(of: "file=") else { return nil }
            let rest = line[start.upperBound...]
            return rest.split(whereSeparator: { $0 == " " || $0 == ";" }).first.map(String.init)
        }
    }

    @Test func parseOfAFileDoesNotLoadLibcurl() throws {
        let result = try ProcessRunner.run(TestPaths.feedwatchBinary, ["parse", sample], environment: ["LD_DEBUG": "files"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("World News & Politics (sample)"))
        let libraries = loadedLibraries(result.stderr)
        // LD_DEBUG took effect: the libraries the binary does link are listed.
        #expect(libraries.contains { $0.hasPrefix("libxml2.so") }, "\(libraries)")
        #expect(!libraries.contains { $0.contains("libcurl") }, "\(libraries)")
    }

    @Test func aFetchLoadsLibcurlWhenItIsNeeded() throws {
        let server = try TestHTTPServer()
        defer { server.stop() }
        let body = try TestPaths.sampleBytes("world-news.rss.xml")
        server.route("/world", { _ in .init(status: 200, body: body) })
        let result = try ProcessRunner.run(TestPaths.feedwatchBinary, ["parse", server.baseURL + "/world"],
                                           environment: ["LD_DEBUG": "files"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("World News & Politics (sample)  (rss20, 4 entries)"))
        #expect(loadedLibraries(result.stderr).contains { $0.hasPrefix("libcurl.so") })
    }

    @Test func withoutLibcurlAFetchFailsClearlyAndFilesStillParse() throws {
        // Empty files named like libcurl, first on the search path: dlopen finds them and refuses them.
        let directory = try TestPaths.temporaryDirectory("feedwatch-no-libcurl")
        for name in ["libcurl.so.4", "libcurl.so"] {
            try Data().write(to: directory.appendingPathComponent(name))
        }
        let environment = ["LD_LIBRARY_PATH": directory.path]
        let server = try TestHTTPServer()
        defer { server.stop() }
        server.route("/world", { _ in .init(status: 200, body: [UInt8]("<rss/>".utf8)) })

        let fetch = try ProcessRunner.run(TestPaths.feedwatchBinary, ["parse", server.baseURL + "/world"], environment: environment)
        #expect(fetch.status == 1)
        #expect(fetch.stderr.contains("\(server.baseURL)/world: cannot load libcurl ("), "\(fetch.stderr)")
        #expect(fetch.stderr.contains(directory.appendingPathComponent("libcurl.so.4").path + ": file too short"), "\(fetch.stderr)")
        #expect(fetch.stderr.contains("libcurl.so: file too short"), "\(fetch.stderr)")
        #expect(server.requests.isEmpty)

        let file = try ProcessRunner.run(TestPaths.feedwatchBinary, ["parse", sample], environment: environment)
        #expect(file.status == 0, "\(file.stderr)")
        #expect(file.stdout.contains("(rss20, 4 entries)"))
    }
}
