extension CentralEuropeanGuess {
    /// Every letter beyond ASCII that Romanian text in these code pages shows in the
    /// Windows-1252 reading: â î, and ă ş ţ (with their capitals) read as ã º þ (Ã ª Þ).
    static let romanianIn1252 = Set("ãâîºªþÃÂÎÞ".unicodeScalars)

    /// Whether º þ ã in this reading are Romanian's ş ţ ă: every letter beyond ASCII is one of
    /// `romanianIn1252`, and there is a º, ª, þ or Þ. Icelandic writes ð æ á é beside its þ,
    /// Spanish and Portuguese á é ñ ç õ beside their º and ã, French é è à beside â î; a text
    /// short enough to have none of those also has too few misfits for a guess.
    static func romanianShaped(_ scalars: [Unicode.Scalar]) -> Bool {
        var cedilla = false
        for scalar in scalars where scalar.value >= 0x80 && scalar.properties.isAlphabetic {
            guard romanianIn1252.contains(scalar) else { return false }
            if "ºªþÞ".unicodeScalars.contains(scalar) { cedilla = true }
        }
        return cedilla
    }

    /// þ after a letter ("naþional", "acþiune": Icelandic starts words with it); º or ª starting
    /// a word ("ºi", "ªtefan": Spanish and Portuguese write them after numbers, "1º", "2ª"); ã
    /// before a consonant other than s ("scãdea": Portuguese writes "ão", "ãe", "irmãs").
    /// Inside a word º and ª are misfits already (`letterSymbols`); a word-final ã is Portuguese too.
    static func romanianMisreading(_ scalar: Unicode.Scalar, before: Unicode.Scalar, after: Unicode.Scalar) -> Bool {
        switch scalar {
        case "þ", "Þ":
            return before.properties.isAlphabetic
        case "º", "ª":
            return !before.properties.isAlphabetic && before.properties.numericType == nil && after.properties.isAlphabetic
        case "ã", "Ã":
            return after.isASCII && after.properties.isAlphabetic && !"aeiouysAEIOUYS".unicodeScalars.contains(after)
        default:
            return false
        }
    }
}
