import Daemon
import ArgumentParser
import Foundation
import Watching

/// `feedwatch-bench match`: does the watch matcher's cost stay flat as the watch lists grow?
///
/// Builds one `WatchMatcher` each for 10, 1,000 and 100,000 watches (the demo watch list plus
/// seeded synthetic people, organisations, places and topics; each set contains the smaller
/// ones), then times `WatchMatcher.match` alone (no entity extraction) on the same text.
/// The matchers take turns in short rounds, so noise from other work on the machine falls
/// on all of them alike; each figure is the best round. The target: the 100,000-watch run
/// within 2× of the 10-watch run. A measurement, not a test: it exits 0 on MISS too.
struct MatchBenchmark: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "match",
        abstract: "Watch-matching throughput with 10, 1,000 and 100,000 watches on the same text."
    )

    @Option(help: "Text to match, repeated to about 100 KB and matched as an entry's content (default: ../shared/samples/putin-letter.txt, else config/samples/putin-letter.txt).")
    var text: String?

    @Option(help: "Seconds of matching per watch-list size.")
    var seconds: Double = 3

    @Option(help: "Rounds the matching time is split into; the best round counts.")
    var rounds = 6

    @Option(help: "Seed of the synthetic watches.")
    var seed: UInt64 = 20261127

    @Flag(help: "List the watches that fire in the largest set, with their match counts.")
    var showFired = false

    static let sizes = [10, 1_000, 100_000]
    static let targetBytes = 100_000

    func validate() throws {
        guard seconds > 0 else { throw ValidationError("--seconds must be positive") }
        guard rounds > 0 else { throw ValidationError("--rounds must be positive") }
    }

    func run() throws {
        let path = text ?? ["../shared/samples/putin-letter.txt", "config/samples/putin-letter.txt"]
            .first { FileManager.default.fileExists(atPath: $0) } ?? "../shared/samples/putin-letter.txt"
        guard let data = FileManager.default.contents(atPath: path), !data.isEmpty else {
            throw ValidationError("\(path): cannot read")
        }
        let piece = String(decoding: data, as: UTF8.self)
        var content = ""
        while content.utf8.count < Self.targetBytes { content += piece + "\n\n" }
        let entry = EntryText(content: content)
        let bytes = content.utf8.count

        let generator = SyntheticWatches(seed: seed)
        let all = generator.watches(count: Self.sizes.max()!)
        let rules = DemoWatchList.rules

        print("text: \(path) repeated to \(bytes) bytes (\(content.unicodeScalars.count) scalars)")
        print("watches: the \(DemoWatchList.watches.count) demo watches + synthetic ones (seed \(seed)); kinds at 100,000: "
            + Watch.Kind.allCases.map { kind in "\(all.filter { $0.kind == kind }.count) \(kind.rawValue)" }.joined(separator: ", "))

        // Pay one-time costs (folding tables, the entity model that tells common names) before anything is timed.
        _ = WatchMatcher(watches: DemoWatchList.watches, rules: rules).match(EntryText(content: piece))

        var matchers: [WatchMatcher] = []
        var buildSeconds: [Double] = []
        for size in Self.sizes {
            let t0 = monotonicSeconds()
            let matcher = WatchMatcher(watches: Array(all.prefix(size)), rules: rules)
            buildSeconds.append(monotonicSeconds() - t0)
            matchers.append(matcher)
        }

        // Warm up, and count what fires (the same text, so the demo watches fire in every set).
        let fired = matchers.map { $0.match(entry).count }
        if showFired, let largest = matchers.last {
            for hit in largest.match(entry) {
                let forms = Set(hit.locations.map(\.text)).sorted().joined(separator: ", ")
                print("  fired: \(hit.watch.name) (\(hit.watch.kind.rawValue)): \(hit.locations.count) matches: \(forms)")
            }
        }

        var best = [Double](repeating: .infinity, count: matchers.count)   // seconds per match call
        var calls = [Int](repeating: 0, count: matchers.count)
        var sink = 0
        let perRound = seconds / Double(rounds)
        for _ in 0..<rounds {
            for (m, matcher) in matchers.enumerated() {
                var n = 0
                let t0 = monotonicSeconds()
                var elapsed = 0.0
                repeat {
                    sink &+= matcher.match(entry).count
                    n += 1
                    elapsed = monotonicSeconds() - t0
                } while elapsed < perRound
                best[m] = min(best[m], elapsed / Double(n))
                calls[m] += n
            }
        }

        func pad(_ s: String, _ width: Int) -> String { String(repeating: " ", count: max(0, width - s.count)) + s }
        let header = ["watches", "build", "MB/s", "µs per 10 KB", "ratio to 10", "fired", "calls"]
        let widths = [9, 10, 8, 14, 12, 6, 7]
        print("")
        print(zip(header, widths).map { pad($0, $1) }.joined(separator: "  "))
        for (m, size) in Self.sizes.enumerated() {
            let mbPerSecond = Double(bytes) / best[m] / 1_000_000
            let microsPer10KB = best[m] / Double(bytes) * 10_000 * 1_000_000
            let ratio = best[m] / best[0]
            let build = buildSeconds[m] >= 1 ? String(format: "%.2f s", buildSeconds[m]) : String(format: "%.1f ms", buildSeconds[m] * 1000)
            let row = [size.grouped(), build, String(format: "%.1f", mbPerSecond), String(format: "%.0f", microsPer10KB),
                       String(format: "%.2f×", ratio), "\(fired[m])", "\(calls[m])"]
            print(zip(row, widths).map { pad($0, $1) }.joined(separator: "  "))
        }
        let ratio = best[Self.sizes.count - 1] / best[0]
        print("")
        print(String(format: "100,000 watches within 2× of 10: %@ (%.2f×); best of %d rounds, %.1f s of matching per size",
                     ratio <= 2 ? "PASS" : "MISS", ratio, rounds, seconds))
        if sink == -1 { print(sink) }
    }
}

private extension Int {
    /// 100000 → "100,000".
    func grouped() -> String {
        let digits = Array(String(self))
        var out = ""
        for (i, d) in digits.enumerated() {
            if i > 0, (digits.count - i) % 3 == 0 { out.append(",") }
            out.append(d)
        }
        return out
    }
}

func monotonicSeconds() -> Double {
    var ts = timespec()
    clock_gettime(CLOCK_MONOTONIC, &ts)
    return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
}

/// The demo watch list, read from config/watchlists.d as the daemon reads it.
enum DemoWatchList {
    static let loaded: WatchListLoader.Loaded = {
        var url = URL(fileURLWithPath: #filePath)
        while url.path != "/", !FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) {
            url.deleteLastPathComponent()
        }
        do {
            return try WatchListLoader().load(directory: url.appendingPathComponent("config/watchlists.d").path)
        } catch {
            fatalError("cannot read the demo watch list: \(error)")
        }
    }()
    static var watches: [Watch] { loaded.watches }
    static var rules: [Rule] { loaded.rules }
}

/// Seeded, reproducible watch lists that look like real ones: people ("Firstname Lastname"
/// with a surname alias, sometimes a titled alias, context and exclude words), organisations
/// (with acronyms), places and topics (two-word terms from a news vocabulary). First names
/// and topic words are common and shared, as in real lists, so the trie branches where the
/// text's words lead; surnames are built from syllables and mostly unique.
struct SyntheticWatches {
    var seed: UInt64

    static let firstNames = [
        "Vladimir", "Robert", "Dmitry", "Paul", "Donald", "Sergei", "Anna", "Maria", "John", "James", "Michael",
        "David", "William", "Richard", "Thomas", "Charles", "Mary", "Patricia", "Jennifer", "Linda", "Elizabeth",
        "Susan", "Margaret", "Olga", "Natalia", "Elena", "Irina", "Tatiana", "Alexei", "Andrei", "Mikhail",
        "Nikolai", "Ivan", "Yuri", "Igor", "Oleg", "Viktor", "Pavel", "Boris", "Ahmed", "Mohammed", "Ali",
        "Omar", "Hassan", "Fatima", "Aisha", "Wei", "Li", "Jun", "Hiroshi", "Yuki", "Kenji", "Carlos", "Jose",
        "Luis", "Juan", "Ana", "Lucia", "Pierre", "Jean", "Marie", "Claire", "Hans", "Klaus", "Angela", "Ursula",
        "Giorgio", "Marco", "Giulia", "Sofia", "Lars", "Erik", "Ingrid", "Astrid", "Piotr", "Katarzyna", "Jan",
        "Tomas", "Petra", "Emmanuel", "Narendra", "Rahul", "Priya", "Recep", "Mehmet", "Ayse", "Benjamin",
        "Yair", "Volodymyr", "Oleksandr", "Bashar", "Kim", "Xi", "Joe", "Kamala", "Nancy", "Mitch", "Chuck",
        "Lindsey", "Marco", "Ted", "Elon", "Mark", "Jeff", "Bill", "George", "Hillary", "Barack", "Michelle",
        "Emily", "Sarah", "Laura", "Rachel", "Daniel", "Samuel", "Joseph", "Peter", "Andrew", "Stephen",
    ]
    static let onsets = ["b", "d", "g", "k", "l", "m", "n", "p", "r", "s", "t", "v", "z", "br", "dr", "gr", "kr",
                         "st", "sh", "ch", "kh", "tr", "vl", "zh", "h", "f", "j", "y"]
    static let vowels = ["a", "e", "i", "o", "u", "ai", "ei", "ia", "ou"]
    static let codas = ["", "", "", "n", "r", "l", "s", "k", "m", "t", "v", "sh", "nd", "rt"]
    static let surnameEndings = ["", "", "", "ov", "ova", "enko", "ski", "son", "ez", "er", "ini", "escu", "idis",
                                 "yan", "ian", "berg", "stein", "wood", "ton", "ley", "ic", "ovic", "oglu"]
    static let titles = ["President", "Senator", "Minister", "General", "Governor", "Ambassador", "Mr.", "Ms.", "Dr."]
    static let orgSuffixes = ["Group", "Holdings", "Bank", "Industries", "Ministry", "Party", "Foundation", "Institute",
                              "Agency", "Corporation", "Shipping", "Energy", "Airlines", "Capital", "Brigade", "Council"]
    static let orgWords = ["Northern", "Baltic", "Eastern", "United", "National", "Federal", "Global", "Central",
                           "Pacific", "Atlantic", "Arctic", "Caspian", "Black Sea", "Silk Road", "Iron", "Golden",
                           "Red", "Blue", "Green", "People's", "Democratic", "Free", "New", "First", "Royal"]
    static let placePrefixes = ["Port", "Novo", "Saint", "Nizhny", "Upper", "Lower", "North", "South", "East", "West",
                                "New", "Lake", "Mount", "Fort", "San", "El"]
    static let topicHeads = ["grain", "gas", "oil", "border", "trade", "currency", "cyber", "election", "military",
                             "naval", "energy", "bank", "export", "import", "tariff", "refugee", "food", "water",
                             "drone", "missile", "troop", "ceasefire", "prisoner", "hostage", "chemical", "biological",
                             "peace", "climate", "carbon", "debt", "bond", "wheat", "fertiliser", "pipeline",
                             "nuclear", "diplomatic", "state", "press", "foreign", "secret", "spy", "visa", "airspace"]
    static let topicTails = ["deal", "dispute", "crisis", "talks", "ban", "war", "attack", "summit", "reform", "probe",
                             "quota", "treaty", "corridor", "shortage", "default", "exchange", "strike", "leak",
                             "inquiry", "scandal", "blockade", "tariff", "subsidy", "accord", "swap", "plant",
                             "test", "drill", "deployment", "withdrawal", "expulsion", "channel", "agency", "ring",
                             "network", "hack", "outage", "relations", "limitation", "reduction", "cooperation"]
    static let contextWords = ["parliament", "minister", "election", "military", "court", "company", "shares", "embassy",
                               "opposition", "coalition", "ministry", "governor", "oligarch", "militia", "treasury"]
    static let excludeWords = ["football", "Premier League", "Bundesliga", "Grammy", "Oscar", "tennis", "NBA", "opera"]

    /// SplitMix64: small, fast, the same everywhere.
    struct Random {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        mutating func below(_ n: Int) -> Int { Int(next() % UInt64(n)) }
        mutating func pick<T>(_ a: [T]) -> T { a[below(a.count)] }
        mutating func chance(_ percent: Int) -> Bool { below(100) < percent }
    }

    /// The demo watches first, then `count - demo` synthetic ones; a prefix of a longer list is
    /// the shorter list.
    func watches(count: Int) -> [Watch] {
        var random = Random(state: seed)
        var out = Array(DemoWatchList.watches.prefix(count))
        var names = Set(out.map { $0.name.lowercased() })
        while out.count < count {
            let roll = random.below(100)
            let watch: Watch
            if roll < 55 { watch = person(&random) }
            else if roll < 80 { watch = organization(&random) }
            else if roll < 92 { watch = place(&random) }
            else { watch = topic(&random) }
            // One watch per name, as in a real list.
            if names.insert(watch.name.lowercased()).inserted { out.append(watch) }
        }
        return out
    }

    private func word(_ random: inout Random, syllables: Int) -> String {
        var w = ""
        for _ in 0..<syllables { w += random.pick(Self.onsets) + random.pick(Self.vowels) + random.pick(Self.codas) }
        return w.prefix(1).uppercased() + w.dropFirst()
    }

    private func surname(_ random: inout Random) -> String {
        word(&random, syllables: 2 + random.below(2)) + random.pick(Self.surnameEndings)
    }

    private func person(_ random: inout Random) -> Watch {
        let first = random.pick(Self.firstNames), last = surname(&random)
        var aliases = [last]
        if random.chance(40) { aliases.append("\(random.pick(Self.titles)) \(last)") }
        if random.chance(15) { aliases.append("\(first.prefix(1)). \(last)") }
        let context = random.chance(30) ? (0..<(1 + random.below(3))).map { _ in random.pick(Self.contextWords) } : []
        let exclude = random.chance(5) ? [random.pick(Self.excludeWords)] : []
        return Watch(name: "\(first) \(last)", kind: .person, aliases: aliases, context: context, exclude: exclude)
    }

    private func organization(_ random: inout Random) -> Watch {
        let head = random.chance(50) ? random.pick(Self.orgWords) : surname(&random)
        let name = "\(head) \(random.pick(Self.orgSuffixes))"
        var aliases: [String] = []
        if random.chance(50) {
            // An acronym of three or four capitals ("BSH", "NSGC"), never a common English word:
            // the matcher ignores case, and a real list does not alias an organisation "THE".
            let letters = Array("ABCDEFGHIJKLMNOPRSTUVWYZ")
            var acronym = ""
            repeat {
                acronym = String((0..<(3 + random.below(2))).map { _ in random.pick(letters) })
            } while Self.commonWords.contains(acronym.lowercased())
            aliases.append(acronym)
        }
        return Watch(name: name, kind: .organization, aliases: aliases)
    }

    /// Short English words an acronym must not be.
    static let commonWords: Set<String> = [
        "the", "and", "for", "are", "but", "not", "you", "all", "any", "can", "had", "her", "was", "one", "our", "out",
        "day", "get", "has", "him", "his", "how", "man", "new", "now", "old", "see", "two", "way", "who", "boy", "did",
        "its", "let", "put", "say", "she", "too", "use", "yes", "yet", "ago", "big", "far", "few", "own", "per", "via",
        "also", "been", "both", "came", "come", "does", "down", "each", "even", "from", "gave", "give", "good", "have",
        "held", "here", "into", "just", "know", "last", "late", "like", "long", "look", "made", "make", "many", "more",
        "most", "much", "must", "near", "news", "next", "only", "open", "over", "page", "part", "post", "said", "same",
        "sent", "some", "such", "take", "than", "that", "them", "then", "they", "this", "ties", "true", "upon", "very",
        "want", "week", "well", "went", "were", "what", "when", "will", "with", "work", "year", "your", "idea", "nose",
        "side", "sides", "says", "asked", "told", "team", "deal", "talk", "plan", "vote", "bill", "rule", "case",
    ]

    private func place(_ random: inout Random) -> Watch {
        let base = word(&random, syllables: 2 + random.below(2)) + random.pick(["", "", "sk", "grad", "abad", "burg", "ville", "pol"])
        let name = random.chance(35) ? "\(random.pick(Self.placePrefixes)) \(base)" : base
        return Watch(name: name, kind: .place, aliases: random.chance(20) ? ["\(base) region"] : [])
    }

    private func topic(_ random: inout Random) -> Watch {
        let head = random.pick(Self.topicHeads)
        let terms = (0..<(1 + random.below(3))).map { _ in "\(random.chance(70) ? head : random.pick(Self.topicHeads)) \(random.pick(Self.topicTails))" }
        return Watch(name: terms[0], kind: .topic, terms: terms)
    }
}
