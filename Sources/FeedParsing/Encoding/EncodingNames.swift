/// Encoding names as feedparser accepts them (through Python's `codecs.lookup`), mapped to the
/// decoder that reads them here.
///
/// A name is normalised as Python does (lower case; runs of characters other than letters,
/// digits and `.` become one `_`), looked up among Python's aliases for the encodings feeds
/// use, and then among the codecs themselves. A name neither table knows is handed to iconv
/// as it is (glibc knows a few hundred), so an unknown name fails only when glibc fails too.
///
/// Where Python's codec and glibc's differ, the choice favours reading feeds correctly:
/// `shift_jis` decodes as CP932 (glibc's SHIFT_JIS turns `\` and `~` into `¥` and `‾`, which
/// breaks URLs) and `euc-kr` as CP949 (a superset that real Korean feeds rely on).
enum EncodingNames {
    /// The Charset for `name`, or nil when neither Python's tables nor glibc could know it.
    /// - Parameter sniffed: the encoding read from the byte-order mark or the first bytes
    ///   (`"utf-16le"`…, or `""`): it decides the byte order of a bare `utf-16` or `utf-32`.
    static func charset(named name: String, sniffed: String) -> Charset? {
        let key = normalize(name)
        guard !key.isEmpty else { return nil }
        let canonical = aliases[key] ?? aliases[key.replacingDots()] ?? key
        switch canonical {
        case "utf_16":
            // Python reads a bare utf-16 by its BOM, else little-endian; the BOM was taken off
            // the body already, so use the byte order that was sniffed.
            return .iconv(sniffed == "utf-16be" ? "UTF-16BE" : "UTF-16LE", .utf16)
        case "utf_32":
            return .iconv(sniffed == "utf-32be" ? "UTF-32BE" : "UTF-32LE", .utf32)
        default:
            break
        }
        if let known = codecs[canonical] { return known }
        return iconvFallback(name)
    }

    /// Python's `encodings.normalize_encoding`, after `codecs.lookup`'s lower-casing.
    static func normalize(_ name: String) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(name.utf8.count)
        var punctuation = false
        for byte in name.utf8 {
            let lower = byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte
            let isAlphanumeric = (lower >= 0x61 && lower <= 0x7A) || (lower >= 0x30 && lower <= 0x39)
            if isAlphanumeric || lower == UInt8(ascii: ".") {
                if punctuation && !out.isEmpty { out.append(UInt8(ascii: "_")) }
                out.append(lower)
                punctuation = false
            } else {
                // Non-ASCII bytes count as separators (no codec name has any).
                punctuation = true
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// A name no table knows, passed to glibc when it looks like an encoding name at all:
    /// letters, digits and `.`, `_`, `-`, `:` only (no `//` suffixes such as `//IGNORE`).
    private static func iconvFallback(_ name: String) -> Charset? {
        let bytes = Array(name.utf8)
        guard !bytes.isEmpty, bytes.count <= 40 else { return nil }
        for byte in bytes {
            let ok = (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A)
                || byte == UInt8(ascii: ".") || byte == UInt8(ascii: "_") || byte == UInt8(ascii: "-") || byte == UInt8(ascii: ":")
            if !ok { return nil }
        }
        let upper = name.uppercased()
        let squeezed = upper.filter { $0 != "-" && $0 != "_" }
        let layout: Charset.Layout
        if squeezed.hasPrefix("UTF16") || squeezed.hasPrefix("UCS2") || squeezed.hasPrefix("UNICODE") {
            layout = .utf16
        } else if squeezed.hasPrefix("UTF32") || squeezed.hasPrefix("UCS4") {
            layout = .utf32
        } else if squeezed.hasPrefix("EBCDIC") || squeezed.hasPrefix("IBM0") || squeezed.hasPrefix("CP0") {
            layout = .ebcdic
        } else {
            layout = .asciiCompatible
        }
        return .iconv(upper, layout)
    }

    /// Python codec module name → how to decode it.
    private static let codecs: [String: Charset] = {
        var table: [String: Charset] = [
            "utf_8": .utf8,
            "ascii": .ascii,
            "latin_1": .latin1,
            "cp1252": .windows1252,
            "utf_16_be": .iconv("UTF-16BE", .utf16),
            "utf_16_le": .iconv("UTF-16LE", .utf16),
            "utf_32_be": .iconv("UTF-32BE", .utf32),
            "utf_32_le": .iconv("UTF-32LE", .utf32),
            "utf_7": .iconv("UTF-7"),
            "cp037": .iconv("IBM037", .ebcdic),
            "cp500": .iconv("IBM500", .ebcdic),
            "cp1140": .iconv("IBM1140", .ebcdic),
            "shift_jis": .iconv("CP932"),
            "cp932": .iconv("CP932"),
            "shift_jis_2004": .iconv("SHIFT_JISX0213"),
            "shift_jisx0213": .iconv("SHIFT_JISX0213"),
            "euc_jp": .iconv("EUC-JP"),
            "euc_jis_2004": .iconv("EUC-JISX0213"),
            "euc_jisx0213": .iconv("EUC-JISX0213"),
            "iso2022_jp": .iconv("ISO-2022-JP"),
            "iso2022_jp_1": .iconv("ISO-2022-JP-1"),
            "iso2022_jp_2": .iconv("ISO-2022-JP-2"),
            "iso2022_jp_3": .iconv("ISO-2022-JP-3"),
            "iso2022_kr": .iconv("ISO-2022-KR"),
            "gb2312": .iconv("GB2312"),
            "gbk": .iconv("GBK"),
            "gb18030": .iconv("GB18030"),
            "big5": .iconv("BIG5"),
            "big5hkscs": .iconv("BIG5-HKSCS"),
            "cp950": .iconv("CP950"),
            "euc_kr": .iconv("CP949"),
            "cp949": .iconv("CP949"),
            "johab": .iconv("JOHAB"),
            "koi8_r": .iconv("KOI8-R"),
            "koi8_u": .iconv("KOI8-U"),
            "koi8_t": .iconv("KOI8-T"),
            "tis_620": .iconv("TIS-620"),
            "cp874": .iconv("CP874"),
            "cp437": .iconv("CP437"),
            "cp850": .iconv("CP850"),
            "cp852": .iconv("CP852"),
            "cp855": .iconv("CP855"),
            "cp862": .iconv("CP862"),
            "cp866": .iconv("CP866"),
            "mac_roman": .iconv("MACINTOSH"),
            "mac_cyrillic": .iconv("MAC-CYRILLIC"),
            "mac_latin2": .iconv("MAC-CENTRALEUROPE"),
            "mac_iceland": .iconv("MAC-IS"),
            "viscii": .iconv("VISCII"),
            "hz": .iconv("HZ"),
        ]
        for n in [2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 14, 15, 16] {
            table["iso8859_\(n)"] = .iconv("ISO-8859-\(n)")
        }
        for n in [1250, 1251, 1253, 1254, 1255, 1256, 1257, 1258] {
            table["cp\(n)"] = .iconv("WINDOWS-\(n)")
        }
        return table
    }()

    /// Python's `encodings.aliases` for the codecs above (normalised form → codec), plus the
    /// `x-` and `windows-` names that feeds and servers use and Python does not list.
    private static let aliases: [String: String] = {
        var table: [String: String] = [:]
        func add(_ codec: String, _ names: [String]) {
            table[codec] = codec
            for name in names { table[name] = codec }
        }
        add("utf_8", ["u8", "utf", "utf8", "utf8_ucs2", "utf8_ucs4", "cp65001", "unicode_1_1_utf_8", "x_utf_8"])
        add("ascii", ["646", "ansi_x3.4_1968", "ansi_x3_4_1968", "ansi_x3.4_1986", "cp367", "csascii", "ibm367",
                      "iso646_us", "iso_646.irv_1991", "iso_ir_6", "us", "us_ascii"])
        add("latin_1", ["8859", "cp819", "csisolatin1", "ibm819", "iso8859", "iso8859_1", "iso_8859_1",
                        "iso_8859_1_1987", "iso_ir_100", "l1", "latin", "latin1"])
        add("cp1252", ["1252", "windows_1252", "x_cp1252", "ms_ansi"])
        add("utf_16", ["u16", "utf16"])
        add("utf_16_be", ["unicodebigunmarked", "utf_16be"])
        add("utf_16_le", ["unicodelittleunmarked", "utf_16le"])
        add("utf_32", ["u32", "utf32"])
        add("utf_32_be", ["utf_32be"])
        add("utf_32_le", ["utf_32le"])
        add("utf_7", ["u7", "unicode_1_1_utf_7", "utf7", "csunicode11utf7"])
        add("cp037", ["ibm037", "ibm039", "ebcdic_cp_us", "ebcdic_cp_ca", "ebcdic_cp_wt", "ebcdic_cp_nl", "csibm037"])
        add("cp500", ["ebcdic_cp_be", "ebcdic_cp_ch", "ibm500", "csibm500"])
        add("cp1140", ["ibm1140"])
        add("shift_jis", ["csshiftjis", "shiftjis", "sjis", "s_jis", "x_sjis", "x_shift_jis"])
        add("cp932", ["932", "ms932", "mskanji", "ms_kanji", "windows_31j"])
        add("shift_jis_2004", ["shiftjis2004", "sjis_2004", "s_jis_2004"])
        add("shift_jisx0213", ["shiftjisx0213", "sjisx0213", "s_jisx0213"])
        add("euc_jp", ["eucjp", "ujis", "u_jis", "x_euc_jp", "x_euc"])
        add("euc_jis_2004", ["jisx0213", "eucjis2004"])
        add("euc_jisx0213", ["eucjisx0213"])
        add("iso2022_jp", ["csiso2022jp", "iso2022jp", "iso_2022_jp"])
        add("iso2022_jp_1", ["iso2022jp_1", "iso_2022_jp_1"])
        add("iso2022_jp_2", ["iso2022jp_2", "iso_2022_jp_2"])
        add("iso2022_jp_3", ["iso2022jp_3", "iso_2022_jp_3"])
        add("iso2022_kr", ["csiso2022kr", "iso2022kr", "iso_2022_kr"])
        add("gb2312", ["chinese", "csiso58gb231280", "euc_cn", "euccn", "eucgb2312_cn", "gb2312_1980",
                       "gb2312_80", "iso_ir_58", "x_euc_cn"])
        add("gbk", ["936", "cp936", "ms936", "windows_936", "x_gbk"])
        add("gb18030", ["gb18030_2000"])
        add("big5", ["big5_tw", "csbig5", "x_x_big5", "cn_big5"])
        add("big5hkscs", ["big5_hkscs", "hkscs"])
        add("cp950", ["950", "ms950"])
        add("euc_kr", ["euckr", "korean", "ksc5601", "ks_c_5601", "ks_c_5601_1987", "ksx1001", "ks_x_1001", "x_euc_kr"])
        add("cp949", ["949", "ms949", "uhc", "windows_949"])
        add("johab", ["cp1361", "ms1361"])
        add("koi8_r", ["cskoi8r"])
        add("koi8_u", [])
        add("koi8_t", [])
        add("tis_620", ["tis620", "tis_620_0", "tis_620_2529_0", "tis_620_2529_1", "iso_ir_166"])
        add("cp874", ["windows_874", "x_windows_874"])
        add("cp437", ["437", "cspc8codepage437", "ibm437"])
        add("cp850", ["850", "cspc850multilingual", "ibm850"])
        add("cp852", ["852", "cspcp852", "ibm852"])
        add("cp855", ["855", "csibm855", "ibm855"])
        add("cp862", ["862", "cspc862latinhebrew", "ibm862"])
        add("cp866", ["866", "csibm866", "ibm866"])
        add("mac_roman", ["macroman", "macintosh", "x_mac_roman"])
        add("mac_cyrillic", ["maccyrillic", "x_mac_cyrillic"])
        add("mac_latin2", ["maccentraleurope", "mac_centeuro", "maclatin2", "x_mac_ce"])
        add("mac_iceland", ["maciceland"])
        add("viscii", ["csviscii"])
        add("hz", ["hzgb", "hz_gb", "hz_gb_2312"])
        let latinAliases: [Int: [String]] = [
            2: ["csisolatin2", "iso_8859_2_1987", "iso_ir_101", "l2", "latin2"],
            3: ["csisolatin3", "iso_8859_3_1988", "iso_ir_109", "l3", "latin3"],
            4: ["csisolatin4", "iso_8859_4_1988", "iso_ir_110", "l4", "latin4"],
            5: ["csisolatincyrillic", "cyrillic", "iso_8859_5_1988", "iso_ir_144"],
            6: ["arabic", "asmo_708", "csisolatinarabic", "ecma_114", "iso_8859_6_1987", "iso_ir_127"],
            7: ["csisolatingreek", "ecma_118", "elot_928", "greek", "greek8", "iso_8859_7_1987", "iso_ir_126"],
            8: ["csisolatinhebrew", "hebrew", "iso_8859_8_1988", "iso_ir_138", "iso_8859_8_i", "iso_8859_8_e"],
            9: ["csisolatin5", "iso_8859_9_1989", "iso_ir_148", "l5", "latin5"],
            10: ["csisolatin6", "iso_8859_10_1992", "iso_ir_157", "l6", "latin6"],
            11: ["thai", "iso_8859_11_2001"],
            13: ["l7", "latin7"],
            14: ["iso_8859_14_1998", "iso_celtic", "iso_ir_199", "l8", "latin8"],
            15: ["l9", "latin9"],
            16: ["iso_8859_16_2001", "iso_ir_226", "l10", "latin10"],
        ]
        for (n, names) in latinAliases {
            add("iso8859_\(n)", names + ["iso_8859_\(n)", "iso8859\(n)"])
        }
        for n in [1250, 1251, 1253, 1254, 1255, 1256, 1257, 1258] {
            add("cp\(n)", ["\(n)", "windows_\(n)", "x_cp\(n)"])
        }
        return table
    }()
}

private extension String {
    func replacingDots() -> String {
        String(decoding: utf8.map { $0 == UInt8(ascii: ".") ? UInt8(ascii: "_") : $0 }, as: UTF8.self)
    }
}
