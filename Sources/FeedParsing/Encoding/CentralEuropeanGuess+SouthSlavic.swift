extension CentralEuropeanGuess {
    /// Every letter beyond ASCII that Croatian, Bosnian, Serbian in Latin letters and Slovene show
    /// in the Windows-1252 reading: š ž, which both code pages share, and č ć đ read as è æ ð.
    static let southSlavicIn1252 = Set("èæðšžÈÆÐŠŽ".unicodeScalars)

    /// Whether è æ ð in this reading are č ć đ: every letter beyond ASCII is one of
    /// `southSlavicIn1252`, with š or ž among them. French and Italian write é à ù beside their
    /// è, Danish and Norwegian å ø beside æ, Icelandic þ á beside ð; none of them š or ž.
    static func southSlavicShaped(_ scalars: [Unicode.Scalar]) -> Bool {
        var caron = false
        for scalar in scalars where scalar.value >= 0x80 && scalar.properties.isAlphabetic {
            guard southSlavicIn1252.contains(scalar) else { return false }
            if "šžŠŽ".unicodeScalars.contains(scalar) { caron = true }
        }
        return caron
    }

    /// è or ð touching a letter ("konèno", "meðu"); æ after a vowel ("kuæa", "Miloševiæ", "veæi")
    /// or starting a word before e ("æe", "æemo"). Danish writes æ after consonants ("knæ",
    /// "træet", "tæer") and before other letters at a word's start ("æble", "ære"), so a short
    /// Danish text with only æ beside a "Žižek" stays Western. (è before a vowel or starting a
    /// word counts in any text; here it counts wherever it stands in a word.)
    static func southSlavicMisreading(_ scalar: Unicode.Scalar, before: Unicode.Scalar, after: Unicode.Scalar) -> Bool {
        switch scalar {
        case "è", "È", "ð", "Ð":
            return before.properties.isAlphabetic || after.properties.isAlphabetic
        case "æ", "Æ":
            return vowels.contains(before) || !before.properties.isAlphabetic && (after == "e" || after == "E")
        default:
            return false
        }
    }
}
