import ArgumentParser
import Entities
import FeedModel
import Foundation

struct EntitiesCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "entities",
        abstract: "Find people, organisations and places in text from a file or standard input."
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
            print(ConllTagger().tag(text), terminator: "")
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

/// CoNLL in, CoNLL out: rebuilds each sentence from its tokens, tags it, and maps entity
/// spans back onto the given tokens as BIO tags.
struct ConllTagger {
    func tag(_ input: String) -> String {
        var out = ""
        var sentence: [String] = []
        func flush() {
            guard !sentence.isEmpty else { return }
            var text = ""
            var starts: [Int] = []
            for token in sentence {
                if !text.isEmpty { text += " " }
                starts.append(text.unicodeScalars.count)
                text += token
            }
            var tags = Array(repeating: "O", count: sentence.count)
            for entity in EntityExtractor().extract(text) {
                for mention in entity.mentions {
                    var first = true
                    for (i, start) in starts.enumerated() where start >= mention.lowerBound && start < mention.upperBound {
                        tags[i] = (first ? "B-" : "I-") + entity.kind.rawValue
                        first = false
                    }
                }
            }
            for (token, tag) in zip(sentence, tags) { out += "\(token)\t\(tag)\n" }
            out += "\n"
            sentence.removeAll()
        }
        for line in input.split(separator: "\n", omittingEmptySubsequences: false) {
            let first = line.split(whereSeparator: { $0 == " " || $0 == "\t" }).first.map(String.init)
            if let first, first != "-DOCSTART-" { sentence.append(first) } else { flush() }
        }
        flush()
        return out
    }
}
