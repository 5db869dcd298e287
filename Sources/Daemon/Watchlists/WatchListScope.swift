import Foundation
import Watching

/// A feed's `watchlists: [russia, tech]` names watch-list files without their extension; this
/// finds which watches and rules those are, and which names match no file.
public enum WatchListScope {
    /// "russia" for `/etc/feedwatch/watchlists.d/russia.yaml` or an origin "russia.yaml:3".
    public static func listName(ofFile file: String) -> String {
        var name = (file as NSString).lastPathComponent
        if let colon = name.lastIndex(of: ":"), name[name.index(after: colon)...].allSatisfy(\.isNumber) {
            name = String(name[..<colon])
        }
        return (name as NSString).deletingPathExtension
    }

    /// The names a feed may use: one per watch-list file.
    public static func names(_ loaded: WatchListLoader.Loaded) -> Set<String> {
        Set(loaded.files.map { listName(ofFile: $0) })
    }

    /// Watches and rules defined in the named lists.
    public static func restrict(_ loaded: WatchListLoader.Loaded, to names: [String]) -> (watches: [Watch], rules: [Rule]) {
        let wanted = Set(names)
        return (loaded.watches.filter { wanted.contains(listName(ofFile: $0.origin ?? "")) },
                loaded.rules.filter { wanted.contains(listName(ofFile: $0.origin ?? "")) })
    }

    /// Feeds naming a watch list that does not exist: a config error at the feed's line.
    public static func problems(_ feeds: [FeedConfig], available: Set<String>) -> [ConfigError] {
        var errors: [ConfigError] = []
        for feed in feeds {
            for name in feed.watchlists ?? [] where !available.contains(name) {
                let known = available.isEmpty ? "there are none" : "known: " + available.sorted().joined(separator: ", ")
                errors.append(ConfigError(file: feed.source ?? "?", line: feed.line,
                                          message: "feed \(feed.url): watchlists: no watch-list file is named '\(name)' (\(known))"))
            }
        }
        return errors
    }
}
