extension CentralEuropeanGuess {
    /// Every letter beyond ASCII that Hungarian text shows in the Windows-1252 reading: its own
    /// á é í ó ö ú ü, and ő ű read as õ û.
    static let hungarianIn1252 = Set("áéíóöúüõûÁÉÍÓÖÚÜÕÛ".unicodeScalars)
    static let acutes = Set("áéíóúÁÉÍÓÚ".unicodeScalars)

    /// Whether õ and û in this reading are Hungarian's ő and ű: every letter beyond ASCII is one
    /// Hungarian writes, with an acute and ö or ü beside them (or both õ and û). Portuguese
    /// writes ã ç â ê ô beside its õ, French è à ç ê beside its û, Estonian ä beside its õ and
    /// no acutes; and none of them ö or ü (Estonian does, with ä). A short French text with only
    /// é and û ("Sûr: le coût a crû, le débat est sûr") is not Hungarian for lack of ö and ü.
    static func hungarianShaped(_ scalars: [Unicode.Scalar]) -> Bool {
        var acute = false, umlaut = false, tildeO = false, circumflexU = false
        for scalar in scalars where scalar.value >= 0x80 && scalar.properties.isAlphabetic {
            guard hungarianIn1252.contains(scalar) else { return false }
            switch scalar {
            case "õ", "Õ": tildeO = true
            case "û", "Û": circumflexU = true
            case "ö", "ü", "Ö", "Ü": umlaut = true
            default: acute = true
            }
        }
        return acute && (umlaut && (tildeO || circumflexU) || tildeO && circumflexU)
    }

    /// õ or û where Hungarian writes ő or ű and the others do not: õ before anything but e
    /// (Portuguese "põe", "eleições"), û after anything but o and d (French "goût", "dû").
    static func hungarianMisreading(_ scalar: Unicode.Scalar, before: Unicode.Scalar, after: Unicode.Scalar) -> Bool {
        switch scalar {
        case "õ", "Õ": return after != "e" && after != "E"
        case "û", "Û": return !"oOdD".unicodeScalars.contains(before)
        default: return false
        }
    }
}
