import ArgumentParser
import Daemon
import Foundation
import Watching

struct WatchAddCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "add",
        abstract: "Add a watch to a watch-list file (default: local.yaml in the watch-list directory).",
        discussion: """
            The watch is appended to the file's `watch:` list; the rest of the file is kept byte for \
            byte. A name that a watch already has (in any case or accents), or that is another \
            watch's alias, is refused, and so is any edit `feedwatch check` would reject: nothing \
            is written then (exit 2).

            Example:
              feedwatch watch add "Vladimir Putin" --type person --alias Putin
              feedwatch watch add sanctions --type topic --term sanction --file russia.yaml
            """
    )

    @Argument(help: "The watch's name, as alerts show it.")
    var name: String

    @Option(help: "What it is (org: an organisation).")
    var type: WatchKindArgument

    @Option(name: .customLong("alias"), help: "Another name of it (repeat for more): Putin, \"President Putin\".")
    var aliases: [String] = []

    @Option(name: .customLong("term"), help: "A word of a topic (repeat for more); inflections match too.")
    var terms: [String] = []

    @Option(name: .customLong("context"), help: "A word that must also appear when only a weak one-word alias matched (repeat for more).")
    var context: [String] = []

    @Option(name: .customLong("exclude"), help: "A word that vetoes the watch for an entry (repeat for more).")
    var exclude: [String] = []

    @Option(help: "low, normal, high or critical (default: normal).")
    var severity: String?

    @Option(help: "The watch-list file: a name in the watch-list directory (created when absent).",
            completion: .file(extensions: ["yaml", "yml"]))
    var file: String = WatchListEditor.defaultFile

    @OptionGroup var options: ConfigOption
    @OptionGroup var reload: ReloadOption

    func validate() throws {
        if let severity, Severity(rawValue: severity.lowercased()) == nil {
            throw ValidationError("--severity: '\(severity)' is not one of low, normal, high, critical")
        }
    }

    func run() async throws {
        let config: Config
        do { config = try ConfigLoader().load(path: options.config) } catch { exitWith(error) }
        let watch = Watch(name: name, kind: type.kind, aliases: aliases, terms: terms, context: context, exclude: exclude,
                          severity: severity.flatMap { Severity(rawValue: $0.lowercased()) } ?? .normal)
        let edit: WatchListEditor.Edit
        do {
            let fileName = try Self.fileName(file, directory: config.watchlists)
            edit = try WatchListEditor(directory: config.watchlists).add(watch, file: fileName)
        } catch let error as WatchListEditError {
            exitWith(error)
        } catch {
            exitWith(error)
        }
        print("added watch '\(TerminalText.clean(edit.name))' (\(watch.kind.rawValue)) to \(TerminalText.clean(edit.path)), lines \(edit.lines.lowerBound)-\(edit.lines.upperBound)")
        for note in Self.weakAliasNotes(watch) { print(note) }
        print(tellDaemonToReload(config: config, enabled: !reload.noReload))
    }

    /// One-word aliases of a person that match only with support (WatchMatcher's weak aliases),
    /// said up front so that a quiet `Paul` is no surprise.
    static func weakAliasNotes(_ watch: Watch) -> [String] {
        guard watch.kind == .person else { return [] }
        let oneWord = watch.aliases.map(\.trimmedWhitespace).filter { !$0.isEmpty && !$0.contains(where: \.isWhitespace) }
        if !watch.context.isEmpty {
            return oneWord.map { "note: '\(TerminalText.clean($0))' alone counts only with a title before it, the full name, or a --context word in the entry" }
        }
        let common = oneWord.filter { alias in
            WatchMatcher.shippedNameLists?([alias]).contains { $0 == "firstname" || $0 == "surname" } ?? false
        }
        return common.map { "note: '\(TerminalText.clean($0))' is a common first name or surname: alone it counts only with a title before it or the full name (add --context words to widen that)" }
    }

    /// `--file` as a name in the watch-list directory: a bare name, or a path to a file in that
    /// directory. A file elsewhere would never be read, so it is refused.
    static func fileName(_ file: String, directory: String) throws -> String {
        guard file.contains("/") else { return file }
        let given = URL(fileURLWithPath: file).standardizedFileURL.resolvingSymlinksInPath()
        let parent = given.deletingLastPathComponent().path
        let lists = URL(fileURLWithPath: directory).standardizedFileURL.resolvingSymlinksInPath().path
        guard parent == lists else {
            throw CommandFailure.config("--file: \(file) is not in the watch-list directory \(directory), the only place feedwatch reads watch lists from")
        }
        return given.lastPathComponent
    }
}

struct WatchRemoveCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "remove",
        abstract: "Remove a watch from the file that defines it.",
        discussion: """
            Only the watch's own lines are deleted; comments and blank lines between watches are \
            kept. A watch that a rule names is not removed (exit 2): change the rule first.

            Example:
              feedwatch watch remove "Robert Mueller"
            """
    )

    @Argument(help: "The watch's name.", completion: WatchNameCompletion.kind)
    var name: String

    @OptionGroup var options: ConfigOption
    @OptionGroup var reload: ReloadOption

    func run() async throws {
        let config: Config
        do { config = try ConfigLoader().load(path: options.config) } catch { exitWith(error) }
        let edit: WatchListEditor.Edit
        do { edit = try WatchListEditor(directory: config.watchlists).remove(named: name) } catch { exitWith(error) }
        let lines = edit.lines.count == 1 ? "line \(edit.lines.lowerBound)" : "lines \(edit.lines.lowerBound)-\(edit.lines.upperBound)"
        print("removed watch '\(TerminalText.clean(edit.name))' from \(TerminalText.clean(edit.path)) (was \(lines))")
        print(tellDaemonToReload(config: config, enabled: !reload.noReload))
    }
}
