import Foundation

/// What was last said about each feed's recovered problems, so that a feed that stays broken
/// the same way (an `&nbsp;` in every fetch, a permanent move not yet in the config, ids that
/// change with every fetch) gets one notice in the journal, not one per poll: a repeat goes to
/// the debug level until the warning changes or a clean fetch clears it.
///
/// Warnings are compared with their numbers taken out: "line 12: &nbsp; …" and "line 15: &nbsp;
/// …" are the same problem in a feed whose content moved. Kept per run (a reload starts afresh,
/// so a reload says every standing problem once more).
final class RepeatedWarnings: @unchecked Sendable {
    private let lock = NSLock()
    private var said: [String: String] = [:]

    /// Whether `warning` is news for `url` (not what was said last, numbers aside); remembers it.
    func isNew(_ warning: String, for url: String) -> Bool {
        let key = Self.shape(warning)
        lock.lock()
        defer { lock.unlock() }
        guard said[url] != key else { return false }
        said[url] = key
        return true
    }

    /// A fetch that parsed without a warning: the next one is news again.
    func clear(_ url: String) {
        lock.lock()
        defer { lock.unlock() }
        said[url] = nil
    }

    /// `warning` with every run of digits written "#".
    static func shape(_ warning: String) -> String {
        var out = ""
        out.reserveCapacity(warning.utf8.count)
        var inDigits = false
        for character in warning {
            if character.isASCII, character.isNumber {
                if !inDigits { out.append("#") }
                inDigits = true
            } else {
                out.append(character)
                inDigits = false
            }
        }
        return out
    }
}
