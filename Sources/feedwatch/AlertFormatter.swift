import Foundation

/// Prints an alert-log line for people: when, who or what, where it was seen, the matching
/// words in context, and the link. Everything from the feed is stripped of control
/// characters first; colour is added only by us, and only on a terminal.
struct AlertFormatter {
    var color: Bool

    func format(_ object: [String: Any]) -> String {
        let clean = { (s: Any?) in TerminalText.clean((s as? String) ?? "") }
        let feed = object["feed"] as? [String: Any] ?? [:]
        let entry = object["entry"] as? [String: Any] ?? [:]
        let name = object["rule"].map { "rule " + clean($0) } ?? clean(object["watch"])
        let severity = clean(object["severity"])
        let time = clean(object["time"]).replacingOccurrences(of: "T", with: " ")
        var header = TerminalText.style(time, .dim, color: color) + "  "
        header += TerminalText.style(name, .bold, color: color)
        header += TerminalText.style("  \(clean(object["type"]))", .dim, color: color)
        if severity != "normal", !severity.isEmpty {
            header += "  " + TerminalText.style("[\(severity)]", severity == "low" ? .dim : .red, color: color)
        }
        var lines = [header]
        let feedTitle = clean(feed["title"]).isEmpty ? clean(feed["url"]) : clean(feed["title"])
        // A republished story names its outlet: "Google News via Reuters: …".
        let origin = clean((entry["source"] as? [String: Any])?["title"])
        let via = origin.isEmpty ? "" : TerminalText.style(" via " + origin, .dim, color: color)
        lines.append("  " + TerminalText.style(feedTitle, .cyan, color: color) + via + ": " + clean(entry["title"]))
        var shown = Set<String>()
        for match in (object["matches"] as? [[String: Any]] ?? []).prefix(3) {
            let snippet = clean(match["snippet"])
            guard shown.insert(snippet).inserted else { continue }
            lines.append("  " + TerminalText.style("\(clean(match["field"])):", .dim, color: color) + " " + highlight(snippet, clean(match["text"])))
        }
        if let link = entry["link"] as? String { lines.append("  " + TerminalText.style(TerminalText.clean(link), .blue, color: color)) }
        return lines.joined(separator: "\n")
    }

    private func highlight(_ snippet: String, _ word: String) -> String {
        guard color, !word.isEmpty, let range = snippet.range(of: word) else { return snippet }
        return snippet.replacingCharacters(in: range, with: TerminalText.style(word, .yellow, color: true))
    }

    /// Parses one log line; nil for a line that is not a JSON object (reported by the caller).
    static func parse(_ line: String) -> [String: Any]? {
        guard let data = line.data(using: .utf8),
              let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any] else { return nil }
        return object
    }
}
