import ArgumentParser
import Entities
import Foundation

@main
struct FeedwatchNER: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "feedwatch-ner",
        abstract: "Train and evaluate feedwatch's entity tagger (see docs/ner.md).",
        subcommands: [Train.self, Eval.self, Tag.self, Entities.self, Bench.self]
    )
}

func readText(_ path: String) throws -> String {
    guard let data = FileManager.default.contents(atPath: path) else { throw ValidationError("\(path): cannot read") }
    return String(decoding: data, as: UTF8.self)
}

func loadTagger(_ path: String?) throws -> NERTagger {
    if let path {
        guard let data = FileManager.default.contents(atPath: path) else { throw ValidationError("\(path): cannot read") }
        return try NERTagger(modelData: [UInt8](data))
    }
    return try NERTagger.shipped()
}

/// Unbuffered, so that progress shows while training runs under a pipe.
func say(_ line: String) { FileHandle.standardOutput.write(Data((line + "\n").utf8)) }

func now() -> Double { Date().timeIntervalSince1970 }

struct Train: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Train a model on CoNLL-format data.")

    @Option(name: .customLong("train"), help: "CoNLL training file (repeatable).")
    var trainFiles: [String] = ["../shared/ner/conll2003/train.txt"]

    @Option(help: "Extra training data without -DOCSTART- (e.g. GMB), cut into documents of --extra-doc sentences.")
    var extra: [String] = []

    @Option(help: "Sentences per document for --extra files.")
    var extraDoc = 1

    @Option(help: "Validation file scored after each epoch.")
    var valid: String?

    @Option(help: "Folder of gazetteer lists.")
    var gazetteers = "Sources/Entities/Resources/gazetteers"

    @Option(help: "Training epochs.")
    var epochs = 12

    @Option(help: "Drop feature rows whose averaged weights all stay below this.")
    var threshold: Float = 0.05

    @Option(help: "Shuffle seed.")
    var seed: UInt64 = 1

    @Option(name: .shortAndLong, help: "Where to write the model.")
    var output = "Sources/Entities/Resources/ner.model"

    func run() throws {
        let gaz = try Gazetteer.load(folder: gazetteers)
        say("gazetteer: \(gaz.count) entries")
        var trainer = NERTrainer(gazetteer: gaz)
        for f in trainFiles { trainer.add(ConllDocument.parse(try readText(f))) }
        for f in extra { trainer.add(ConllDocument.parse(try readText(f), sentencesPerDocument: extraDoc)) }
        say("training tokens: \(trainer.tokenCount), features: \(trainer.featureCount)")
        let validDocs = try valid.map { ConllDocument.parse(try readText($0)) }
        var best: (f: Double, epoch: Int, data: [UInt8])?
        for e in 1...epochs {
            let t0 = now()
            let errors = trainer.epoch(seed: seed &+ UInt64(e))
            var line = "epoch \(e): \(errors) token errors, \(String(format: "%.1f", now() - t0)) s"
            if let validDocs {
                let data = trainer.modelData(threshold: threshold)
                let tagger = try NERTagger(modelData: data)
                let score = evaluate(tagger, validDocs)
                line += String(format: ", valid F1 %.2f, %d features, %.2f MB", score.prf().f, tagger.featureCount, Double(data.count) / 1e6)
                if best == nil || score.prf().f > best!.f { best = (score.prf().f, e, data) }
            }
            say(line)
        }
        // The last epoch's model is written (the epoch count is the choice, not the best epoch seen).
        let data = trainer.modelData(threshold: threshold)
        if let best { print("best epoch \(best.epoch): valid F1 \(String(format: "%.2f", best.f)) (not the one written: the last)") }
        try Data(data).write(to: URL(fileURLWithPath: output))
        print("wrote \(output): \(data.count) bytes")
    }
}

func evaluate(_ tagger: NERTagger, _ docs: [ConllDocument]) -> NERScore {
    var score = NERScore()
    for d in docs {
        let predicted = tagger.tag(document: d.sentences)
        for (g, p) in zip(d.tags, predicted) { score.add(gold: g, predicted: p) }
    }
    return score
}

struct Eval: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Score BIO tags against a gold CoNLL file (entity-level P/R/F1 per type and micro).",
        discussion: "With --predicted, scores that file (token TAB tag lines, e.g. the output of `feedwatch entities --conll`); otherwise tags the gold tokens with the model."
    )

    @Argument(help: "Gold CoNLL file.")
    var gold = "../shared/ner/conll2003/valid.txt"

    @Option(help: "Predicted tags: token TAB tag, sentences aligned with the gold file.")
    var predicted: String?

    @Option(help: "Model file (default: the shipped model).")
    var model: String?

    func run() throws {
        let goldDocs = ConllDocument.parse(try readText(gold))
        var score = NERScore()
        if let predicted {
            let goldSentences = goldDocs.flatMap { $0.tags }
            let goldWords = goldDocs.flatMap { $0.sentences }
            let predSentences = ConllDocument.parse(try readText(predicted)).flatMap { $0.tags }
            let predWords = ConllDocument.parse(try readText(predicted)).flatMap { $0.sentences }
            guard goldSentences.count == predSentences.count, goldWords == predWords else {
                throw ValidationError("\(predicted): sentences or tokens differ from \(gold) (\(predSentences.count) vs \(goldSentences.count) sentences)")
            }
            for (g, p) in zip(goldSentences, predSentences) { score.add(gold: g, predicted: p) }
        } else {
            let t0 = now()
            let tagger = try loadTagger(model)
            let t1 = now()
            score = evaluate(tagger, goldDocs)
            let t2 = now()
            print(String(format: "model loaded in %.3f s; tagged %d tokens in %.2f s (%.0f tokens/s)", t1 - t0, score.tokens, t2 - t1, Double(score.tokens) / (t2 - t1)))
        }
        print(score.report)
    }
}

struct Tag: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Tag CoNLL input (first column) from a file or stdin: token TAB BIO tag.")

    @Argument var file: String?
    @Option(help: "Model file (default: the shipped model).")
    var model: String?

    func run() throws {
        let tagger = try loadTagger(model)
        let text = try file.map(readText) ?? String(decoding: FileHandle.standardInput.readDataToEndOfFile(), as: UTF8.self)
        var out = ""
        for d in ConllDocument.parse(text) {
            for (words, tags) in zip(d.sentences, tagger.tag(document: d.sentences)) {
                for (w, t) in zip(words, tags) { out += "\(w)\t\(t)\n" }
                out += "\n"
            }
        }
        FileHandle.standardOutput.write(out.data(using: .utf8)!)
    }
}

struct Bench: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Measure model load time and raw-text speed (tokenisation + tagging) on one core.")

    @Argument(help: "Text file; repeated until --tokens tokens have been tagged.")
    var file = "../shared/samples/putin-letter.txt"

    @Option var model: String?
    @Option var tokens = 1_000_000

    func run() throws {
        var t0 = now()
        let tagger = try loadTagger(model)
        print(String(format: "load: %.3f s (%d features)", now() - t0, tagger.featureCount))
        let text = try readText(file)
        let perDoc = Tokenizer().tokenize(text).count
        var total = 0, entities = 0
        t0 = now()
        while total < tokens {
            entities += tagger.entities(in: text).count
            total += perDoc
        }
        let dt = now() - t0
        print(String(format: "entities(in:): %d tokens in %.2f s = %.0f tokens/s (%d entities)", total, dt, Double(total) / dt, entities))
        let toks = Tokenizer().tokenize(text)
        total = 0
        t0 = now()
        while total < tokens { _ = tagger.tag(tokens: toks); total += toks.count }
        let dt2 = now() - t0
        print(String(format: "tag(tokens:) only: %.0f tokens/s", Double(total) / dt2))
    }
}

struct Entities: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Print the entities of a raw text: type TAB mentions TAB text.")

    @Argument var file: String?
    @Option(help: "Model file (default: the shipped model).")
    var model: String?
    @Flag(help: "Print tokens with their tags instead.")
    var tokens = false

    func run() throws {
        let tagger = try loadTagger(model)
        let text = try file.map(readText) ?? String(decoding: FileHandle.standardInput.readDataToEndOfFile(), as: UTF8.self)
        if tokens {
            let toks = Tokenizer().tokenize(text)
            for (t, tag) in zip(toks, tagger.tag(tokens: toks)) { print("\(t.text)\t\(tag)") }
            return
        }
        for e in tagger.entities(in: text) { print("\(e.kind.rawValue)\t\(e.mentions.count)\t\(e.text)") }
    }
}
