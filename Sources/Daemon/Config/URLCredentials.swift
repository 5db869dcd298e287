import Foundation

/// Credentials written inside a feed URL (`https://user:secret@host/feed`), kept out of output.
///
/// Some feeds are only reachable with a user name and password or an API token in the URL,
/// and the config is the place for them; `feeds list` and `status` are printed to terminals,
/// pasted into bug reports and piped into other tools, so they show `user:****@` instead. A
/// user part with no password is often a token (`https://TOKEN@api.example/feed`) and is
/// hidden as well. Everything else is kept byte for byte.
public enum URLCredentials {
    public static let mask = "****"

    /// `url` with its password (or a lone user part) replaced by `****`; unchanged without credentials.
    public static func redacted(_ url: String) -> String {
        let u = Array(url.utf8)
        guard let colon = FeedURLIdentity.separator(in: u) else { return url }
        let start = colon + 3
        var end = start
        while end < u.count, u[end] != UInt8(ascii: "/"), u[end] != UInt8(ascii: "?"), u[end] != UInt8(ascii: "#") { end += 1 }
        // The last "@" of the authority ends the user information (a password may hold an "@").
        guard let at = u[start..<end].lastIndex(of: UInt8(ascii: "@")) else { return url }
        let userinfo = u[start..<at]
        let kept: [UInt8]
        if let colon = userinfo.firstIndex(of: UInt8(ascii: ":")), colon > start {
            kept = Array(u[start...colon]) + Array(mask.utf8)
        } else {
            kept = Array(mask.utf8)
        }
        return String(decoding: u[..<start] + kept + u[at...], as: UTF8.self)
    }

    /// `message` with every quotation of `url` shown as `redacted(url)`: errors and warnings that
    /// name the feed's address (status, the daemon's log).
    public static func redacted(_ message: String, quoting url: String) -> String {
        let shown = redacted(url)
        return shown == url ? message : message.replacingOccurrences(of: url, with: shown)
    }
}
