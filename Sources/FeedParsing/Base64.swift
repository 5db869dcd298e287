import Foundation

/// Base64 text constructs (Atom 0.3 `mode="base64"`, Atom 1.0 binary types).
enum Base64 {
    /// The decoded text, or nil when it is not Base64 or not UTF-8.
    static func decode(_ text: String) -> String? {
        guard let data = Data(base64Encoded: text, options: .ignoreUnknownCharacters) else { return nil }
        return String(data: data, encoding: .utf8)
    }
}
