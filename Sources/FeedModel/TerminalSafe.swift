/// Makes untrusted text safe to print on a terminal or in a log line.
///
/// Feed titles, snippets and server messages are written by strangers: an ESC or C1 control
/// character could recolour, retitle or rewrite the user's terminal. Control characters are
/// dropped (line breaks and tabs become spaces unless kept), and so are bidi overrides that
/// could make text read differently from what it is.
public enum TerminalSafe {
    public static func clean(_ text: String, keepNewlines: Bool = false) -> String {
        var out = ""
        out.unicodeScalars.reserveCapacity(text.unicodeScalars.count)
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0x0A where keepNewlines: out.unicodeScalars.append(scalar)
            case 0x09, 0x0A, 0x0D: out.unicodeScalars.append(" ")
            case 0x00..<0x20, 0x7F, 0x80..<0xA0: continue
            case 0x202A...0x202E, 0x2066...0x2069, 0x200E, 0x200F, 0x061C: continue
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// Like `clean`, but shows what was there: ESC becomes the four characters `\x1b`,
    /// a bidi override `\u202e`, so a reader sees that a feed tried something.
    public static func escape(_ text: String) -> String {
        var out = ""
        out.unicodeScalars.reserveCapacity(text.unicodeScalars.count)
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0x09, 0x0A, 0x0D: out.unicodeScalars.append(" ")
            case 0x00..<0x20, 0x7F, 0x80..<0xA0:
                out += "\\x" + hex(scalar.value, width: 2)
            case 0x202A...0x202E, 0x2066...0x2069, 0x200E, 0x200F, 0x061C:
                out += "\\u" + hex(scalar.value, width: 4)
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    private static func hex(_ value: UInt32, width: Int) -> String {
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }
}
