import Foundation
import Testing
import TestSupport
import Watching
@testable import Daemon

/// `watch add` and `watch remove`: only the one watch's lines change; everything else of the
/// user's file (comments, blank lines, order, quoting, line breaks) is kept byte for byte.
struct WatchListEditingTests {
    let commented = """
        # Russia desk
        watch:
          # people first
          - name: A
            type: person
            aliases: [X]   # the short form
            # aliases: [old]  (kept for later)

          # B is important
          - name: B
            type: person
          - name: C
            type: topic
            terms: [c]
        rules: []
        # footer

        """

    func remove(_ name: String, _ text: String) throws -> String {
        try WatchListEditor.removing(name, from: text).0
    }

    func add(_ watch: Watch, _ text: String) throws -> String {
        try WatchListEditor.adding(watch, to: text).0
    }

    /// The watches a text reads as, with no errors.
    func watches(_ text: String) throws -> [Watch] {
        let (watches, _, errors) = WatchListLoader().parse(text, file: "t.yaml")
        #expect(errors.isEmpty, "\(errors)")
        return watches.map { var w = $0; w.origin = nil; return w }
    }

    @Test func removingAWatchDeletesOnlyItsLines() throws {
        let (text, lines) = try WatchListEditor.removing("A", from: commented)
        #expect(lines == 4...7)
        #expect(text == """
            # Russia desk
            watch:
              # people first

              # B is important
              - name: B
                type: person
              - name: C
                type: topic
                terms: [c]
            rules: []
            # footer

            """)
        #expect(try watches(text).map(\.name) == ["B", "C"])
    }

    @Test func theCommentAboveAWatchAndTheKeyAfterItStay() throws {
        #expect(try remove("B", commented) == commented.replacingOccurrences(of: "  - name: B\n    type: person\n", with: ""))
        #expect(try remove("C", commented) == commented.replacingOccurrences(of: "  - name: C\n    type: topic\n    terms: [c]\n", with: ""))
    }

    @Test func removingTheLastWatchLeavesAnEmptyListAndTheComment() throws {
        let text = "watch:   # mine\n  - name: A\n    type: topic\nrules: []\n"
        let removed = try remove("A", text)
        #expect(removed == "watch: []   # mine\nrules: []\n")
        #expect(try watches(removed).isEmpty)
        // And back: a watch added to the empty list makes a block list again.
        let added = try add(Watch(name: "B", kind: .topic), removed)
        #expect(added == "watch:   # mine\n  - name: B\n    type: topic\nrules: []\n")
    }

    @Test func aDashAloneOnItsLineAndUnindentedListsAreHandled() throws {
        let alone = "watch:\n  -\n    name: A\n    type: topic\n  - name: B\n    type: topic\n"
        #expect(try remove("A", alone) == "watch:\n  - name: B\n    type: topic\n")
        let flat = "watch:\n- name: A\n  type: topic\n- name: B\n  type: topic\n"
        #expect(try remove("A", flat) == "watch:\n- name: B\n  type: topic\n")
        #expect(try add(Watch(name: "C", kind: .place), flat) == flat + "- name: C\n  type: place\n")
    }

    @Test func addingAppendsAfterTheLastWatchInItsIndentation() throws {
        let watch = Watch(name: "Kim Jong Un", kind: .person, aliases: ["Kim", "Kim Jong-un"], context: ["North Korea"], severity: .high)
        let (text, lines) = try WatchListEditor.adding(watch, to: commented)
        #expect(lines == 15...19)
        #expect(text == commented.replacingOccurrences(of: "    terms: [c]\n", with: """
                terms: [c]
              - name: Kim Jong Un
                type: person
                aliases: [Kim, Kim Jong-un]
                context: [North Korea]
                severity: high

            """))
        #expect(try watches(text).last == watch)
    }

    @Test func addingThenRemovingGivesBackTheSameBytes() throws {
        let shipped = try String(contentsOf: TestPaths.packageRoot.appendingPathComponent("config/watchlists.d/russia.yaml"), encoding: .utf8)
        for text in [shipped, commented, "watch:\n- name: A\n  type: topic\n# trailing\n"] {
            let added = try add(Watch(name: "New One", kind: .organization), text)
            #expect(added != text)
            #expect(try remove("New One", added) == text)
        }
    }

    @Test func windowsLineBreaksAreKept() throws {
        let text = "watch:\r\n  - name: A\r\n    type: topic\r\n  - name: B\r\n    type: topic\r\n"
        #expect(try remove("A", text) == "watch:\r\n  - name: B\r\n    type: topic\r\n")
        #expect(try add(Watch(name: "C", kind: .topic), text) == text + "  - name: C\r\n    type: topic\r\n")
    }

    @Test func filesWithoutAWatchKeyOrFinalNewlineGetOne() throws {
        let rules = "# rules only\nrules:\n  - name: r\n    when: A"
        let added = try add(Watch(name: "A", kind: .topic), rules)
        #expect(added == rules + "\nwatch:\n  - name: A\n    type: topic\n")
        #expect(try add(Watch(name: "A", kind: .topic), "watch:\n  - name: B\n    type: topic") == "watch:\n  - name: B\n    type: topic\n  - name: A\n    type: topic\n")
        #expect(try add(Watch(name: "A", kind: .topic), "# nothing yet\n") == "# nothing yet\nwatch:\n  - name: A\n    type: topic\n")
    }

    @Test func aFlowStyleListIsLeftToTheUser() throws {
        let flow = "watch: [{name: A, type: topic}]\n"
        #expect(throws: WatchListEditError.self) { try add(Watch(name: "B", kind: .topic), flow) }
        #expect(throws: WatchListEditError.self) { try remove("A", flow) }
        #expect(try add(Watch(name: "B", kind: .topic), "watch: []\n") == "watch:\n  - name: B\n    type: topic\n")
    }

    @Test func awkwardNamesAreQuotedAndReadBackExactly() throws {
        let names = ["Kremlin: inner circle", "#hashtag", "O'Brien", "yes", "Null", "- dash", "[brackets]", "a, b",
                     "quote \" and \\ backslash", "Zoë Müller", "9/11", "AT&T", "@handle", "*star", "!tag", "%pct",
                     "`tick", "ends with colon:", "?question", "Robert S. Mueller III", "Ελλάδα", "北京", "a # b",
                     "line\u{2028}separator", "{brace}", "|pipe", ">fold", "~"]
        for name in names {
            let watch = Watch(name: name, kind: .person, aliases: [name, "x" + name])
            let text = try add(watch, "watch:\n  - name: Other\n    type: topic\n")
            #expect(try watches(text).last == watch, "\(name) → \(text)")
        }
        #expect(WatchListEditor.scalar("Vladimir Putin") == "Vladimir Putin")
        #expect(WatchListEditor.scalar("O'Brien") == "O'Brien")
        #expect(WatchListEditor.scalar("yes") == "\"yes\"")
    }
}

/// The editor on real files: checks before writing, refusals, atomic replacement.
struct WatchListEditorTests {
    func directory(_ files: [String: String]) throws -> URL {
        let url = try TestPaths.temporaryDirectory("watch-edit")
        for (name, text) in files { try text.write(to: url.appendingPathComponent(name), atomically: true, encoding: .utf8) }
        return url
    }

    let russia = """
        # hand-written
        watch:
          - name: Vladimir Putin
            type: person
            aliases: [Putin]
          - name: sanctions
            type: topic
        rules:
          - name: putin-and-sanctions
            when: 'Putin AND sanctions'

        """

    func message(_ body: () throws -> Void) -> String {
        do { try body(); return "" } catch { return "\(error)" }
    }

    @Test func aNewFileIsCreatedWithAHeaderAndTheListsStillLoad() throws {
        let dir = try directory(["russia.yaml": russia])
        let editor = WatchListEditor(directory: dir.path)
        let edit = try editor.add(Watch(name: "Rand Paul", kind: .person, aliases: ["Senator Paul"]))
        #expect(edit.path == dir.appendingPathComponent("local.yaml").path)
        let text = try String(contentsOf: dir.appendingPathComponent("local.yaml"), encoding: .utf8)
        #expect(text.hasPrefix("# Watches added with `feedwatch watch add`"))
        #expect(text.hasSuffix("watch:\n  - name: Rand Paul\n    type: person\n    aliases: [Senator Paul]\n"))
        #expect(edit.lines == 4...6)
        #expect(try WatchListLoader().load(directory: dir.path).watches.map(\.name) == ["Rand Paul", "Vladimir Putin", "sanctions"])
        #expect(try String(contentsOf: dir.appendingPathComponent("russia.yaml"), encoding: .utf8) == russia)
        // No temporary file is left behind.
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path).sorted() == ["local.yaml", "russia.yaml"])
    }

    @Test func duplicatesAndAliasesOfOtherWatchesAreRefused() throws {
        let dir = try directory(["russia.yaml": russia])
        let editor = WatchListEditor(directory: dir.path)
        #expect(message { _ = try editor.add(Watch(name: "vladimir PUTIN", kind: .person)) }
            .contains("a watch named 'Vladimir Putin' already exists (russia.yaml:3)"))
        #expect(message { _ = try editor.add(Watch(name: "Putin", kind: .person)) }
            .contains("'Putin' is already an alias of watch 'Vladimir Putin'"))
        #expect(message { _ = try editor.add(Watch(name: "X", kind: .person), file: "../elsewhere.yaml") }.contains("--file"))
        #expect(message { _ = try editor.add(Watch(name: "X", kind: .person), file: "notes.txt") }.contains("--file"))
        #expect(message { _ = try editor.add(Watch(name: "X", kind: .person), file: "e\u{1B}[2Jx.yaml") }.contains("control"))
        #expect(message { _ = try editor.add(Watch(name: "X", kind: .person), file: "a\u{202E}lmay.yaml") }.contains("control"))
        #expect(message { _ = try editor.add(Watch(name: "X", kind: .person, aliases: ["two\nlines"])) }.contains("control character"))
        #expect(message { _ = try editor.add(Watch(name: "  ", kind: .person)) }.contains("must not be empty"))
        #expect(try String(contentsOf: dir.appendingPathComponent("russia.yaml"), encoding: .utf8) == russia)
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path) == ["russia.yaml"])
    }

    @Test func aWatchARuleNamesIsNotRemoved() throws {
        let dir = try directory(["russia.yaml": russia])
        let editor = WatchListEditor(directory: dir.path)
        // The rule says "Putin", an alias: it still means Vladimir Putin.
        let refusal = message { _ = try editor.remove(named: "Vladimir Putin") }
        #expect(refusal.contains("used by rule 'putin-and-sanctions' (russia.yaml:9)"), "\(refusal)")
        #expect(message { _ = try editor.remove(named: "Putin") }.contains("is an alias of watch 'Vladimir Putin'"))
        #expect(message { _ = try editor.remove(named: "Nobody") }.contains("no watch named 'Nobody'"))
        #expect(try String(contentsOf: dir.appendingPathComponent("russia.yaml"), encoding: .utf8) == russia)
    }

    @Test func removingFindsTheFileAndKeepsItsModeAndComments() throws {
        let other = "# mine\nwatch:\n  - name: Syria\n    type: place\n  - name: Ukraine\n    type: place\n"
        let dir = try directory(["russia.yaml": russia, "places.yml": other])
        let file = dir.appendingPathComponent("places.yml").path
        #expect(chmod(file, 0o600) == 0)
        let edit = try WatchListEditor(directory: dir.path).remove(named: "syria")
        #expect(edit == .init(name: "Syria", path: file, lines: 3...4))
        #expect(try String(contentsOfFile: file, encoding: .utf8) == "# mine\nwatch:\n  - name: Ukraine\n    type: place\n")
        let mode = try FileManager.default.attributesOfItem(atPath: file)[.posixPermissions] as? Int
        #expect(mode == 0o600)
    }

    @Test(.enabled(if: geteuid() == 0, "only root can give a file away"))
    func asRootAnEditedListKeepsItsOwner() throws {
        let dir = try directory(["russia.yaml": russia])
        let file = dir.appendingPathComponent("russia.yaml").path
        #expect(chown(file, 4321, 4322) == 0)
        _ = try WatchListEditor(directory: dir.path).add(Watch(name: "Kremlin", kind: .organization), file: "russia.yaml")
        var info = stat()
        #expect(stat(file, &info) == 0)
        #expect(info.st_uid == 4321 && info.st_gid == 4322)
        #expect(try String(contentsOfFile: file, encoding: .utf8).contains("    type: topic\n  - name: Kremlin\n    type: organization\nrules:"))
    }

    @Test func brokenListsAreNotEditedAndNothingIsWritten() throws {
        let broken = "watch:\n  - name: A\n    type: persn\n"
        let dir = try directory(["russia.yaml": russia, "broken.yaml": broken])
        let refusal = message { _ = try WatchListEditor(directory: dir.path).add(Watch(name: "B", kind: .topic), file: "russia.yaml") }
        #expect(refusal.contains("fix them first"))
        #expect(refusal.contains("broken.yaml:3:11: type: 'persn' is not one of"), "\(refusal)")
        #expect(try String(contentsOf: dir.appendingPathComponent("russia.yaml"), encoding: .utf8) == russia)
    }

    @Test func editsAtTheSameTimeDoNotLoseEachOther() throws {
        let dir = try directory(["russia.yaml": russia])
        let path = dir.path
        DispatchQueue.concurrentPerform(iterations: 8) { i in
            _ = try? WatchListEditor(directory: path).add(Watch(name: "Watch \(i)", kind: .topic))
        }
        let names = try WatchListLoader().load(directory: dir.path).watches.map(\.name)
        #expect(Set(names) == Set((0..<8).map { "Watch \($0)" } + ["Vladimir Putin", "sanctions"]))
    }

    @Test func aSymlinkedListIsEditedWhereItPoints() throws {
        let dir = try directory([:])
        let store = try directory(["real.yaml": russia])
        let link = dir.appendingPathComponent("russia.yaml").path
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: store.appendingPathComponent("real.yaml").path)
        _ = try WatchListEditor(directory: dir.path).add(Watch(name: "Kremlin", kind: .organization), file: "russia.yaml")
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: link) == store.appendingPathComponent("real.yaml").path)
        let text = try String(contentsOf: store.appendingPathComponent("real.yaml"), encoding: .utf8)
        #expect(text == russia.replacingOccurrences(of: "    type: topic\n", with: "    type: topic\n  - name: Kremlin\n    type: organization\n"))
    }
}
