import ArgumentParser
import Daemon
import FeedParsing
import Foundation
import Store

struct FeedsImportOPML: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import-opml",
        abstract: "Add the feeds of an OPML file (a feed reader's export).",
        discussion: """
            Folders become tags (the titles of the enclosing outlines, then the parts of a \
            category="/a/b" attribute). Feeds already configured, or listed twice in the file, \
            are skipped and reported. The feeds go to feeds_dir/opml-NAME.yaml.

            Examples:
              feedwatch feeds import-opml ~/Downloads/subscriptions.opml
              feedwatch feeds import-opml reader.opml --no-reload
            """
    )

    @Argument(help: "The OPML file.")
    var file: String

    @OptionGroup var options: ConfigOption
    @OptionGroup var reload: ReloadOption

    func run() async throws {
        do {
            // Read at most one byte more than the reader takes: /dev/zero or a disk image is
            // refused after 32 MiB instead of filling memory.
            guard let handle = FileHandle(forReadingAtPath: file) else {
                throw CommandFailure.runtime("\(file): \(FileManager.default.fileExists(atPath: file) ? "cannot read it" : "no such file")")
            }
            defer { try? handle.close() }
            let data: Data
            do { data = try handle.read(upToCount: OPMLReader.maxBytes + 1) ?? Data() } catch {
                throw CommandFailure.runtime("\(file): cannot read it: \(error.localizedDescription)")
            }
            let document: OPMLDocument
            do { document = try OPMLReader().read(Array(data)) } catch { throw CommandFailure.config("\(file): \(error.message)") }
            var feeds: [FeedConfig] = []
            var invalid = 0
            for var item in document.feeds {
                // Exports from some readers write subscribe links as feed://host/path.
                item.url = FeedScheme.resolved(item.url)
                let lower = item.url.lowercased()
                guard lower.hasPrefix("http://") || lower.hasPrefix("https://"), ConfigLoader.checkURL(item.url, directory: "/") != nil else {
                    print("skipped \(TerminalText.clean(URLCredentials.redacted(item.url))) (\(TerminalText.clean(file)):\(item.line ?? 0)): not a valid http or https URL")
                    invalid += 1
                    continue
                }
                var feed = FeedConfig(url: item.url, title: item.title, line: item.line)
                feed.source = file
                feed.tags = item.tags
                feed.enabled = item.enabled
                feeds.append(feed)
            }
            // FeedEditor skips feeds already configured, or repeated, under any spelling.
            let result = try FeedEditor(configPath: options.config).add(feeds, toFile: Self.fileName(for: file), command: "feeds import-opml")
            for (feed, first) in result.duplicates {
                print("skipped duplicate \(TerminalText.clean(URLCredentials.redacted(feed.url))) (\(TerminalText.clean(file)):\(feed.line ?? 0)): already at \(TerminalText.clean(first))")
            }
            let target = result.file.map { " into \(shown($0))" } ?? ""
            print("imported \(result.added.count) feed\(result.added.count == 1 ? "" : "s")\(target); skipped \(result.duplicates.count) duplicate\(result.duplicates.count == 1 ? "" : "s")\(invalid > 0 ? " and \(invalid) invalid" : "") of \(document.feeds.count) in \(TerminalText.clean(file))")
            if result.file != nil { print(tellDaemonToReload(config: result.config, enabled: !reload.noReload)) }
        } catch {
            exitWith(error)
        }
    }

    /// `opml-subscriptions.yaml` for `~/Downloads/Subscriptions.opml`: lower-case letters, digits and dashes.
    static func fileName(for path: String) -> String {
        let base = ((path as NSString).lastPathComponent as NSString).deletingPathExtension.lowercased()
        var name = String(base.unicodeScalars.map { ("a"..."z").contains($0) || ("0"..."9").contains($0) ? Character($0) : "-" })
        while name.contains("--") { name = name.replacingOccurrences(of: "--", with: "-") }
        name = name.trimmingCharacters(in: CharacterSet(charactersIn: "-"))
        return "opml-\(name.isEmpty ? "import" : String(name.prefix(64))).yaml"
    }
}

struct FeedsExportOPML: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export-opml",
        abstract: "Print every configured feed as OPML 2.0, tags as folders, for a feed reader.",
        discussion: """
            A feed without a configured title gets the title it had at its last fetch.

            Examples:
              feedwatch feeds export-opml > feeds.opml
              feedwatch feeds export-opml --output /tmp/feeds.opml
            """
    )

    @Option(name: .shortAndLong, help: "Write to this file instead of standard output.")
    var output: String?

    @OptionGroup var options: ConfigOption

    func run() async throws {
        do {
            let config = try ConfigLoader().load(path: options.config)
            var titles: [String: String] = [:]
            if FileManager.default.fileExists(atPath: config.state), let store = try? StateStore(path: config.state) {
                for state in (try? store.feeds()) ?? [] { if let title = state.title { titles[state.url] = title } }
            }
            let feeds = config.feeds.map { OPMLFeed(url: $0.url, title: $0.title ?? titles[$0.url], tags: $0.tags, enabled: $0.enabled) }
            let text = OPMLWriter().write(OPMLDocument(title: "feedwatch feeds", feeds: feeds), dateCreated: Self.rfc822(Date()))
            if let output {
                try AtomicFileWriter.write(text, to: output)
                print("wrote \(feeds.count) feeds to \(shown(output))")
            } else {
                print(text, terminator: "")
            }
        } catch {
            exitWith(error)
        }
    }

    static func rfc822(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "GMT")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss 'GMT'"
        return formatter.string(from: date)
    }
}
