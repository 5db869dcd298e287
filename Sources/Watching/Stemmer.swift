/// A deliberately small English suffix stripper for topic terms, so that "sanction" matches
/// sanctions, sanctioned and sanctioning but not "sanctity". Applied identically to watch
/// terms and text; words shorter than five letters are left alone.
public enum Stemmer {
    public static func stem(_ word: String) -> String {
        // A final silent e goes too, so "freeze", "freezes" and "freezing" share "freez".
        let s = strip(word)
        if s.unicodeScalars.count >= 5, s.hasSuffix("e"), !s.hasSuffix("ee") { return String(s.dropLast()) }
        return s
    }

    private static func strip(_ word: String) -> String {
        let w = Array(word.unicodeScalars)
        guard w.count >= 5 else { return word }
        func str(_ n: Int) -> String { var s = ""; s.unicodeScalars.append(contentsOf: w[0..<n]); return s }
        func ends(_ suffix: String) -> Bool { word.hasSuffix(suffix) }
        if ends("ies") { return str(w.count - 3) + "y" }
        if ends("sses") || ends("shes") || ends("ches") || ends("xes") || ends("zes") { return str(w.count - 2) }
        if ends("ing"), w.count >= 6 { return undouble(str(w.count - 3)) }
        if ends("ed"), w.count >= 5, !ends("eed") { return undouble(str(w.count - 2)) }
        if ends("s"), !ends("ss"), !ends("us"), !ends("is") { return str(w.count - 1) }
        return word
    }

    /// "planned" → "plann" → "plan".
    private static func undouble(_ s: String) -> String {
        let u = Array(s.unicodeScalars)
        if u.count >= 4, u[u.count - 1] == u[u.count - 2], !"lsz".unicodeScalars.contains(u[u.count - 1]),
           u[u.count - 1].properties.isAlphabetic, !"aeiou".unicodeScalars.contains(u[u.count - 1]) {
            var out = ""
            out.unicodeScalars.append(contentsOf: u.dropLast())
            return out
        }
        return s
    }
}
