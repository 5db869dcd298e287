#ifndef FEEDWATCH_CCURL_H
#define FEEDWATCH_CCURL_H

#include <curl/curl.h>

/* libcurl's curl_easy_setopt, curl_easy_getinfo, curl_multi_setopt and curl_share_setopt are
 * variadic, and Swift cannot call C variadic functions. Each shim below fixes one argument
 * type, so Swift sees ordinary functions and the C compiler checks what is passed. */

CURLcode ccurl_easy_setopt_long(CURL *handle, CURLoption option, long value);
CURLcode ccurl_easy_setopt_string(CURL *handle, CURLoption option, const char *value);
CURLcode ccurl_easy_setopt_pointer(CURL *handle, CURLoption option, void *value);
CURLcode ccurl_easy_setopt_off_t(CURL *handle, CURLoption option, curl_off_t value);
CURLcode ccurl_easy_setopt_slist(CURL *handle, CURLoption option, struct curl_slist *value);
CURLcode ccurl_easy_setopt_share(CURL *handle, CURLSH *share);

/* Callbacks are passed as typed function pointers, so a Swift @convention(c) closure fits. */
typedef size_t (*ccurl_data_callback)(char *data, size_t size, size_t count, void *userdata);
CURLcode ccurl_easy_setopt_write_function(CURL *handle, ccurl_data_callback callback);
CURLcode ccurl_easy_setopt_header_function(CURL *handle, ccurl_data_callback callback);

CURLcode ccurl_easy_getinfo_long(CURL *handle, CURLINFO info, long *value);
CURLcode ccurl_easy_getinfo_string(CURL *handle, CURLINFO info, const char **value);
CURLcode ccurl_easy_getinfo_off_t(CURL *handle, CURLINFO info, curl_off_t *value);
CURLcode ccurl_easy_getinfo_pointer(CURL *handle, CURLINFO info, void **value);

CURLMcode ccurl_multi_setopt_long(CURLM *multi, CURLMoption option, long value);
CURLSHcode ccurl_share_setopt_long(CURLSH *share, CURLSHoption option, long value);

/* The CURLMsg union is awkward from Swift: these read the two fields we need. */
CURL *ccurl_msg_easy_handle(const CURLMsg *message);
CURLcode ccurl_msg_result(const CURLMsg *message);
int ccurl_msg_is_done(const CURLMsg *message);

#endif
