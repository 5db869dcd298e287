import FeedModel
import FeedParsing
#if canImport(Glibc)
import Glibc
#endif

/// `feedwatch parse --stats`: what a poll costs, without printing the feed.
///
/// Times the full parse (libxml2 SAX2, dates, links) and then HTML to text of every entry's
/// title, summary and content — the work the daemon does before matching — and reports
/// the best of `runs` runs, so a noisy machine spoils fewer figures, and the peak resident
/// memory after them all.
enum ParseStats {
    static func measure(_ bytes: [UInt8], url: String?, contentType: String?, runs: Int) -> String {
        var best = Double.infinity, bestText = Double.infinity
        var entries = 0, textBytes = 0, bozo = false
        for _ in 0..<runs {
            let start = monotonic()
            let feed = FeedParser().parse(bytes, documentURL: url, httpContentType: contentType)
            let parsed = monotonic()
            var total = 0
            // Indices and a local function, not `for entry in` and array literals: the harness
            // should not add copies and allocations of its own to the figure.
            func text(_ construct: TextConstruct) -> Int {
                (construct.isMarkup ? HTMLText.plainText(construct.value) : construct.value).utf8.count
            }
            for i in feed.entries.indices {
                if let title = feed.entries[i].title { total += text(title) }
                if let summary = feed.entries[i].summary { total += text(summary) }
                for j in feed.entries[i].content.indices { total += text(feed.entries[i].content[j]) }
            }
            let done = monotonic()
            best = min(best, parsed - start)
            bestText = min(bestText, done - parsed)
            entries = feed.entries.count
            textBytes = total
            bozo = feed.bozo
        }
        let mb = Double(bytes.count) / 1_000_000
        func f(_ x: Double) -> String { String(Int((x * 10).rounded())) .withDecimal }
        return "bytes=\(bytes.count) entries=\(entries) text_bytes=\(textBytes) bozo=\(bozo) "
            + "parse_ms=\(f(best * 1000)) text_ms=\(f(bestText * 1000)) total_ms=\(f((best + bestText) * 1000)) "
            + "MB_per_s=\(f(mb / (best + bestText))) peak_rss_kb=\(peakResidentKB())"
    }

    /// The process's peak resident memory so far, in KB: read after every run, so `--repeat`
    /// shows whether memory grows with the number of parses (a leak) or stays where the first
    /// parses put it.
    ///
    /// From /proc/self/status's VmHWM, not getrusage: Linux carries `ru_maxrss` over from the
    /// parent through fork and exec, so a feedwatch started by a 40 MB test runner reported
    /// 40 MB whatever it did. VmHWM belongs to this program's own memory.
    private static func peakResidentKB() -> Int {
        guard let file = fopen("/proc/self/status", "r") else { return 0 }
        defer { fclose(file) }
        var line = [CChar](repeating: 0, count: 256)
        while fgets(&line, Int32(line.count), file) != nil {
            let text = String(decoding: line.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
            if text.hasPrefix("VmHWM:") {
                return Int(text.dropFirst(6).filter { $0.isNumber }) ?? 0
            }
        }
        return 0
    }

    private static func monotonic() -> Double {
        var ts = timespec()
        clock_gettime(CLOCK_MONOTONIC, &ts)
        return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
    }
}

private extension String {
    /// "1234" (tenths) → "123.4".
    var withDecimal: String {
        var digits = self
        while digits.count < 2 { digits = "0" + digits }
        return String(digits.dropLast()) + "." + String(digits.last!)
    }
}
