import Testing
import Watching

/// `Stemmer`: topic terms match their English inflections, and only those.
@Suite("Stemmer")
struct StemmerTests {
    @Test func sanctionFamilySharesAStem() {
        let stem = Stemmer.stem("sanction")
        for form in ["sanctions", "sanctioned", "sanctioning"] { #expect(Stemmer.stem(form) == stem, "\(form)") }
        #expect(Stemmer.stem("sanctity") != stem)
        #expect(Stemmer.stem("sanctuary") != stem)
    }

    @Test("Regular inflections share a stem", arguments: [
        ["plan", "plans", "planned", "planning"],
        ["stop", "stops", "stopped", "stopping"],
        ["call", "calls", "called", "calling"],
        ["pass", "passes", "passed", "passing"],
        ["match", "matches", "matched", "matching"],
        ["policy", "policies"],
        ["attack", "attacks", "attacked", "attacking"],
        ["tariff", "tariffs"],
    ])
    func inflections(forms: [String]) {
        let stems = Set(forms.map(Stemmer.stem))
        #expect(stems.count == 1, "\(forms) → \(forms.map(Stemmer.stem))")
    }

    @Test func wordsThatOnlyLookInflectedAreLeftAlone() {
        for word in ["crisis", "status", "glass", "virus", "need", "embargo"] {
            #expect(Stemmer.stem(word) == word, "\(word)")
        }
        // Short words are never touched (documented): "bans" does not become "ban".
        #expect(Stemmer.stem("bans") == "bans")
        #expect(Stemmer.stem("wars") == "wars")
    }

    @Test
    func eFinalWordsShareAStem() {
        for forms in [["freeze", "freezes", "freezing"], ["raise", "raises", "raised", "raising"], ["seize", "seized", "seizes"]] {
            #expect(Set(forms.map(Stemmer.stem)).count == 1, "\(forms) → \(forms.map(Stemmer.stem))")
        }
    }
}
