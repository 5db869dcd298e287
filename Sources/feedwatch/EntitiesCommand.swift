import ArgumentParser
import Entities
import FeedModel
import Foundation

struct EntitiesCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "entities",
        abstract: "Find people, organisations and places in text from a file or standard input.",
        discussion: """
            Example:
              feedwatch entities article.txt
              echo "Rand Paul met Vladimir Putin in Moscow." | feedwatch entities --json
            """
    )

    @Argument(help: "A text file; standard input when omitted.")
    var file: String?

    @Flag(help: "Print JSON: entities with type, text, offsets and mention count.")
    var json = false

    @Flag(help: "Read one token per line (first column; blank line between sentences) and print token TAB BIO tag.")
    var conll = false

    func run() async throws {
        let text: String
        do {
            if let file {
                guard let data = FileManager.default.contents(atPath: file) else { throw CommandFailure.runtime("\(file): cannot read") }
                text = String(decoding: data, as: UTF8.self)
            } else {
                text = String(decoding: FileHandle.standardInput.readDataToEndOfFile(), as: UTF8.self)
            }
        } catch {
            exitWith(error)
        }
        if conll {
            do {
                print(try ConllTagger().tag(text), terminator: "")
            } catch {
                exitWith(CommandFailure.runtime("the entity model could not be loaded: \(error) (looked in \(NERTagger.modelSearchPaths.joined(separator: ", ")))"))
            }
            return
        }
        let entities = EntityExtractor().extract(text)
        if json {
            let value = JSONValue.array(entities.map { e in
                var o = JSONObjectBuilder()
                o.add("text", e.text)
                o.add("type", e.kind.rawValue)
                o.add("mentions", e.mentions.count)
                o.add("offsets", .array(e.mentions.map { .array([.int(Int64($0.lowerBound)), .int(Int64($0.upperBound))]) }))
                return o.value
            })
            print(value.serialized(pretty: true))
        } else {
            for e in entities {
                print("\(e.kind.rawValue)\t\(e.mentions.count)\t\(TerminalText.clean(e.text))")
            }
        }
    }
}

/// CoNLL in, CoNLL out: documents stay whole (the tagger remembers types across sentences),
/// one "token TAB tag" line per token, a blank line after each sentence.
struct ConllTagger {
    func tag(_ input: String) throws -> String {
        let tagger = try NERTagger.shipped()
        var out = ""
        for document in ConllDocument.parse(input) {
            for (words, tags) in zip(document.sentences, tagger.tag(document: document.sentences)) {
                for (word, tag) in zip(words, tags) { out += "\(word)\t\(tag)\n" }
                out += "\n"
            }
        }
        return out
    }
}
