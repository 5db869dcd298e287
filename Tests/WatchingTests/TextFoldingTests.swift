import Testing
import Watching

/// `TextFolding.fold`: how watch-list words and text words are compared.
@Suite("TextFolding")
struct TextFoldingTests {
    @Test func germanNamesFoldTogether() {
        let forms = ["Müller", "Mueller", "Muller", "MÜLLER", "MUELLER", "mu\u{308}ller", "Mu\u{308}ller"]
        for form in forms { #expect(TextFolding.fold(form) == TextFolding.fold("Müller"), "\(form)") }
        #expect(TextFolding.fold("Göring") == TextFolding.fold("Goering"))
        #expect(TextFolding.fold("Schäuble") == TextFolding.fold("Schaeuble"))
    }

    @Test func diacriticsAreDropped() {
        #expect(TextFolding.fold("é") == "e")
        #expect(TextFolding.fold("Émilie") == "emilie")
        #expect(TextFolding.fold("Macrón") == "macron")
        #expect(TextFolding.fold("Ñandú") == "nandu")
        #expect(TextFolding.fold("Łukasz Świątek") == "lukasz swiatek")
        #expect(TextFolding.fold("Erdoğan") == "erdogan")
        #expect(TextFolding.fold("Pe\u{301}rez") == "perez")
        #expect(TextFolding.fold("Dvořák") == "dvorak")
    }

    @Test func sharpSAndLigatures() {
        #expect(TextFolding.fold("ß") == "ss")
        #expect(TextFolding.fold("Straße") == "strasse")
        #expect(TextFolding.fold("STRASSE") == TextFolding.fold("Straße"))
        #expect(TextFolding.fold("Øresund") == "oresund")
        #expect(TextFolding.fold("Đoković") == "dokovic")
    }

    @Test func caseAndApostrophes() {
        #expect(TextFolding.fold("PUTIN") == "putin")
        #expect(TextFolding.fold("O\u{2019}Brien") == TextFolding.fold("O'Brien"))
        #expect(TextFolding.fold("\u{2019}s") == "'s")
    }

    @Test func differentNamesStayDifferent() {
        #expect(TextFolding.fold("Putin") != TextFolding.fold("Putina"))
        #expect(TextFolding.fold("Müller") != TextFolding.fold("Miller"))
        #expect(TextFolding.fold("Paul") != TextFolding.fold("Pauline"))
    }

    @Test func otherScriptsPassThrough() {
        #expect(TextFolding.fold("Путин") == "путин")
        #expect(TextFolding.fold("北京") == "北京")
    }
}
