import Foundation
import Fetching

/// Reads a command's FILE|URL argument: http(s) URLs through the fetcher (same limits and
/// TLS rules as the daemon), anything else as a local file, `-` as standard input.
enum InputSource {
    /// - Parameter headers: the headers the config gives this URL's feed (an API key): a feed
    ///   that needs them answers 401 or 403 to a request without them.
    static func load(_ argument: String, headers: [HTTPHeader] = []) async throws -> (bytes: [UInt8], url: String?, contentType: String?) {
        let lower = argument.lowercased()
        if lower.hasPrefix("http://") || lower.hasPrefix("https://") {
            let fetcher = Fetcher()
            defer { fetcher.shutdown() }
            do {
                let response = try await fetcher.fetch(FetchRequest(url: argument, headers: headers))
                return (response.body, response.effectiveURL, response.contentType)
            } catch {
                throw CommandFailure.runtime("\(argument): \(error)")
            }
        }
        if argument == "-" {
            return (Array(FileHandle.standardInput.readDataToEndOfFile()), nil, nil)
        }
        var path = argument
        if lower.hasPrefix("file://") { path = String(argument.dropFirst(7)) }
        else if lower.contains("://") { throw CommandFailure.config("\(argument): only http, https and file URLs are read") }
        guard let data = FileManager.default.contents(atPath: path) else {
            let reason = FileManager.default.fileExists(atPath: path) ? "cannot read it (permission denied?)" : "no such file"
            throw CommandFailure.runtime("\(path): \(reason)")
        }
        return (Array(data), URL(fileURLWithPath: path).absoluteString, nil)
    }
}
