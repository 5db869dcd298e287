import ArgumentParser
import Daemon
import FeedModel
import Watching

/// `feedwatch watch test NAME FILE|URL`: does this one watch fire on these entries, and why.
/// The matcher is built from all the watch lists, exactly as the daemon builds it; for the URL
/// of a configured feed, from that feed's `watchlists:` and over its `fields:` only, as the
/// daemon matches that feed.
struct WatchTestCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "test",
        abstract: "Does this watch fire on a feed or an article, and why. Writes nothing.",
        discussion: """
            For every entry: whether the watch fires, what matched (alias, field, snippet) or why \
            not (not mentioned, excluded, only a weak alias without context), and the rules it makes \
            fire. Exit status 0 when it fires on at least one entry, 1 when it fires on none, 2 for \
            an unknown watch, a configuration error or an input that cannot be read.

            Example:
              feedwatch watch test "Vladimir Putin" article.txt
              feedwatch watch test Mueller feed.xml && echo fires
            """
    )

    @Argument(help: "The watch's name (or one of its aliases).", completion: WatchNameCompletion.kind)
    var name: String

    @Argument(help: "A feed file or URL, or a plain text or HTML article (- for standard input).", completion: .file())
    var source: String

    @OptionGroup var options: ConfigOption

    @Flag(help: "Print one JSON object per entry.")
    var json = false

    func run() async throws {
        var fired = 0
        do {
            let config = try ConfigLoader().load(path: options.config)
            let lists = try WatchListLoader().load(directory: config.watchlists)
            let watch = try Self.resolve(name, lists.watches, WatchMatcher(watches: lists.watches, rules: lists.rules))
            let feed = config.feed(forAddress: source)
            var scope: (watches: [Watch], rules: [Rule]) = (lists.watches, lists.rules)
            if let names = feed?.watchlists { scope = WatchListScope.restrict(lists, to: names) }
            let matcher = WatchMatcher(watches: scope.watches, rules: scope.rules)
            let outOfScope = !scope.watches.contains { $0.name == watch.name }
            if outOfScope, let names = feed?.watchlists, !json {
                print("note: this feed applies only the watch lists \(TerminalText.clean(names.joined(separator: ", "))) (its watchlists: key); "
                      + "'\(TerminalText.clean(watch.name))' is not in them, so it never fires on this feed\n")
            } else if let fields = feed?.fields, !json {
                print("note: this feed is matched on its \(fields.map(\.rawValue).joined(separator: ", ")) only (its fields: key)\n")
            }
            let input = try await ScanInput.load(source, headers: feed?.headers ?? [])
            for (n, item) in input.items.enumerated() {
                let text = item.text.only(feed?.fields)
                let (hits, rules) = matcher.evaluate(text)
                let hit = hits.first { $0.watch.name == watch.name }
                let reason = outOfScope ? "not in this feed's watch lists (watchlists: \(feed?.watchlists?.joined(separator: ", ") ?? ""))"
                    : matcher.explain(text).first { $0.watch == watch.name }?.reason ?? "not mentioned"
                let ruleNames = hit == nil ? [] : rules.filter { rule in
                    rule.expression.mentionedNames.contains { (matcher.watchName(for: $0) ?? $0) == watch.name }
                }.map(\.name)
                if hit != nil { fired += 1 }
                let key = item.entry.key(feedURL: input.url ?? source)
                if json {
                    print(Self.json(key: key, title: item.text.title, hit: hit, reason: reason, rules: ruleNames).serialized())
                    continue
                }
                if n > 0 { print("") }
                print("entry \(n + 1): \(TerminalText.clean(item.text.title.isEmpty ? key : item.text.title))")
                print("  \(hit == nil ? "silent" : "fires"): \(TerminalText.clean(reason))")
                for location in hit?.locations ?? [] {
                    print("    \(location.field.rawValue): \"\(TerminalText.clean(location.text))\" in \"\(TerminalText.clean(location.snippet))\"")
                }
                for rule in ruleNames { print("  rule '\(TerminalText.clean(rule))' fires too") }
            }
            if !json {
                print("\n'\(TerminalText.clean(watch.name))' fires on \(fired) of \(input.items.count) entr\(input.items.count == 1 ? "y" : "ies")")
            }
        } catch let failure as CommandFailure {
            // Status 1 means "fires on none" (`watch test … || echo would not alert`): an input
            // that cannot be read or fetched is an error, 2, as grep does.
            exitWith(CommandFailure(message: failure.message, code: 2))
        } catch {
            exitWith(error)
        }
        if fired == 0 { throw ExitCode(1) }
    }

    /// The watch by exact name, by the same name in other case or accents, or by an alias.
    static func resolve(_ name: String, _ watches: [Watch], _ matcher: WatchMatcher) throws -> Watch {
        if let found = WatchListEditor.watchWithSameName(name.trimmedWhitespace, in: watches) { return found }
        if let owner = matcher.watchName(for: name), let found = watches.first(where: { $0.name == owner }) { return found }
        throw CommandFailure.config("no watch named '\(name)'; `feedwatch watch list` shows them")
    }

    static func json(key: String, title: String, hit: WatchHit?, reason: String, rules: [String]) -> JSONValue {
        var o = JSONObjectBuilder()
        o.add("entry", key)
        o.add("title", title)
        o.add("fires", hit != nil)
        o.add("reason", reason)
        o.add("matches", .array((hit?.locations ?? []).map { location in
            var m = JSONObjectBuilder()
            m.add("text", location.text)
            m.add("field", location.field.rawValue)
            m.add("start", location.start)
            m.add("end", location.end)
            m.add("snippet", location.snippet)
            return m.value
        }))
        o.add("rules", .array(rules.map(JSONValue.string)))
        return o.value
    }
}
