/// Polish, Czech, Slovak, Croatian … text in windows-1250 or ISO-8859-2 that declares no
/// encoding: what the Windows-1252 fallback turns into "Czê¶æ pos³ów ¿¹da" ("Część posłów żąda").
///
/// Why a rule of its own: `CharsetGuess` leaves Latin-script text alone, because a wrong guess
/// costs more than no guess, and most of it is Western text that Windows-1252 reads right. These
/// code pages put letters where Windows-1252 has symbols (ł ą ż at ³ ¹ ¿, ś ź at ¶ ¼ in
/// ISO-8859-2) or nothing at all (ť at 0x9D), so a misreading shows: symbols between letters, and
/// bytes Windows-1252 does not define. The guess is made only when the Windows-1252 reading has
/// such misfits (three at least, and one in twenty characters beyond ASCII) and a Central European
/// reading has a tenth as many or fewer; Western text, whose Windows-1252 reading has none, is
/// never touched. Czech ě and ů are letters in Windows-1252 too (ì, ù); inside a word, where
/// Italian and French never write those, they count as misfits as well. Hungarian ő ű,
/// Romanian ş ţ ă and Croatian or Slovene č ć đ are letters there too (õ û, º þ ã, è æ ð), which
/// Portuguese, Estonian, French, Spanish, Danish and Icelandic write; they count only in text
/// whose other letters are all that language's (`hungarianShaped`, `romanianShaped`,
/// `southSlavicShaped`).
enum CentralEuropeanGuess {
    struct Reading {
        let name: String
        let iconv: String
    }

    static let windows1252 = Reading(name: "windows-1252", iconv: "CP1252")
    /// Both spellings as chardet reports them.
    static let candidates = [Reading(name: "windows-1250", iconv: "CP1250"), Reading(name: "ISO-8859-2", iconv: "ISO-8859-2")]

    static func guess(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> (name: String, iconv: String)? {
        guard let western = score(bytes, range, windows1252, lossy: true),
              western.misfits >= 3, western.misfits * 20 >= western.beyondASCII else { return nil }
        var best: (reading: Reading, score: Score)?
        for reading in candidates {
            guard let score = score(bytes, range, reading, lossy: false), score.misfits * 10 <= western.misfits else { continue }
            if let current = best?.score, (current.misfits, current.unexplainedLetters) <= (score.misfits, score.unexplainedLetters) { continue }
            best = (reading, score)
        }
        return best.map { ($0.reading.name, $0.reading.iconv) }
    }

    /// Windows-1252's symbols at the bytes where windows-1250 or ISO-8859-2 have letters: inside
    /// a word, each is a misreading. ± only between lower-case letters (`lowerCaseLike`): "MW±SD" is Western.
    static let letterSymbols = Set("¡£¥¦©ª«¬®¯³µ¶¹º»¼¾¿".unicodeScalars)
    /// Those that also end words in Polish, Czech or Slovak (ł, ą, ż, ž …) and that Western text
    /// does not write after a letter (unlike ®, «, », º or ©: "Windows®", "nº"; nor ³, ¹ and ±,
    /// which Western text writes after units, footnoted words and means: "m³/s", "study¹", "mean±").
    static let endingSymbols = Set("£¥¦¬¯¶¼¾¿".unicodeScalars)
    /// Those that also start words (Ł, Ś, ś, š, ž …) and that Western text does not write before a
    /// letter (unlike ¿ and ¡: "¿Qué"; nor ±: "±SD").
    static let startingSymbols = Set("£¥¦¬¯³¶¹¼¾".unicodeScalars)

    /// ISO-8859-2's lower-case letters as Windows-1252 reads them (ą ł ś š ź ž ż): "¿±da" is
    /// "żąda", so ± between one of these and a lower-case letter is a misreading too.
    static let lowerCaseMisreadings = Set("±³¶¹¼¾¿".unicodeScalars)

    static func lowerCaseLike(_ scalar: Unicode.Scalar) -> Bool {
        scalar.properties.isLowercase || lowerCaseMisreadings.contains(scalar)
    }

    /// č is Windows-1252's è: Croatian, Slovene, Czech and Slovak write it before vowels
    /// ("reče", "človek") and at a word's start; Western text writes è before consonants
    /// ("très", "problème") or ending a word ("è", "caffè"), and word-initial only after an
    /// elision ("l'ère"), or as a capital ("Ève").
    static let vowels = Set("aeiouAEIOU".unicodeScalars)
    static let apostrophes = Set("'’`".unicodeScalars)

    struct Score {
        var misfits = 0
        var beyondASCII = 0
        /// Letters beyond ASCII that the language explaining most of them does not write ("ľe"
        /// beside "řekl": Czech ž read in the other code page as Slovak ľ): what tells the two
        /// Central European code pages apart when neither reading has misfits.
        var unexplainedLetters = 0
    }

    /// The letters beyond ASCII of the languages these code pages were made for (lower case).
    static let languages: [Set<Unicode.Scalar>] = [
        "ąćęłńóśźż",            // Polish
        "áčďéěíňóřšťúůýž",      // Czech
        "áäčďéíĺľňóôŕšťúýž",    // Slovak
        "čćđšž",                // Croatian, Bosnian, Serbian in Latin, Slovene
        "áéíóöőúüű",            // Hungarian
        "ăâîșşțţ",              // Romanian
        "äöüß",                 // German, as written in these code pages
    ].map { Set($0.unicodeScalars) }

    /// The reading's misfits; nil when the bytes cannot be read in it at all (`lossy` false).
    static func score(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, _ reading: Reading, lossy: Bool) -> Score? {
        guard case let .success(utf8) = IconvConversion.toUTF8(bytes, from: range.lowerBound, to: range.upperBound,
                                                               encoding: reading.iconv, layout: .asciiCompatible, lossy: lossy)
        else { return nil }
        let scalars = Array(UTF8String.make(utf8[...]).unicodeScalars)
        var score = Score()
        var letters: [Unicode.Scalar] = []
        let hungarian = hungarianShaped(scalars), romanian = romanianShaped(scalars)
        let southSlavic = southSlavicShaped(scalars)
        for (i, scalar) in scalars.enumerated() where scalar.value >= 0x80 {
            score.beyondASCII += 1
            let before = i > 0 ? scalars[i - 1] : " ", after = i + 1 < scalars.count ? scalars[i + 1] : " "
            let letterBefore = before.properties.isAlphabetic, letterAfter = after.properties.isAlphabetic
            if scalar == "\u{FFFD}" || (0x80...0x9F).contains(scalar.value) {
                score.misfits += 1  // a byte the code page does not define, or a C1 control
            } else if letterBefore && letterAfter && letterSymbols.contains(scalar)
                        || letterBefore && endingSymbols.contains(scalar) || letterAfter && startingSymbols.contains(scalar)
                        || scalar == "±" && lowerCaseLike(before) && lowerCaseLike(after) {
                score.misfits += 1  // "pos³ów", "ju¿", "¶wiat": a Central European letter read as a symbol
            } else if (scalar == "ì" || scalar == "ù" || scalar == "Ì" || scalar == "Ù") && letterBefore && letterAfter {
                score.misfits += 1  // "mìsto", "zùstat": Czech ě and ů read as Windows-1252
            } else if (scalar == "è" || scalar == "È") && letterAfter
                        && (vowels.contains(after) || scalar == "è" && !letterBefore && !apostrophes.contains(before)) {
                score.misfits += 1  // "reèe", "èovjek": č read as Windows-1252's è
            } else if hungarian && hungarianMisreading(scalar, before: before, after: after) {
                score.misfits += 1  // "elsõ", "egyszerû": ő and ű read as Windows-1252's õ and û
            } else if romanian && romanianMisreading(scalar, before: before, after: after) {
                score.misfits += 1  // "ºi", "naþional", "scãdea": ş ţ ă read as Windows-1252's º þ ã
            } else if southSlavic && southSlavicMisreading(scalar, before: before, after: after) {
                score.misfits += 1  // "kuæa", "meðu", "konèno": ć đ č read as Windows-1252's æ ð è
            }
            if scalar.properties.isAlphabetic { letters.append(scalar.properties.lowercaseMapping.unicodeScalars.first ?? scalar) }
        }
        let explained = languages.map { language in letters.count { language.contains($0) } }.max() ?? 0
        score.unexplainedLetters = letters.count - explained
        return score
    }
}
