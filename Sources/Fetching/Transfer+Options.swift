import CCurl

extension Transfer {
    /// Sets every libcurl option of a feed fetch. Returns an error message if libcurl refused one.
    func configure(userAgent: String, share: OpaquePointer?, budget: BodyBudget?) -> String? {
        self.budget = budget
        let limits = request.limits
        let isFile = request.url.lowercased().hasPrefix("file:")
        var failures: [String] = []
        func check(_ code: CURLcode, _ what: String) {
            if code != CURLE_OK { failures.append("\(what): \(String(cString: ccurl_easy_strerror(code)))") }
        }
        check(ccurl_easy_setopt_string(handle, CURLOPT_URL, request.url), "URL")
        // Only http and https, ever, for redirects; file: only for a URL the config names.
        check(ccurl_easy_setopt_string(handle, CURLOPT_PROTOCOLS_STR, isFile && request.allowFileURL ? "file" : "http,https"), "protocols")
        check(ccurl_easy_setopt_string(handle, CURLOPT_REDIR_PROTOCOLS_STR, "http,https"), "redirect protocols")
        check(ccurl_easy_setopt_long(handle, CURLOPT_FOLLOWLOCATION, 1), "follow")
        check(ccurl_easy_setopt_long(handle, CURLOPT_MAXREDIRS, limits.maxRedirects), "max redirects")
        // Every codec this libcurl was built with (gzip, deflate, br, zstd as available).
        check(ccurl_easy_setopt_string(handle, CURLOPT_ACCEPT_ENCODING, ""), "accept-encoding")
        check(ccurl_easy_setopt_string(handle, CURLOPT_USERAGENT, userAgent), "user agent")
        check(ccurl_easy_setopt_long(handle, CURLOPT_NOSIGNAL, 1), "nosignal")
        check(ccurl_easy_setopt_long(handle, CURLOPT_CONNECTTIMEOUT_MS, limits.connectTimeoutSeconds * 1000), "connect timeout")
        check(ccurl_easy_setopt_long(handle, CURLOPT_TIMEOUT_MS, limits.totalTimeoutSeconds * 1000), "timeout")
        check(ccurl_easy_setopt_long(handle, CURLOPT_LOW_SPEED_LIMIT, limits.lowSpeedBytesPerSecond), "low speed limit")
        check(ccurl_easy_setopt_long(handle, CURLOPT_LOW_SPEED_TIME, limits.lowSpeedSeconds), "low speed time")
        check(ccurl_easy_setopt_off_t(handle, CURLOPT_MAXFILESIZE_LARGE, curl_off_t(limits.maxBodyBytes)), "max file size")
        check(ccurl_easy_setopt_long(handle, CURLOPT_SSL_VERIFYPEER, 1), "verify peer")
        check(ccurl_easy_setopt_long(handle, CURLOPT_SSL_VERIFYHOST, 2), "verify host")
        // Debian's libcurl re-reads the CA directory on every handshake (26 ms of CPU each):
        // keep the CA bundle file, drop the directory (DESIGN.md, known pitfalls).
        check(ccurl_easy_setopt_string(handle, CURLOPT_CAPATH, nil), "CA path")
        check(ccurl_easy_setopt_long(handle, CURLOPT_TCP_KEEPALIVE, 1), "keepalive")
        check(ccurl_easy_setopt_pointer(handle, CURLOPT_ERRORBUFFER, errorBuffer), "error buffer")
        if let share { check(ccurl_easy_setopt_share(handle, UnsafeMutableRawPointer(share)), "share") }

        var list: UnsafeMutablePointer<curl_slist>?
        if !request.headers.contains(where: { $0.name.lowercased() == "accept" && $0.problem == nil }) {
            list = ccurl_slist_append(list, "Accept: application/rss+xml, application/atom+xml, application/feed+json, application/xml;q=0.9, text/xml;q=0.9, */*;q=0.5")
        }
        if let etag = request.etag, !etag.isEmpty, !etag.contains(where: \.isNewline) {
            list = ccurl_slist_append(list, "If-None-Match: " + etag)
        }
        if let modified = request.lastModified, !modified.isEmpty, !modified.contains(where: \.isNewline) {
            list = ccurl_slist_append(list, "If-Modified-Since: " + modified)
        }
        for header in request.headers where header.problem == nil {
            // "Name;" is libcurl's way to send a header with an empty value.
            list = ccurl_slist_append(list, header.value.isEmpty ? header.name + ";" : header.name + ": " + header.value)
        }
        headerList = list
        check(ccurl_easy_setopt_slist(handle, CURLOPT_HTTPHEADER, list), "headers")

        let me = Unmanaged.passUnretained(self).toOpaque()
        check(ccurl_easy_setopt_write_function(handle, { data, size, count, context in
            let transfer = Unmanaged<Transfer>.fromOpaque(context!).takeUnretainedValue()
            let length = size * count
            guard let data, length > 0 else { return length }
            if transfer.body.count + length > transfer.request.limits.maxBodyBytes {
                transfer.tooLarge = true
                return 0 // makes libcurl abort with CURLE_WRITE_ERROR
            }
            if let budget = transfer.budget {
                // No room under max_buffered_bytes: libcurl keeps these bytes, stops reading
                // the socket, and hands them over again once the loop resumes the transfer.
                guard budget.take(length, for: ObjectIdentifier(transfer)) else {
                    transfer.paused = true
                    transfer.wanted = length
                    budget.paused.append(transfer)
                    return Int(CURL_WRITEFUNC_PAUSE)
                }
                transfer.budgeted += length
            }
            if transfer.body.isEmpty { transfer.reserveBody() }
            data.withMemoryRebound(to: UInt8.self, capacity: length) {
                transfer.body.append(contentsOf: UnsafeBufferPointer(start: $0, count: length))
            }
            return length
        }), "write function")
        check(ccurl_easy_setopt_pointer(handle, CURLOPT_WRITEDATA, me), "write data")
        check(ccurl_easy_setopt_header_function(handle, { data, size, count, context in
            let transfer = Unmanaged<Transfer>.fromOpaque(context!).takeUnretainedValue()
            let length = size * count
            guard let data, length > 0 else { return length }
            data.withMemoryRebound(to: UInt8.self, capacity: length) {
                transfer.responseHeaders.receive(UnsafeBufferPointer(start: $0, count: length))
            }
            return length
        }), "header function")
        check(ccurl_easy_setopt_pointer(handle, CURLOPT_HEADERDATA, me), "header data")
        return failures.isEmpty ? nil : failures.joined(separator: "; ")
    }

    /// Sizes the body buffer from the response's Content-Length (when it is within the limit),
    /// so a 20 KB feed is one allocation instead of a dozen doublings and copies.
    func reserveBody() {
        var length: curl_off_t = -1
        guard ccurl_easy_getinfo_off_t(handle, CURLINFO_CONTENT_LENGTH_DOWNLOAD_T, &length) == CURLE_OK,
              length > 0, length <= curl_off_t(request.limits.maxBodyBytes) else { return }
        body.reserveCapacity(Int(length))
    }
}
