/// A guess at the encoding of a document that says nothing true about it: feedparser's optional
/// chardet step, for the legacy encodings news feeds were written in.
///
/// Reached only when the declared (or default) encoding, the XML declaration's and the BOM's
/// have all failed on the bytes: a Shift_JIS or KOI8-R feed without a declaration, served without
/// a charset. Without it such a feed is read as Windows-1252, and a watch on "Путин" or "プーチン"
/// can never match. Each candidate is decoded (the first 64 KB, with six or more bytes above
/// ASCII) and judged by what comes out: Japanese has kana among its kanji; Korean is common
/// KS X 1001 Hangul; Chinese uses the commonest characters of its simplified or traditional
/// form; Cyrillic and Greek are mostly lower case, without capitals inside words, with their
/// vowels in the proportion of real prose (and Greek's final sigma at word ends); Hebrew's final
/// letters end words; Arabic has its commonest letters; Thai's vowels sit in a valid order. And
/// none of those scripts' letters touch ASCII letters: Latin-script text read in another code
/// page ("informações" as Hebrew, "Größte" as Greek) is a misreading, ruled out by that alone.
/// Western text and anything no candidate explains are left to the Windows-1252 fallback: a
/// wrong guess costs more than no guess. Latin-script text in the Central European code pages is
/// the one exception, guessed by its own rule (`CentralEuropeanGuess`). (A stress test of 917 undeclared documents in about
/// 30 languages: 236 guessed right, 4 wrong, none of them Latin-script; docs/conformance.md.)
enum CharsetGuess {
    /// How much of the document is decoded per candidate.
    static let sampleBytes = 1 << 16

    /// The encoding, spelled as chardet (and so feedparser) reports it, and the iconv name to
    /// read the document with (a superset: GB18030 for GB2312, CP874 for TIS-620, KOI8-U for
    /// KOI8-R, so that one character outside the narrow set does not lose the whole guess);
    /// nil for no confident guess.
    static func guess(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> (name: String, iconv: String)? {
        // Valid UTF-8 is UTF-8 (the next candidate), and two or three characters are no evidence.
        guard let end = sampleEnd(bytes, from: start),
              UTF8Validation.firstInvalidUTF8(bytes, from: start) != nil else { return nil }
        // Latin-script text: Windows-1252 reads it, unless its misreadings say Central European.
        guard looksNonLatin(bytes, start..<end) else { return CentralEuropeanGuess.guess(bytes, start..<end) }
        var best: (candidate: Candidate, score: Double)?
        for candidate in candidates {
            guard case let .success(utf8) = IconvConversion.toUTF8(bytes, from: start, to: end, encoding: candidate.iconv,
                                                                   layout: .asciiCompatible, lossy: false),
                  case let census = Census(String(decoding: utf8, as: UTF8.self)), census.total >= 4,
                  let score = candidate.judge(census)
            else { continue }
            if score > (best?.score ?? 0) { best = (candidate, score) }
        }
        if let best { return (best.candidate.name, best.candidate.iconv) }
        return CentralEuropeanGuess.guess(bytes, start..<end)
    }

    /// The sample's end: at most `sampleBytes`, cut before an ASCII byte so that no multi-byte
    /// character is split; nil when the sample has no byte above ASCII.
    private static func sampleEnd(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
        var end = min(bytes.count, start + sampleBytes)
        if end < bytes.count {
            while end > start, bytes[end] >= 0x80 { end -= 1 }
        }
        // Fewer than six bytes above ASCII ("普京") are too little to tell scripts apart.
        var high = 0
        for i in start..<end where bytes[i] >= 0x80 { high += 1 }
        return high >= 6 ? end : nil
    }

    /// Whether the bytes above ASCII come in runs (words of another script, or multi-byte
    /// characters) rather than one by one inside ASCII words ("café", "Müller"): Western text is
    /// not guessed at.
    private static func looksNonLatin(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Bool {
        var high = 0, inRuns = 0, run = 0
        for i in range {
            if bytes[i] >= 0x80 {
                high += 1
                run += 1
            } else {
                if run >= 2 { inRuns += run }
                run = 0
            }
        }
        if run >= 2 { inRuns += run }
        return high > 0 && inRuns * 2 > high
    }

    struct Candidate: Sendable {
        let name: String
        let iconv: String
        let judge: @Sendable (Census) -> Double?
    }

    static let candidates: [Candidate] = [
        Candidate(name: "SHIFT_JIS", iconv: "CP932", judge: japanese),
        Candidate(name: "EUC-JP", iconv: "EUC-JP", judge: japanese),
        // Strict EUC-KR: the 2,350 syllables of KS X 1001 (what Korean prose uses); kanji-only
        // Japanese read as CP949 comes out as rare syllables of its extension.
        Candidate(name: "EUC-KR", iconv: "EUC-KR", judge: korean),
        Candidate(name: "GB2312", iconv: "GB18030", judge: { chinese($0, common: commonSimplified) }),
        Candidate(name: "Big5", iconv: "CP950", judge: { chinese($0, common: commonTraditional) }),
        Candidate(name: "KOI8-R", iconv: "KOI8-U", judge: russian),
        Candidate(name: "windows-1251", iconv: "CP1251", judge: russian),
        Candidate(name: "windows-1255", iconv: "CP1255", judge: hebrew),
        Candidate(name: "TIS-620", iconv: "CP874", judge: thai),
        Candidate(name: "windows-1253", iconv: "CP1253", judge: greek),
        Candidate(name: "windows-1256", iconv: "CP1256", judge: arabic),
    ]

    /// Letters of another script touching ASCII letters ("Portugu" + "ês" read as Hebrew) are a
    /// misreading: real Cyrillic, Greek, Hebrew, Arabic or Thai words are not half Latin.
    static func mixesWithASCII(_ c: Census, _ script: ClosedRange<UInt32>) -> Bool {
        var letters = 0, touching = 0
        for (i, scalar) in c.all.enumerated() where script.contains(scalar.value) {
            letters += 1
            let left = i > 0 ? c.all[i - 1] : " ", right = i + 1 < c.all.count ? c.all[i + 1] : " "
            if left.properties.isAlphabetic && left.isASCII || right.properties.isAlphabetic && right.isASCII { touching += 1 }
        }
        return touching * 20 > letters
    }

    /// Share of `script`'s letters (lower-cased) that are in `set`: vowels, or the commonest letters.
    static func share(of set: Set<Unicode.Scalar>, in c: Census, _ script: ClosedRange<UInt32>) -> Double {
        var letters = 0, hits = 0
        for scalar in c.all where script.contains(scalar.value) {
            letters += 1
            let lower = scalar.properties.lowercaseMapping.unicodeScalars.first ?? scalar
            if set.contains(lower) { hits += 1 }
        }
        return letters == 0 ? 0 : Double(hits) / Double(letters)
    }

    /// Hebrew: its letters (and vowel points), final forms only at the ends of words.
    static func hebrew(_ c: Census) -> Double? {
        guard c.share(c.hebrew + c.hebrewPoints) >= 0.85, !mixesWithASCII(c, 0x0590...0x05FF) else { return nil }
        var bad = 0, good = 0
        for (i, scalar) in c.all.enumerated() {
            let next = i + 1 < c.all.count ? c.all[i + 1].value : 0x20
            let nextIsLetter = (0x05D0...0x05EA).contains(next)
            if "ךםןףץ".unicodeScalars.contains(scalar) {
                if nextIsLetter { bad += 1 } else { good += 1 }
            } else if "כמנפצ".unicodeScalars.contains(scalar) {
                if !nextIsLetter, !(0x0591...0x05C7).contains(next) { bad += 1 } else { good += 1 }
            }
        }
        // Above Cyrillic when both read: Windows-1251 reads Hebrew's letters as "а"–"ъ".
        return bad * 10 <= bad + good ? 1.2 : nil
    }

    /// Japanese: kana, kanji and CJK punctuation, with kana among the kanji (all Japanese
    /// prose has them; Chinese and Korean read as Japanese do not).
    static func japanese(_ c: Census) -> Double? {
        guard c.kana > 0, c.share(c.kana + c.han + c.cjkPunctuation) >= 0.9, c.kana * 10 >= c.kana + c.han else { return nil }
        return 1 + Double(c.kana) / Double(max(1, c.kana + c.han)) / 10
    }

    /// Korean: Hangul syllables, few Hanja.
    static func korean(_ c: Census) -> Double? {
        guard c.share(c.hangul + c.han + c.cjkPunctuation) >= 0.9, c.hangul * 10 >= (c.hangul + c.han) * 9,
              c.countIn(commonHangul) * 5 >= c.hangul else { return nil }
        return 1
    }

    /// Syllables frequent in Korean prose: a fifth of real text's, few of other bytes read as Korean.
    static let commonHangul: Set<Unicode.Scalar> = Set("이다의는에고하한을를서가지로기있도대정리자사인일국시과들수부보아주장전어적위원경해상나제비스게만요내회성면동소관문생연구러트공신방조실업금중화산발선물거결명분개통령재".unicodeScalars)

    /// Chinese: Han characters and CJK punctuation only, at least 15% of them among the 150
    /// commonest characters of the script's form.
    static func chinese(_ c: Census, common: Set<Unicode.Scalar>) -> Double? {
        guard c.kana == 0, c.hangul == 0, c.han > 0, c.share(c.han + c.cjkPunctuation) >= 0.9 else { return nil }
        let ratio = Double(c.countIn(common)) / Double(c.han)
        return ratio >= 0.15 ? 1 + ratio / 10 : nil
    }

    /// A script with two cases: its letters, mostly lower case (the case tells KOI8-R from
    /// Windows-1251, which swap the two halves), no capitals inside words ("пЬя": another
    /// alphabet's letters read in this one; Greek in Windows-1251 puts its accented vowels on
    /// Ь Э Ю Я), none touching ASCII letters, and its vowels in the share of real prose.
    static func cased(_ c: Census, lower: Int, upper: Int, upperInWord: Int, script: ClosedRange<UInt32>,
                      vowels: Set<Unicode.Scalar>, minimumVowels: Double) -> Double? {
        let letters = lower + upper
        guard c.share(letters) >= 0.8, lower * 10 >= letters * 6, upperInWord * 20 <= letters,
              !mixesWithASCII(c, script), share(of: vowels, in: c, script) >= minimumVowels
        else { return nil }
        return 1 + Double(lower) / Double(letters) / 10
    }

    /// Russian (and other Cyrillic): о е а и (і) are a fifth of the letters of Russian,
    /// Ukrainian, Bulgarian, Serbian.
    static func russian(_ c: Census) -> Double? {
        cased(c, lower: c.cyrillicLower, upper: c.cyrillicUpper, upperInWord: c.cyrillicUpperInWord,
              script: 0x0400...0x052F, vowels: Set("оеаиі".unicodeScalars), minimumVowels: 0.18)
    }

    /// Greek: vowels are three letters in ten, and the final sigma ends words.
    static func greek(_ c: Census) -> Double? {
        guard let score = cased(c, lower: c.greekLower, upper: c.greekUpper, upperInWord: c.greekUpperInWord,
                                script: 0x0370...0x03FF, vowels: Set("αεηιουωάέήίόύώϊϋΐΰ".unicodeScalars), minimumVowels: 0.3)
        else { return nil }
        // Final sigma ends words; σ does not.
        var bad = 0, good = 0
        for (i, scalar) in c.all.enumerated() where scalar == "ς" || scalar == "σ" {
            let next = i + 1 < c.all.count ? c.all[i + 1].value : 0x20
            let nextIsGreek = (0x0386...0x03CE).contains(next)
            if (scalar == "ς") == nextIsGreek { bad += 1 } else { good += 1 }
        }
        return bad * 10 <= bad + good ? score : nil
    }

    /// Arabic: its letters, with the commonest ones (ل م ن ه و ى ي, two in five letters of
    /// real prose) among them: Cyrillic read as Windows-1256 is Arabic letters without them.
    static func arabic(_ c: Census) -> Double? {
        guard c.share(c.arabic) >= 0.8, c.arabicCommon * 5 >= c.arabic, !mixesWithASCII(c, 0x0600...0x06FF) else { return nil }
        return 1
    }

    /// Thai: its letters, with vowels and tone marks that follow a consonant (Russian read as
    /// TIS-620 is Thai letters in an impossible order).
    static func thai(_ c: Census) -> Double? {
        guard c.share(c.thai) >= 0.8, c.thaiMisplaced * 20 <= c.thai, !mixesWithASCII(c, 0x0E00...0x0E7F),
              share(of: Set("านรอกเงมยลวสดทตคั่้ีิะบปหพข".unicodeScalars), in: c, 0x0E00...0x0E7F) >= 0.5
        else { return nil }
        // A leading vowel (เ แ โ ใ ไ) comes before a consonant.
        var leads = 0, misplaced = 0
        for (i, scalar) in c.all.enumerated() where (0x0E40...0x0E44).contains(scalar.value) {
            leads += 1
            let next = i + 1 < c.all.count ? c.all[i + 1].value : 0x20
            if !(0x0E01...0x0E2E).contains(next) { misplaced += 1 }
        }
        return misplaced * 10 <= max(leads, 1) ? 1 : nil
    }

    /// What a decoded sample holds beyond ASCII, by script.
    struct Census {
        var total = 0, kana = 0, han = 0, hangul = 0, cjkPunctuation = 0
        var cyrillicLower = 0, cyrillicUpper = 0, cyrillicUpperInWord = 0, cyrillicLast = 0, hebrew = 0, thai = 0, thaiMisplaced = 0
        var greekLower = 0, greekUpper = 0, greekUpperInWord = 0, arabic = 0, arabicCommon = 0, hebrewPoints = 0
        /// Every character, and those beyond ASCII.
        let all: [Unicode.Scalar]
        let scalars: [Unicode.Scalar]

        init(_ text: String) {
            all = Array(text.unicodeScalars)
            scalars = all.filter { $0.value >= 0x80 }
            var previous: UInt32 = 0
            for scalar in text.unicodeScalars {
                let v = scalar.value
                defer { previous = v }
                guard v >= 0x80 else { continue }
                total += 1
                switch v {
                case 0x3040...0x30FF: kana += 1
                case 0x4E00...0x9FFF, 0x3400...0x4DBF, 0xF900...0xFAFF: han += 1
                case 0xAC00...0xD7A3: hangul += 1
                // Half-width katakana (U+FF61–FF9F) are left out: single bytes of other encodings
                // read as Shift_JIS come out as them.
                case 0x3000...0x303F, 0xFF00...0xFF60, 0xFFA0...0xFFEF, 0x2010...0x206F: cjkPunctuation += 1
                case 0x0430...0x044F, 0x0450...0x045F:
                    cyrillicLower += 1
                    if (0x044B...0x044F).contains(v) { cyrillicLast += 1 }
                case 0x0410...0x042F, 0x0400...0x040F:
                    cyrillicUpper += 1
                    if (0x0430...0x045F).contains(previous) { cyrillicUpperInWord += 1 }
                case 0x03AC...0x03CE: greekLower += 1
                case 0x0386...0x03AB:
                    greekUpper += 1
                    if (0x03AC...0x03CE).contains(previous) { greekUpperInWord += 1 }
                case 0x0600...0x06FF:
                    arabic += 1
                    if (0x0644...0x064A).contains(v) { arabicCommon += 1 }
                case 0x05D0...0x05EA: hebrew += 1
                case 0x0591...0x05C7: hebrewPoints += 1
                case 0x0E01...0x0E5B:
                    thai += 1
                    // Above and below vowels and tone marks sit on a consonant (or another mark).
                    let isMark = v == 0x0E31 || (0x0E34...0x0E3A).contains(v) || (0x0E47...0x0E4E).contains(v)
                    if isMark, !(0x0E01...0x0E2E).contains(previous), !(0x0E31...0x0E4E).contains(previous) { thaiMisplaced += 1 }
                default: break
                }
            }
        }

        func share(_ count: Int) -> Double { total == 0 ? 0 : Double(count) / Double(total) }
        func countIn(_ set: Set<Unicode.Scalar>) -> Int { scalars.reduce(0) { $0 + (set.contains($1) ? 1 : 0) } }
    }

    /// The 150 commonest characters of Chinese prose, in its two forms (where they differ, each
    /// form has its own spelling). In real text about two in five characters are among them; in
    /// other encodings' bytes read as Chinese, spread over thousands of characters, a few in a
    /// hundred.
    static let commonSimplified: Set<Unicode.Scalar> = Set("的一是不了在人有我他这个们中来上大为和国地到以说时要就出会可也你对生能而子那得于着下自之年过发后作里用道行所然家种事成方多经么去法学如都同现当没动面起看定天分还进好小部其些主样理心她本前开但因只从想实日军者意无力它与长把机十民第公此已工使情明性知全三又关点正业外将两高间由问很最重并物手应战向头文体政".unicodeScalars)
    static let commonTraditional: Set<Unicode.Scalar> = Set("的一是不了在人有我他這個們中來上大為和國地到以說時要就出會可也你對生能而子那得於著下自之年過發後作裡用道行所然家種事成方多經麼去法學如都同現當沒動面起看定天分還進好小部其些主樣理心她本前開但因只從想實日軍者意無力它與長把機十民第公此已工使情明性知全三又關點正業外將兩高間由問很最重並物手應戰向頭文體政".unicodeScalars)
}
