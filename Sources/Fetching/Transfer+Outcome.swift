import CCurl

extension Transfer {
    /// Turns libcurl's result code and the gathered response into a `FetchResponse` or an error.
    func outcome(code: CURLcode) -> Result<FetchResponse, any Error> {
        if tooLarge || code == CURLE_FILESIZE_EXCEEDED {
            return .failure(FetchError.tooLarge(limit: request.limits.maxBodyBytes))
        }
        guard code == CURLE_OK else {
            let detail = String(cString: errorBuffer)
            let message = detail.isEmpty ? String(cString: ccurl_easy_strerror(code)) : detail
            if code == CURLE_UNSUPPORTED_PROTOCOL {
                // Name where the redirect pointed: "file:///etc/passwd" says more than "a redirect".
                let via = responseHeaders.statuses.isEmpty ? "" : responseHeaders[.location].map { " (redirected to \($0))" } ?? " (via a redirect)"
                return .failure(FetchError.unsupportedScheme(request.url + via))
            }
            return .failure(FetchError.transport(code: Int(code.rawValue), message: message))
        }
        var status = 0
        _ = ccurl_easy_getinfo_long(handle, CURLINFO_RESPONSE_CODE, &status)
        var effective: UnsafePointer<CChar>?
        _ = ccurl_easy_getinfo_string(handle, CURLINFO_EFFECTIVE_URL, &effective)
        var contentType: UnsafePointer<CChar>?
        _ = ccurl_easy_getinfo_string(handle, CURLINFO_CONTENT_TYPE, &contentType)
        let isFile = request.url.lowercased().hasPrefix("file:")
        if isFile && status == 0 { status = 200 }
        if status == 429 || status == 503 {
            return .failure(FetchError.throttled(status: status, retryAfter: responseHeaders[.retryAfter],
                                                 from: effective.map { String(cString: $0) }))
        }
        if status >= 400 || (status != 200 && status != 304 && !(200..<300).contains(status)) {
            return .failure(FetchError.httpStatus(status))
        }
        let redirects = responseHeaders.statuses.dropLast().filter { (300..<400).contains($0) }
        var response = FetchResponse(
            status: status,
            body: body,
            effectiveURL: effective.map { String(cString: $0) } ?? request.url,
            contentType: contentType.map { String(cString: $0) },
            etag: responseHeaders[.etag],
            lastModified: responseHeaders[.lastModified],
            redirects: Array(redirects)
        )
        response.cacheControl = responseHeaders[.cacheControl]
        response.expires = responseHeaders[.expires]
        response.date = responseHeaders[.date]
        return .success(response)
    }
}
