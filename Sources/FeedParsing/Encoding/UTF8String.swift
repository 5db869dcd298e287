/// Strings from UTF-8 bytes, checked once, here, rather than again inside the standard library.
///
/// Why: `String(decoding:as:)` has a fast path only for buffers that are all ASCII; one `’` or
/// `é` anywhere and it validates byte by byte. News text nearly always holds one, so that check
/// was 9% of a whole feed parse in perf (every captured field, every HTML → text output).
/// `UTF8Validation` skips ASCII eight and thirty-two bytes at a time and applies the same rules
/// (no overlong forms, no surrogates, nothing above U+10FFFF, no sequence cut at the end), so
/// bytes it passes are bytes the standard library would have taken unchanged. Bytes it does not
/// pass go to `String(decoding:as:)`, which replaces what is broken with U+FFFD, as before.
enum UTF8String {
    static func make(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        guard let firstNonASCII = UTF8Validation.firstNonASCII(bytes) else {
            return stdlibStringUncheckedFromUTF8(bytes, isASCII: true)
        }
        guard UTF8Validation.firstInvalidUTF8(bytes, from: firstNonASCII) == nil else {
            return String(decoding: bytes, as: UTF8.self)
        }
        return stdlibStringUncheckedFromUTF8(bytes, isASCII: false)
    }

    static func make(_ bytes: ArraySlice<UInt8>) -> String {
        bytes.withUnsafeBufferPointer { make($0) }
    }
}

/// The standard library's constructor behind `String(decoding:as:)` once the bytes are known to
/// be valid: `String._uncheckedFromUTF8(_:isASCII:)`. It is `@usableFromInline` (clients' inlined
/// code calls it), exported by the toolchain's libswiftCore, and does no checking of its own.
/// Linux promises no stable Swift ABI, so a toolchain without it fails loudly instead of
/// misbehaving: at link time for release builds (static runtime), at load time for a binary
/// built against one shared runtime and run against another.
/// `isASCII: true` must only be said of bytes that are all below 0x80; `make` checks that first.
@_silgen_name("$sSS18_uncheckedFromUTF8_7isASCIISSSRys5UInt8VG_SbtFZ")
private func stdlibStringUncheckedFromUTF8(_ input: UnsafeBufferPointer<UInt8>, isASCII: Bool) -> String
