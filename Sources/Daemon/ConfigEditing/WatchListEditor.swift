#if canImport(Glibc)
import Glibc
#endif
import Foundation
import Watching

/// Adds and removes watches in the files of a watch-list directory the way a careful person
/// edits them by hand: only the lines of the one watch change, so the user's comments, order,
/// quoting and line breaks survive byte for byte.
///
/// Every edit is checked before it is written: the whole directory is loaded with the edited
/// text in place (the same loader and rules as `feedwatch check`), and the result must be the
/// old watches and rules plus (or minus) exactly the one watch. Only then is the file replaced
/// atomically (temporary file, fsync, rename), under an exclusive lock on the directory so that
/// two edits at once cannot lose each other.
///
/// The pieces: the text edits are in WatchListText.swift (pure, tested on strings), the YAML of
/// one watch in WatchYAML.swift, the checks of names and values in WatchListEditChecks.swift; the
/// line logic (`YAMLLines`), the atomic replacement (`AtomicFileWriter`) and the lock
/// (`EditLock`) are shared with the feeds editor.
public struct WatchListEditor: Sendable {
    public let directory: String

    public init(directory: String) {
        self.directory = directory
    }

    /// What an edit changed: the watch (its name as written), the file, and the lines of the
    /// watch (1-based; for an addition in the new file, for a removal in the old one).
    public struct Edit: Sendable, Equatable {
        public var name: String
        public var path: String
        public var lines: ClosedRange<Int>
    }

    /// The file `watch add` writes to when not told otherwise.
    public static let defaultFile = "local.yaml"

    /// Adds `watch` at the end of the `watch:` list of `file` (a name in the directory, created
    /// with a header comment when absent). Refuses a name (or folded name) that a watch already
    /// has, or that is already another watch's alias.
    public func add(_ watch: Watch, file: String = WatchListEditor.defaultFile) throws(WatchListEditError) -> Edit {
        try checkFileName(file)
        let watch = Self.cleaned(watch)
        try Self.checkValues(watch)
        return try withDirectoryLock { () throws(WatchListEditError) -> Edit in
            let before = try loadCurrent()
            if let existing = Self.watchWithSameName(watch.name, in: before.watches) {
                throw .refused("a watch named '\(existing.name)' already exists (\(existing.origin ?? "?")); `feedwatch watch remove` it first or choose another name")
            }
            let aliases = WatchMatcher(watches: before.watches, nameLists: nil)
            if let owner = aliases.watchName(for: watch.name), let other = before.watches.first(where: { $0.name == owner }) {
                throw .refused("'\(watch.name)' is already an alias of watch '\(owner)' (\(other.origin ?? "?")); rules naming it would mean that watch: choose another name")
            }
            let path = (directory as NSString).appendingPathComponent(file)
            let exists = FileManager.default.fileExists(atPath: path)
            let old = exists ? try read(path) : ""
            let (text, lines) = try Self.adding(watch, to: old, isNewFile: !exists, file: file)
            let after = try loadEdited(file, text)
            let expected = before.watches.map(Self.unlocated) + [watch]
            guard Set(after.watches.map(Self.unlocated).map(WatchKey.init)) == Set(expected.map(WatchKey.init)),
                  after.watches.count == expected.count,
                  after.rules.map(Self.unlocated) == before.rules.map(Self.unlocated) else {
                throw .refused("\(path): the edit would not read back as exactly one new watch; nothing was written (please report this with the file)")
            }
            try write(text, to: path)
            return Edit(name: watch.name, path: path, lines: lines)
        }
    }

    /// Removes the watch called `name` (its exact name, or the same name in other case or
    /// accents) from the file that defines it. Refuses while a rule names it.
    public func remove(named name: String) throws(WatchListEditError) -> Edit {
        try withDirectoryLock { () throws(WatchListEditError) -> Edit in
            let before = try loadCurrent()
            let target = try Self.find(name, in: before.watches)
            let matcher = WatchMatcher(watches: before.watches, nameLists: nil)
            let users = before.rules.filter { rule in
                rule.expression.mentionedNames.contains { (matcher.watchName(for: $0) ?? $0) == target.name }
            }
            if !users.isEmpty {
                let list = users.map { "'\($0.name)' (\($0.origin ?? "?"))" }.joined(separator: ", ")
                throw .refused("watch '\(target.name)' is used by rule \(list); change or remove the rule first")
            }
            guard let origin = target.origin, let colon = origin.lastIndex(of: ":") else {
                throw .refused("watch '\(target.name)': cannot tell which file defines it")
            }
            let file = String(origin[..<colon])
            let path = (directory as NSString).appendingPathComponent(file)
            let old = try read(path)
            let (text, lines) = try Self.removing(target.name, from: old, file: file)
            let after = try loadEdited(file, text)
            let expected = before.watches.filter { $0.name != target.name }.map(Self.unlocated)
            guard after.watches.map(Self.unlocated) == expected,
                  after.rules.map(Self.unlocated) == before.rules.map(Self.unlocated) else {
                throw .refused("\(path): the edit would not read back as exactly one watch less; nothing was written (please report this with the file)")
            }
            try write(text, to: path)
            return Edit(name: target.name, path: path, lines: lines)
        }
    }

    /// The watch a user means by `name`: exact, else the one name that folds the same
    /// ("vladimir putin"). An alias is not enough for an edit: it names the watch instead.
    static func find(_ name: String, in watches: [Watch]) throws(WatchListEditError) -> Watch {
        let name = name.trimmedWhitespace
        if let exact = watches.first(where: { $0.name == name }) { return exact }
        if let folded = watchWithSameName(name, in: watches) { return folded }
        if let owner = WatchMatcher(watches: watches, nameLists: nil).watchName(for: name) {
            throw .refused("'\(name)' is an alias of watch '\(owner)'; name the watch itself")
        }
        throw .refused("no watch named '\(name)'; `feedwatch watch list` shows them")
    }


    /// Loads the directory as it is; an edit starts only from watch lists that `check` accepts.
    private func loadCurrent() throws(WatchListEditError) -> WatchListLoader.Loaded {
        do {
            return try WatchListLoader().load(directory: directory)
        } catch {
            throw .refused("the watch lists have errors; fix them first (`feedwatch check`). Nothing was written.\n\(error.description)")
        }
    }

    private func loadEdited(_ file: String, _ text: String) throws(WatchListEditError) -> WatchListLoader.Loaded {
        do {
            return try WatchListLoader().load(directory: directory, overriding: (file, text))
        } catch {
            throw .refused("the edited watch lists would not load; nothing was written.\n\(error.description)")
        }
    }

    private func read(_ path: String) throws(WatchListEditError) -> String {
        do { return try String(contentsOfFile: path, encoding: .utf8) } catch {
            throw .io("\(path): cannot read: \(ConfigLoader.reason(error))")
        }
    }

    /// Replaces the file atomically, keeping its mode, its owner (for root) and a symlink;
    /// a new file gets 0644 less the umask.
    private func write(_ text: String, to path: String) throws(WatchListEditError) {
        do {
            try AtomicFileWriter.write(text, to: path, options: [.keepOwner, .applyUmask])
        } catch let failure as AtomicFileWriter.Failure {
            let hint = failure.code == EACCES || failure.code == EPERM ? " (run it as a user who may write there, e.g. with sudo)" : ""
            throw .io("\(failure); the file is unchanged\(hint)")
        } catch {
            throw .io("\(path): \(error); the file is unchanged")
        }
    }

    /// Runs `body` holding the exclusive lock on the watch-list directory (`EditLock`), from
    /// reading the lists to replacing the file, so that two edits at once both land.
    private func withDirectoryLock<T>(_ body: () throws(WatchListEditError) -> T) throws(WatchListEditError) -> T {
        try EditLock.withLock(onDirectory: directory, failure: { failure in
            switch failure.step {
            case .open where failure.code == ENOENT || failure.code == ENOTDIR:
                .refused("\(directory): cannot read the watch-list directory: \(failure.reason) (see `watchlists:` in the config)")
            case .open: .io("\(directory): cannot open the watch-list directory: \(failure.reason)")
            case .lock: .io("\(directory): cannot lock: \(failure.reason)")
            }
        }, body)
    }
}
