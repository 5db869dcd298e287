import Entities
import Foundation

/// What makes two feed entries the same story, for one alert per story across feeds.
///
/// Syndicated stories carry the same article link (give or take tracking parameters, `www.`,
/// scheme and a trailing slash) or the same headline. Keys are compared, never shown.
public enum StoryKey {
    /// Query parameters that track the reader, not identify the article.
    public static let trackingParameters: Set<String> = [
        "fbclid", "gclid", "dclid", "msclkid", "mc_cid", "mc_eid", "cmpid", "ncid", "ito", "ref", "ref_src",
        "src", "ocid", "igshid", "at_medium", "at_campaign", "CMP", "cmp",
    ]

    /// The link with scheme, `www.`, fragment, tracking parameters and a trailing slash removed.
    public static func link(_ link: String?) -> String? {
        guard let link, var components = URLComponents(string: link.trimmingCharacters(in: .whitespaces)),
              var host = components.host?.lowercased(), !host.isEmpty else { return nil }
        if host.hasPrefix("www.") { host.removeFirst(4) }
        components.fragment = nil
        let kept = (components.queryItems ?? []).filter {
            !$0.name.lowercased().hasPrefix("utm_") && !trackingParameters.contains($0.name)
        }.sorted { ($0.name, $0.value ?? "") < ($1.name, $1.value ?? "") }
        var path = components.percentEncodedPath
        while path.hasSuffix("/") { path.removeLast() }
        var key = host + (components.port.map { ":\($0)" } ?? "") + path
        if !kept.isEmpty {
            key += "?" + kept.map { "\($0.name)=\($0.value ?? "")" }.joined(separator: "&")
        }
        return key
    }

    /// The headline's words, folded; nil for headlines too short to tell stories apart.
    public static func title(_ title: String?) -> String? {
        guard let title else { return nil }
        let words = Tokenizer().tokenize(title).filter { $0.kind != .punctuation }.map { TextFolding.fold($0.text) }
        guard words.count >= 4 else { return nil }
        return words.joined(separator: " ")
    }
}
