/// A trie over folded words: looking up every phrase that starts at a position costs one
/// dictionary step per word of the longest phrase, however many phrases the watch lists hold.
struct PhraseTrie: Sendable {
    private var children: [[String: Int]] = [[:]]
    private var outputs: [[Int]] = [[]]

    /// Adds a phrase (already split and folded); `payload` is returned by `matches`.
    mutating func insert(_ words: [String], payload: Int) {
        guard !words.isEmpty else { return }
        var node = 0
        for word in words {
            if let next = children[node][word] {
                node = next
            } else {
                children.append([:])
                outputs.append([])
                children[node][word] = children.count - 1
                node = children.count - 1
            }
        }
        outputs[node].append(payload)
    }

    /// Every phrase that starts at `start` in `words`: (payload, number of words).
    func matches(in words: [String], from start: Int) -> [(payload: Int, length: Int)] {
        var found: [(Int, Int)] = []
        var node = 0
        var i = start
        while i < words.count, let next = children[node][words[i]] {
            node = next
            i += 1
            for p in outputs[node] { found.append((p, i - start)) }
        }
        return found
    }

    var isEmpty: Bool { children[0].isEmpty }
}
