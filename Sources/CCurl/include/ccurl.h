#ifndef FEEDWATCH_CCURL_H
#define FEEDWATCH_CCURL_H

/* curl.h is included for its types and constants only: libcurl itself is loaded with dlopen on
 * first use (ccurl_load), so a command that never fetches (parse FILE, status, watch, feeds list)
 * does not pay for mapping libcurl and the ~35 libraries it needs (TLS, Kerberos, LDAP, SSH …)
 * at every process start. Swift calls only the ccurl_* functions below, never curl_* directly:
 * the binary has no DT_NEEDED entry for libcurl, so a direct call would fail to link. */
#include <curl/curl.h>

/* Loads libcurl ("libcurl.so.4", then "libcurl.so") and resolves every function listed in
 * ccurl.c, once per process (pthread_once); later calls return the first outcome.
 * Returns 1 when libcurl is ready, 0 when it is not; ccurl_load_error then says why. */
int ccurl_load(void);

/* Why loading failed: dlerror()'s words for each library name tried, or the missing function.
 * NULL when libcurl loaded. Tries the load first if nothing tried it yet. */
const char *ccurl_load_error(void);

/* The libcurl functions feedwatch uses, one wrapper each. Call them only after ccurl_load()
 * returned 1: before that (or after it failed) they abort with a message, never jump to NULL. */
CURLcode ccurl_global_init(long flags);
const char *ccurl_version(void);
CURL *ccurl_easy_init(void);
void ccurl_easy_cleanup(CURL *handle);
const char *ccurl_easy_strerror(CURLcode code);
CURLcode ccurl_easy_pause(CURL *handle, int bitmask);
CURLM *ccurl_multi_init(void);
CURLMcode ccurl_multi_cleanup(CURLM *multi);
CURLMcode ccurl_multi_add_handle(CURLM *multi, CURL *handle);
CURLMcode ccurl_multi_remove_handle(CURLM *multi, CURL *handle);
CURLMcode ccurl_multi_perform(CURLM *multi, int *running);
CURLMcode ccurl_multi_poll(CURLM *multi, struct curl_waitfd extra_fds[], unsigned int extra_nfds,
                           int timeout_ms, int *numfds);
CURLMcode ccurl_multi_wakeup(CURLM *multi);
CURLMsg *ccurl_multi_info_read(CURLM *multi, int *msgs_in_queue);
const char *ccurl_multi_strerror(CURLMcode code);
CURLSH *ccurl_share_init(void);
CURLSHcode ccurl_share_cleanup(CURLSH *share);
struct curl_slist *ccurl_slist_append(struct curl_slist *list, const char *string);
void ccurl_slist_free_all(struct curl_slist *list);

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
