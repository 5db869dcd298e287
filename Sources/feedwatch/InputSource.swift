import Foundation
import FeedParsing
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
        // Read straight into [UInt8] (FileBytes): no Data beside the array, so the input is held once.
        // One byte past the parser's document limit is enough for it to say the rest was not read.
        let limit = FeedParser().maxDocumentBytes + 1
        if argument == "-" {
            do {
                return (try FileBytes.read(descriptor: STDIN_FILENO, limit: limit), nil, nil)
            } catch {
                throw CommandFailure.runtime("standard input: \(error.reason)")
            }
        }
        var path = argument
        if lower.hasPrefix("file://") { path = String(argument.dropFirst(7)) }
        else if lower.contains("://") { throw CommandFailure.config("\(argument): only http, https and file URLs are read") }
        do {
            return (try FileBytes.read(path: path, limit: limit), URL(fileURLWithPath: path).absoluteString, nil)
        } catch {
            throw CommandFailure.runtime("\(path): \(error.reason)")
        }
    }
}
