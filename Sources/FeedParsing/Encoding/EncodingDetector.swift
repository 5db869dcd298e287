/// Finds the character encoding of a feed and converts it to UTF-8 before libxml2 reads it,
/// following feedparser's `convert_to_utf8` (RFC 3023 with feedparser's own fallbacks).
///
/// 1. The byte-order mark, or the byte pattern of `<?xm` in UTF-16, UTF-32 or EBCDIC
///    (`ByteOrderSniffer`), gives the "BOM encoding" and is dropped.
/// 2. The XML declaration's `encoding` (`XMLDeclaration`) gives the "XML encoding"; a
///    `utf-16`/`utf-32`-style name takes the byte order of the BOM encoding.
/// 3. The HTTP `Content-Type` (`ContentType`) chooses between them: for `application/xml`
///    and `application/*+xml` the charset parameter, then the XML encoding, then utf-8; for
///    `text/xml` and `text/*+xml` the charset parameter, else us-ascii (the declaration is
///    ignored); for `text/plain`, `text/html`… the charset, else us-ascii, and `problem` says
///    the media type is not XML; for other types the XML encoding, else utf-8, and the same
///    problem; for an HTTP response without a media type (`""`) the XML encoding, else
///    iso-8859-1, and a problem. With no HTTP header at all (`nil`: a local file), the XML
///    encoding, else utf-8.
///    `gb2312` always reads as `gb18030`, its superset.
/// 4. That encoding, the XML encoding, the BOM encoding, a guess from the bytes (CharsetGuess,
///    when it is confident), then utf-8, windows-1252 and iso-8859-2 are tried in turn, each
///    once; the first that decodes every byte wins.
///    When it is not the first, `problem` says which was declared, which was used, and where
///    the declared one failed.
///
/// Two departures from feedparser, both for documents feedparser turns into garbage:
/// an encoding that writes ASCII differently from the document's first bytes (declared
/// utf-16 in a document that starts `<?xml` in single bytes, or utf-8 for a document with a
/// UTF-16 mark) is skipped rather than tried; and a UTF-16, UTF-32 or EBCDIC document with
/// invalid sequences is read with U+FFFD in their place rather than as windows-1252.
/// feedparser's optional chardet guess is CharsetGuess's, made at the same point: after the
/// declared encodings, before utf-8, windows-1252 and iso-8859-2.
///
/// The common case costs one validation pass and no copy: a UTF-8 (or ASCII) document that
/// is read as utf-8 and has no byte-order mark and no declaration other than utf-8 comes back
/// as the same array. Otherwise the output is made in one pass, at most a few times the size
/// of the input.
public enum EncodingDetector {
    /// Detects the encoding of `bytes` and converts them to UTF-8. Never fails: at worst the
    /// document is read as windows-1252 or iso-8859-2 (as feedparser does) and `problem` says so.
    /// - Parameter httpContentType: the response's `Content-Type` header value; `nil` when the
    ///   document did not come over HTTP (a local file); `""` for an HTTP response that had no
    ///   `Content-Type` (feedparser then defaults to iso-8859-1 and reports it).
    public static func decode(_ bytes: [UInt8], httpContentType: String?) -> DecodedDocument {
        bytes.withUnsafeBufferPointer { buffer in
            decode(bytes, buffer, httpContentType: httpContentType)
        }
    }

    /// Where CharsetGuess's answer goes in the list of candidates (not an encoding name).
    private static let guessPlaceholder = "\u{0}guess"

    /// Names a declared `utf-16`/`utf-32` encoding may have that take the BOM's byte order.
    private static let byteOrderlessNames: Set<String> = [
        "u16", "utf-16", "utf16", "utf_16", "u32", "utf-32", "utf32", "utf_32",
        "iso-10646-ucs-2", "iso-10646-ucs-4", "csucs4", "csunicode", "ucs-2", "ucs-4",
    ]

    private static func decode(_ original: [UInt8], _ buffer: UnsafeBufferPointer<UInt8>,
                               httpContentType: String?) -> DecodedDocument {
        let sniffed = ByteOrderSniffer.sniff(buffer)
        let bodyStart = sniffed.markLength

        // The XML encoding.
        var xmlEncoding = declaredEncoding(buffer, sniffed) ?? ""
        if !sniffed.encoding.isEmpty, byteOrderlessNames.contains(xmlEncoding) {
            xmlEncoding = sniffed.encoding
        }

        // The encoding RFC 3023 (as feedparser reads it) says the document is in.
        var mediaProblem: String?
        var rfc3023: String
        if let header = httpContentType {
            let contentType = ContentType(header: header)
            let charset = contentType.charset
            switch contentType.mediaClass {
            case .applicationXML:
                rfc3023 = charset.nonEmpty ?? xmlEncoding.nonEmpty ?? "utf-8"
            case .textXML:
                rfc3023 = charset.nonEmpty ?? "us-ascii"
            case .json:
                rfc3023 = charset.nonEmpty ?? "utf-8"
            case .otherText:
                rfc3023 = charset.nonEmpty ?? "us-ascii"
                mediaProblem = "\(trimmed(header)) is not an accepted media type"
            case .other:
                rfc3023 = xmlEncoding.nonEmpty ?? "utf-8"
                mediaProblem = "\(trimmed(header)) is not an accepted media type"
            case .missing:
                if looksLikeJSON(buffer, from: bodyStart) {
                    rfc3023 = "utf-8"
                } else {
                    rfc3023 = xmlEncoding.nonEmpty ?? "iso-8859-1"
                    mediaProblem = "no Content-type specified"
                }
            }
        } else {
            rfc3023 = xmlEncoding.nonEmpty ?? "utf-8"
        }
        if rfc3023 == "gb2312" { rfc3023 = "gb18030" }
        if xmlEncoding == "gb2312" { xmlEncoding = "gb18030" }

        // Try each candidate once; the first that reads every byte wins.
        let documentLayout = layout(of: buffer, sniffed)
        var candidates = [rfc3023, xmlEncoding, sniffed.encoding]
        // After what the document and the server said, feedparser's chardet step (CharsetGuess),
        // made only when those have failed.
        if sniffed.layout == .asciiCompatible { candidates += [guessPlaceholder, "utf-8", "windows-1252", "iso-8859-2"] }
        var tried: Set<String> = []
        var declaredFailure: DecodeFailure?
        for var name in candidates where !name.isEmpty {
            var guessed: Charset?
            if name == guessPlaceholder {
                guard let guess = CharsetGuess.guess(buffer, from: bodyStart) else { continue }
                name = guess.name
                guessed = .iconv(guess.iconv)
            }
            guard tried.insert(name).inserted else { continue }
            let outcome: Result<[UInt8]?, DecodeFailure>
            if let charset = guessed ?? EncodingNames.charset(named: name, sniffed: sniffed.encoding) {
                if let documentLayout, !fits(charset.layout, documentLayout) {
                    let start = sniffed.encoding.isEmpty ? "single bytes" : sniffed.encoding
                    outcome = .failure(DecodeFailure(offset: nil, reason: "the document starts in \(start)"))
                } else {
                    outcome = convert(buffer, from: bodyStart, charset)
                }
            } else {
                outcome = .failure(.unknownEncoding)
            }
            switch outcome {
            case let .success(converted):
                var problem = mediaProblem
                if name != rfc3023 {
                    var override = "document declared as \(rfc3023), but parsed as \(name)"
                    if let declaredFailure {
                        override += ": " + declaredFailure.describe(in: buffer, countLines: sniffed.layout == .asciiCompatible)
                    }
                    problem = [problem, override].compactMap { $0 }.joined(separator: "; ")
                }
                return DecodedDocument(utf8: finish(original, buffer, bodyStart: bodyStart, converted: converted),
                                       encoding: name, problem: problem)
            case let .failure(failure):
                if name == rfc3023 { declaredFailure = failure }
            }
        }
        return lastResort(original, buffer, sniffed: sniffed, rfc3023: rfc3023, xmlEncoding: xmlEncoding,
                          declaredFailure: declaredFailure, mediaProblem: mediaProblem)
    }

    /// Nothing decoded every byte (only possible when glibc lacks its conversion modules, or
    /// for a UTF-16/32 or EBCDIC document with bad sequences): read it anyway, marking what was lost.
    private static func lastResort(_ original: [UInt8], _ buffer: UnsafeBufferPointer<UInt8>, sniffed: ByteOrderSniffer,
                                   rfc3023: String, xmlEncoding: String, declaredFailure: DecodeFailure?,
                                   mediaProblem: String?) -> DecodedDocument {
        let bodyStart = sniffed.markLength
        var tried = "document encoding unknown, I tried \(rfc3023), \(xmlEncoding.isEmpty ? "(none)" : xmlEncoding)"
        let converted: [UInt8]
        let encoding: String
        if let iconvName = sniffed.iconvName,
           case let .success(lossy) = IconvConversion.toUTF8(buffer, from: bodyStart, encoding: iconvName,
                                                             layout: sniffed.layout, lossy: true) {
            converted = lossy
            encoding = sniffed.encoding
            tried += " and \(sniffed.encoding); read as \(sniffed.encoding) with invalid sequences replaced by U+FFFD"
        } else {
            converted = SingleByteDecoding.latin1(buffer, from: bodyStart)
            encoding = "iso-8859-1"
            tried += ", utf-8, windows-1252 and iso-8859-2; read as iso-8859-1"
        }
        if let declaredFailure {
            tried += " (\(rfc3023): " + declaredFailure.describe(in: buffer, countLines: sniffed.layout == .asciiCompatible) + ")"
        }
        let problem = [mediaProblem, tried].compactMap { $0 }.joined(separator: "; ")
        return DecodedDocument(utf8: finish(original, buffer, bodyStart: bodyStart, converted: converted),
                               encoding: encoding, problem: problem)
    }

    /// Decodes the body; `.success(nil)` means the body already is valid UTF-8 as it stands.
    private static func convert(_ buffer: UnsafeBufferPointer<UInt8>, from start: Int,
                                _ charset: Charset) -> Result<[UInt8]?, DecodeFailure> {
        switch charset.decoder {
        case .utf8:
            if let bad = UTF8Validation.firstInvalidUTF8(buffer, from: start) {
                return .failure(DecodeFailure(offset: bad, reason: "invalid utf-8"))
            }
            return .success(nil)
        case .ascii:
            if let bad = UTF8Validation.firstNonASCII(buffer, from: start) {
                return .failure(DecodeFailure(offset: bad, reason: "non-ASCII byte"))
            }
            return .success(nil)
        case .latin1:
            // ASCII reads the same in ISO-8859-1 and needs no copy.
            if UTF8Validation.firstNonASCII(buffer, from: start) == nil { return .success(nil) }
            return .success(SingleByteDecoding.latin1(buffer, from: start))
        case .windows1252:
            if UTF8Validation.firstNonASCII(buffer, from: start) == nil { return .success(nil) }
            return SingleByteDecoding.windows1252(buffer, from: start).map { $0 }
        case let .iconv(name):
            return IconvConversion.toUTF8(buffer, from: start, encoding: name, layout: charset.layout, lossy: false).map { $0 }
        }
    }

    /// The UTF-8 document for libxml2: no byte-order mark, and a declaration that says utf-8.
    private static func finish(_ original: [UInt8], _ buffer: UnsafeBufferPointer<UInt8>, bodyStart: Int,
                               converted: [UInt8]?) -> [UInt8] {
        guard var output = converted else {
            // The body is the input itself: copy only when something must change.
            var start = bodyStart
            if hasUTF8Mark(buffer, at: start) { start += 3 }
            let label = XMLDeclaration.encodingValue(in: buffer, from: start)
                .flatMap { XMLDeclaration.isUTF8Label(buffer, $0) ? nil : $0 }
            if start == 0 && label == nil { return original }
            var copy: [UInt8] = []
            copy.reserveCapacity(buffer.count - start + XMLDeclaration.utf8Label.count)
            if let label {
                copy.append(contentsOf: UnsafeBufferPointer(rebasing: buffer[start..<label.lowerBound]))
                copy.append(contentsOf: XMLDeclaration.utf8Label)
                copy.append(contentsOf: UnsafeBufferPointer(rebasing: buffer[label.upperBound...]))
            } else {
                copy.append(contentsOf: UnsafeBufferPointer(rebasing: buffer[start...]))
            }
            return copy
        }
        // A converted document is ours: edit it in place.
        let label: Range<Int>? = output.withUnsafeBufferPointer { out in
            let start = hasUTF8Mark(out, at: 0) ? 3 : 0
            return XMLDeclaration.encodingValue(in: out, from: start)
                .flatMap { XMLDeclaration.isUTF8Label(out, $0) ? nil : $0 }
        }
        if let label { output.replaceSubrange(label, with: XMLDeclaration.utf8Label) }
        if output.count >= 3, output[0] == 0xEF, output[1] == 0xBB, output[2] == 0xBF {
            output.removeFirst(3)
        }
        return output
    }

    /// The XML encoding, read from the head of the document (decoded first when it is in
    /// UTF-16, UTF-32 or EBCDIC), lower-cased; nil when there is no declaration.
    private static func declaredEncoding(_ buffer: UnsafeBufferPointer<UInt8>, _ sniffed: ByteOrderSniffer) -> String? {
        guard let iconvName = sniffed.iconvName else {
            return XMLDeclaration.declaredEncoding(in: buffer, from: sniffed.markLength)
        }
        let unit = sniffed.layout.unitSize
        let available = buffer.count - sniffed.markLength
        let length = min(available, XMLDeclaration.maximumLength * unit) / unit * unit
        guard case let .success(head) = IconvConversion.toUTF8(buffer, from: sniffed.markLength, to: sniffed.markLength + length,
                                                               encoding: iconvName, layout: sniffed.layout, lossy: true) else {
            return nil
        }
        return head.withUnsafeBufferPointer { XMLDeclaration.declaredEncoding(in: $0) }
    }

    /// How the document writes ASCII, when that is known: from its byte-order mark or `<?xm`
    /// pattern, or, when the first four bytes hold no zero byte, "ASCII-compatible or EBCDIC"
    /// (reported as `.asciiCompatible`; only UTF-16 and UTF-32 are ruled out then).
    private static func layout(of buffer: UnsafeBufferPointer<UInt8>, _ sniffed: ByteOrderSniffer) -> Charset.Layout? {
        if !sniffed.encoding.isEmpty { return sniffed.layout }
        let head = buffer.prefix(4)
        return !head.isEmpty && !head.contains(0) ? .asciiCompatible : nil
    }

    private static func fits(_ candidate: Charset.Layout, _ document: Charset.Layout) -> Bool {
        if candidate == document { return true }
        // Without a mark, a document that merely has no zero bytes up front may still be EBCDIC.
        return candidate == .ebcdic && document == .asciiCompatible
    }

    /// feedparser's JSON test for a response without a media type: `data.lstrip().startswith(b"{")`.
    private static func looksLikeJSON(_ buffer: UnsafeBufferPointer<UInt8>, from start: Int) -> Bool {
        var i = start
        while i < buffer.count, [0x20, 0x09, 0x0A, 0x0D, 0x0B, 0x0C].contains(buffer[i]) { i += 1 }
        return i < buffer.count && buffer[i] == UInt8(ascii: "{")
    }

    private static func hasUTF8Mark(_ buffer: UnsafeBufferPointer<UInt8>, at start: Int) -> Bool {
        buffer.count >= start + 3 && buffer[start] == 0xEF && buffer[start + 1] == 0xBB && buffer[start + 2] == 0xBF
    }

    private static func trimmed(_ header: String) -> String {
        String(header.drop { $0 == " " || $0 == "\t" }.reversed().drop { $0 == " " || $0 == "\t" }.reversed())
    }
}

private extension String {
    var nonEmpty: String? { isEmpty ? nil : self }
}
