import FeedModel
import Glibc
import Testing
@testable import FeedParsing

/// Feeds in legacy encodings that declare none (and come without a charset): feedparser's
/// chardet step, made by CharsetGuess.
struct CharsetGuessTests {
    /// `text` in `encoding`, through glibc's iconv (the test's own conversion, not the parser's).
    func encode(_ text: String, _ encoding: String) throws -> [UInt8] {
        let cd = iconv_open(encoding, "UTF-8")
        try #require(cd != UnsafeMutableRawPointer(bitPattern: -1), "iconv cannot write \(encoding)")
        defer { iconv_close(cd) }
        var input = Array(text.utf8).map { CChar(bitPattern: $0) }
        var output = [CChar](repeating: 0, count: input.count * 4 + 16)
        let written: Int = input.withUnsafeMutableBufferPointer { inBuf in
            output.withUnsafeMutableBufferPointer { outBuf in
                var inPtr: UnsafeMutablePointer<CChar>? = inBuf.baseAddress
                var inLeft = inBuf.count
                var outPtr: UnsafeMutablePointer<CChar>? = outBuf.baseAddress
                var outLeft = outBuf.count
                let result = iconv(cd, &inPtr, &inLeft, &outPtr, &outLeft)
                return result == -1 || inLeft != 0 ? -1 : outBuf.count - outLeft
            }
        }
        try #require(written >= 0, "\(text) cannot be written in \(encoding)")
        return output.prefix(written).map { UInt8(bitPattern: $0) }
    }

    /// An RSS document with no XML declaration, its item's title and description in `encoding`.
    func feed(title: String, description: String, in encoding: String) throws -> ParsedFeed {
        let xml = "<rss version=\"2.0\"><channel><item><title>\(title)</title><description>\(description)</description></item></channel></rss>"
        return FeedParser().parse(try encode(xml, encoding), documentURL: "http://news.example/rss", httpContentType: nil)
    }

    static let samples: [(encoding: String, reported: String, title: String, description: String)] = [
        ("SHIFT_JIS", "SHIFT_JIS", "プーチン大統領が記者会見", "プーチン大統領は金曜日、ウクライナ情勢について記者会見を開き、制裁の解除を求めた。"),
        ("EUC-JP", "EUC-JP", "プーチン大統領が記者会見", "プーチン大統領は金曜日、ウクライナ情勢について記者会見を開き、制裁の解除を求めた。"),
        ("EUC-KR", "EUC-KR", "푸틴 대통령 기자회견", "푸틴 대통령은 금요일 우크라이나 사태에 대해 기자회견을 열고 러시아에 대한 제재 해제를 요구했다."),
        ("GB2312", "GB2312", "普京举行记者会", "普京总统周五就乌克兰局势举行记者会，要求解除对俄罗斯的制裁。这是他今年第三次公开发表讲话。"),
        ("BIG5", "Big5", "普丁舉行記者會", "普丁總統週五就烏克蘭局勢舉行記者會，要求解除對俄羅斯的制裁。這是他今年第三次公開發表講話。"),
        ("KOI8-R", "KOI8-R", "Путин провёл пресс-конференцию", "Президент России в пятницу провёл пресс-конференцию о ситуации на Украине и потребовал отменить санкции."),
        ("CP1251", "windows-1251", "Путин провёл пресс-конференцию", "Президент России в пятницу провёл пресс-конференцию о ситуации на Украине и потребовал отменить санкции."),
        ("CP1255", "windows-1255", "פוטין כינס מסיבת עיתונאים", "הנשיא פוטין קיים ביום שישי מסיבת עיתונאים על המצב באוקראינה ודרש להסיר את הסנקציות."),
        ("TIS-620", "TIS-620", "ปูตินแถลงข่าว", "ประธานาธิบดีปูตินแถลงข่าวเมื่อวันศุกร์เกี่ยวกับสถานการณ์ในยูเครนและเรียกร้องให้ยกเลิกการคว่ำบาตร"),
        ("CP1253", "windows-1253", "Ο Πούτιν έδωσε συνέντευξη Τύπου", "Ο πρόεδρος της Ρωσίας έδωσε την Παρασκευή συνέντευξη Τύπου για την κατάσταση στην Ουκρανία και ζήτησε την άρση των κυρώσεων."),
        ("CP1256", "windows-1256", "بوتين يعقد مؤتمرا صحفيا", "عقد الرئيس الروسي يوم الجمعة مؤتمرا صحفيا حول الوضع في أوكرانيا وطالب برفع العقوبات."),
    ]

    @Test(arguments: 0..<samples.count)
    func anUndeclaredLegacyFeedIsReadInItsEncoding(_ index: Int) throws {
        let sample = Self.samples[index]
        let parsed = try feed(title: sample.title, description: sample.description, in: sample.encoding)
        #expect(parsed.encoding == sample.reported)
        #expect(parsed.entries.first?.title?.value == sample.title)
        #expect(parsed.entries.first?.summary?.value == sample.description)
        #expect(parsed.bozo, "the document said nothing true about its encoding")
        #expect(parsed.bozoException?.contains("parsed as \(sample.reported)") == true, "\(parsed.bozoException ?? "")")
    }

    @Test func westernTextIsLeftToTheWindows1252Fallback() throws {
        for (title, description) in [
            ("Müller über Äpfel", "Der Außenminister sagte, die Sanktionen würden bleiben. Österreich und die Schweiz prüfen neue Maßnahmen."),
            ("Le président à l’Élysée", "Le président a tenu vendredi une conférence de presse sur la situation en Ukraine. « Ça été très difficile », a-t-il déclaré."),
            ("El presidente habló", "El presidente habló de las sanciones económicas y de la situación en España, según la agencia."),
            ("Ça été à l'école élémentaire", "Été, hôtel, forêt, naïveté, cœur, œuvre — façade, garçon, reçu."),
        ] {
            let parsed = try feed(title: title, description: description, in: "CP1252")
            #expect(parsed.encoding == "windows-1252", "\(title)")
            #expect(parsed.entries.first?.title?.value == title)
            #expect(parsed.entries.first?.summary?.value == description)
        }
    }

    /// Latin-script text that earlier rules read as Hebrew, Cyrillic, Greek or Thai (found by a
    /// helper's 917-document stress test): letters of those scripts touching ASCII letters, and
    /// too few of their vowels, rule such readings out. Not guessed means the old fallback.
    static let latinTexts: [(encoding: String, title: String, description: String)] = [
        ("CP1252", "Größte Überschwemmung seit 100 Jahren: Süßwasserreserven knapp", "Grüße aus München – 25 °C und Sonne, süße Füße, größte Größe"),
        ("CP1252", "¡ÉXITO ROTUNDO! «ÉL LO SABÍA»", ""),
        ("CP1252", "A população da região exige informações sobre as eleições", ""),
        ("ISO-8859-1", "Ráðherra segir að þjóðin þurfi að bíða", ""),
        ("CP1252", "Pääministeri Orpo: äänestysprosentti nousi", "Sauli Niinistö tyytyväinen. Hääyö, määrä, jäätelö, työttömyys."),
        ("CP1250", "Część posłów żąda dymisji ministra", "Łódź: przyszłość miejskiej komunikacji. Źdźbło."),
        ("CP1250", "Příští týden: nejvyšší teploty až 35 °C", "Řidiči, pozor na náledí!"),
        ("ISO-8859-2", "PŘÍŠTÍ TÝDEN: ŘÍJNOVÉ MRAZY", ""),
        ("CP1254", "İstanbul'da şiddetli yağış", ""),
    ]

    @Test(arguments: 0..<latinTexts.count)
    func latinScriptTextIsNeverReadAsAnotherScript(_ index: Int) throws {
        let sample = Self.latinTexts[index]
        let parsed = try feed(title: sample.title, description: sample.description, in: sample.encoding)
        #expect(["windows-1252", "iso-8859-2", "windows-1250", "ISO-8859-2"].contains(parsed.encoding), "\(sample.title): \(parsed.encoding)")
    }

    /// Central European text without a declaration: read in its code page, not as Windows-1252's
    /// "Czê¶æ pos³ów ¿¹da".
    static let centralEuropean: [(encoding: String, reported: String, title: String, description: String)] = [
        ("CP1250", "windows-1250", "Część posłów żąda dymisji ministra", "Łódź: przyszłość miejskiej komunikacji. Źdźbło."),
        ("ISO-8859-2", "ISO-8859-2", "Część posłów żąda dymisji ministra", "Łódź: przyszłość miejskiej komunikacji. Źdźbło."),
        // No ś or ź, whose bytes ISO-8859-2 leaves undefined: told apart by ą read as Czech š.
        ("CP1250", "windows-1250", "Polska wyśle pomoc", "Rząd zapowiada, że pomoc trafi tam już w przyszłym tygodniu. Minister obrony potwierdził."),
        ("CP1250", "windows-1250", "Příští týden: děti zůstanou doma", "Město připravuje opatření, řidiči mají jezdit pomaleji. Ministerstvo zdravotnictví vydalo doporučení."),
        ("ISO-8859-2", "ISO-8859-2", "Příští týden: nejvyšší teploty až 35 °C", "Řidiči, pozor na náledí! Ministerstvo žádá občany, aby zůstali doma. Šéf hasičů varuje."),
        ("ISO-8859-2", "ISO-8859-2", "Slovenská vláda schválila rozpočet", "Minister financií uviedol, že štátny dlh sa zníži. Opozícia žiada odvolanie ministra."),
        // Both readings free of misfits (ž is ľ in windows-1250): "ľe" beside "řekl" is no language.
        ("ISO-8859-2", "ISO-8859-2", "Vláda v pondělí schválila rozpočet",
         "Ministr financí řekl, že deficit se sníží. Opozice žádá odvolání ministra; podle průzkumu by volby vyhrálo hnutí ANO."),
        // Only letters in the Windows-1252 reading (č ć đ as è æ ð): told by where è stands.
        ("CP1250", "windows-1250", "Hrvatska vlada šalje pomoć",
         "Ministar financija rekao je da će se dug smanjiti; čovjek iz oporbe reče da je to previše. Učitelji čekaju odgovor."),
        ("CP1250", "windows-1250", "Vlada je sprejela proračun",
         "Minister je dejal, da bo čez leto več denarja za šole. Če bo tako, bodo učitelji zadovoljni; človek pa ne ve, kaj reči."),
        ("ISO-8859-2", "ISO-8859-2", "Hrvatska vlada šalje pomoć",
         "Ministar financija rekao je da će se dug smanjiti; oporba traži ostavku, a premijer kaže da nije vrijeme za svađe. Žurno."),
        // Only letters in the Windows-1252 reading too (ő ű as õ û): told by the others being Hungarian's.
        ("CP1250", "windows-1250", "Az első fordulóban nőtt a részvétel",
         "A szerző szerint a jövő héten hűvösebb idő jön; a műsor előtt a kormányszóvivő „egyszerű” választ ígért. Győr és Pécs között erős szél fúj."),
        // Croatian and Slovene whose č stands before consonants or ends words: told by ć đ č
        // beside š and ž, the only other letters.
        ("CP1250", "windows-1250", "Đoković i Milošević: veći izazov",
         "Među igračima iz Srbije najbolji je Đoković; kuća u kojoj živi nalazi se između dva grada. Noćas će padati kiša."),
        ("CP1250", "windows-1250", "Končno več načrtov",
         "Ministrstvo je končno objavilo več načrtov; šolski pouk se začne septembra, zdravniški pregledi pa že prej."),
        // Romanian: ş ţ ă as º þ ã, with â î beside them.
        ("CP1250", "windows-1250", "Bucureşti: circulaţia pe Calea Victoriei, restricţionată până vineri",
         "Meteorologii anunţă ploi torenţiale şi vânt puternic în Moldova. Poliţiştii au reţinut doi bărbaţi bănuiţi de furt."),
    ]

    /// Romanian in ISO-8859-2, as Hungarian: no byte of its letters tells the two pages apart.
    @Test func romanianInISO88592IsReadRight() throws {
        let (title, description) = ("Preţurile la energie vor scădea din toamnă",
                                    "Ministrul finanţelor a declarat că deficitul bugetar va scădea; şcolile încep luni, iar ştirile de azi spun că plouă.")
        let parsed = try feed(title: title, description: description, in: "ISO-8859-2")
        #expect(["windows-1250", "ISO-8859-2"].contains(parsed.encoding), "\(parsed.encoding)")
        #expect(parsed.entries.first?.summary?.value == description)
    }

    /// Hungarian in ISO-8859-2 has no byte that windows-1250 reads otherwise: either name is
    /// right, and the text must be.
    @Test func hungarianInISO88592IsReadRight() throws {
        let (title, description) = ("Az első fordulóban nőtt a részvétel",
                                    "A szerző szerint a jövő héten hűvösebb idő jön; a műsor előtt a kormányszóvivő egyszerű választ ígért.")
        let parsed = try feed(title: title, description: description, in: "ISO-8859-2")
        #expect(["windows-1250", "ISO-8859-2"].contains(parsed.encoding), "\(parsed.encoding)")
        #expect(parsed.entries.first?.summary?.value == description)
    }

    @Test(arguments: 0..<centralEuropean.count)
    func centralEuropeanTextIsReadInItsCodePage(_ index: Int) throws {
        let sample = Self.centralEuropean[index]
        let parsed = try feed(title: sample.title, description: sample.description, in: sample.encoding)
        #expect(parsed.encoding == sample.reported, "\(sample.title)")
        #expect(parsed.entries.first?.title?.value == sample.title)
        #expect(parsed.entries.first?.summary?.value == sample.description)
        #expect(parsed.bozoException?.contains("parsed as \(sample.reported)") == true, "\(parsed.bozoException ?? "")")
    }

    @Test func westernTextWithAFewSymbolsIsNotCentralEuropean() throws {
        // Symbols beside letters that Western text does write: not enough, and not misreadings.
        for (title, description) in [
            ("Größe 3×4 m², Preis 25 € – ca. 10°C", "Müller: »Wir prüfen das«. Maße: 2½ × 3¼ Zoll. Côte d’Ivoire, Mädchen, Bücher."),
            ("Così è la vita: lunedì e martedì", "Perché la città è più bella così. Però è già lunedì."),
            ("Søren Kierkegaard og Ærø", "Færøerne og Grønland får støtte; køb billetter i Aarhus. Blåbær og rødgrød."),
            ("¿Qué pasa? ¡Hola!", "¿Dónde está? ¿Por qué no? ¡Vamos! ¿Cuándo? ¡Sí! ¿Cómo? ¡Ánimo! El nº 1, la 1ª vez."),
            ("Don’t panic: it’s the UK’s £5bn plan", "The company’s Windows® and Office® products; £10m for Europe’s «Plan» and »Wir« — ©Reuters."),
            ("„Wir schaffen das“, sagt sie", "»Die Lage ist ernst«, sagte der Minister. „Gut“ – «Ça va» – ‹oui›."),
        ] {
            let parsed = try feed(title: title, description: description, in: "CP1252")
            #expect(parsed.encoding == "windows-1252", "\(title): \(parsed.encoding)")
            #expect(parsed.entries.first?.title?.value == title)
        }
    }

    /// Superscripts and ± after letters are Western too: units, footnotes, means (a stress
    /// corpus of 260 Western documents found these read as windows-1250 "m³" → "mł"); and so is
    /// è wherever French, Italian and Catalan write it.
    @Test func unitsFootnotesMeansAndGraveAccentsAreWestern() throws {
        for (encoding, title, description) in [
            ("CP1252", "Rhein: 8.900 m³/s in Köln", "Normal sind 2.000 m³/s; 1926 waren es 10.800 m³/s. Hubraum 1.984 cm³, Ozon 120 µg/m³, 2 km³ Wasser."),
            ("ISO-8859-1", "Barrage: 150 hm³ et 50 m³ par seconde", "Le réservoir de 600 m³ et 400 m³; moteur de 998 cm³; débit de 800 m³/s à Lyon."),
            ("CP1252", "Revenue¹ rose, debt³ fell", "The study¹ shows revenue¹ and online³ sales; net debt³ as of December¹ (see note²)."),
            ("CP1252", "Ergebnisse der Studie", "Alter MW±SD 54±9 Jahre; Gruppe MW±SD 61±7; (mean±SD) für alle Kunden¹, schulfrei³."),
            // è before consonants, ending words, after an elision, as a capital: all Western.
            ("CP1252", "L'ère d'Ève: très chère crème", "Ève achète une pièce; l'ère numérique, l'ère du vide, d'ère en ère. « Ça, c'est l'ère du problème », dit Hélène à Genève."),
            ("ISO-8859-1", "È stato un caffè", "Perché è così? Lui è là, è già tardi; Niccolò è andato. Mercè, Josèp i Pèire són a València."),
            // õ and û as Portuguese, French and Estonian write them, even where every other letter
            // is one Hungarian has too: õ before e, û without ö or ü beside it, õ without acutes.
            ("ISO-8859-1", "O Müller põe e dispõe", "O Sr. Jürgen compõe, o Müller põe e repõe; é o número 1."),
            ("CP1252", "Sûr: le coût a crû", "Le débat est sûr; le goût du pétrole, dû au coût, a crû."),
            ("CP1252", "Jürgen Müller: le coût du goût", "Le débat: Müller a dû payer le coût et le goût, dû chez Jürgen."),
            ("CP1252", "Tõnu Õnnepalu sõnul on õhtu külm", "Õpetaja sõnul võib jõgi üle ujutada; õnneks on ülikool ööl suletud."),
            // º þ ã as Portuguese and Icelandic write them: º after a number (also as a degree
            // sign), ã ending a word, þ with ð and the acutes beside it.
            ("ISO-8859-1", "A irmã e a lã", "No 1º dia de manhã, a 25ºC, a irmã comprou lã; 30ºC e 12ºC amanhã."),
            ("ISO-8859-1", "Alþingi samþykkti frumvarpið", "Þingmenn á Alþingi samþykktu í dag lög um þjóðgarða."),
            // æ after consonants and at a word's start before other letters, as Danish writes it,
            // beside a Slavic name's ž.
            ("CP1252", "Žižek om knæ og træ", "Žižek taler om knæet, træet og tæer; ændre, æble og ære."),
        ] {
            let parsed = try feed(title: title, description: description, in: encoding)
            #expect(parsed.encoding == "windows-1252", "\(title): \(parsed.encoding)")
            #expect(parsed.entries.first?.summary?.value == description)
        }
    }

    @Test func aDeclaredEncodingIsNeverSecondGuessed() throws {
        // Declared (and decodable): no guess, whatever the bytes look like.
        var bytes = Array("<?xml version=\"1.0\" encoding=\"iso-8859-5\"?>".utf8)
        bytes += try encode("<rss version=\"2.0\"><channel><item><title>Путин</title></item></channel></rss>", "KOI8-R")
        let parsed = FeedParser().parse(bytes)
        #expect(parsed.encoding == "iso-8859-5")
        #expect(!parsed.bozo)
        // A UTF-8 document is UTF-8.
        let utf8 = FeedParser().parse(Array("<rss version=\"2.0\"><channel><item><title>Путин</title></item></channel></rss>".utf8))
        #expect(utf8.encoding == "utf-8")
        #expect(utf8.entries.first?.title?.value == "Путин")
    }

    @Test func noisyBytesAreNotGuessed() throws {
        // Random high bytes in runs: no candidate explains them, so the old fallback stands.
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        var noise: [UInt8] = []
        for _ in 0..<400 {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            noise.append(UInt8(truncatingIfNeeded: state >> 33) | 0x80)
        }
        let bytes = Array("<rss version=\"2.0\"><channel><item><title>".utf8) + noise + Array("</title></item></channel></rss>".utf8)
        let parsed = FeedParser().parse(bytes)
        #expect(["windows-1252", "iso-8859-2"].contains(parsed.encoding), "\(parsed.encoding)")
        #expect(parsed.entries.count == 1)
    }
}
