#include "ccurl_table.h"

/* Each wrapper calls through the table ccurl_load filled; see ccurl.h for why. */
#define T (ccurl_table())

CURLcode ccurl_global_init(long flags) { return T->fn_curl_global_init(flags); }
const char *ccurl_version(void) { return T->fn_curl_version(); }

CURL *ccurl_easy_init(void) { return T->fn_curl_easy_init(); }
void ccurl_easy_cleanup(CURL *handle) { T->fn_curl_easy_cleanup(handle); }
const char *ccurl_easy_strerror(CURLcode code) { return T->fn_curl_easy_strerror(code); }
CURLcode ccurl_easy_pause(CURL *handle, int bitmask) { return T->fn_curl_easy_pause(handle, bitmask); }

CURLM *ccurl_multi_init(void) { return T->fn_curl_multi_init(); }
CURLMcode ccurl_multi_cleanup(CURLM *multi) { return T->fn_curl_multi_cleanup(multi); }
CURLMcode ccurl_multi_add_handle(CURLM *multi, CURL *handle) { return T->fn_curl_multi_add_handle(multi, handle); }
CURLMcode ccurl_multi_remove_handle(CURLM *multi, CURL *handle) { return T->fn_curl_multi_remove_handle(multi, handle); }
CURLMcode ccurl_multi_perform(CURLM *multi, int *running) { return T->fn_curl_multi_perform(multi, running); }
CURLMcode ccurl_multi_poll(CURLM *multi, struct curl_waitfd extra_fds[], unsigned int extra_nfds,
                           int timeout_ms, int *numfds) {
    return T->fn_curl_multi_poll(multi, extra_fds, extra_nfds, timeout_ms, numfds);
}
CURLMcode ccurl_multi_wakeup(CURLM *multi) { return T->fn_curl_multi_wakeup(multi); }
CURLMsg *ccurl_multi_info_read(CURLM *multi, int *msgs_in_queue) { return T->fn_curl_multi_info_read(multi, msgs_in_queue); }
const char *ccurl_multi_strerror(CURLMcode code) { return T->fn_curl_multi_strerror(code); }

CURLSH *ccurl_share_init(void) { return T->fn_curl_share_init(); }
CURLSHcode ccurl_share_cleanup(CURLSH *share) { return T->fn_curl_share_cleanup(share); }

struct curl_slist *ccurl_slist_append(struct curl_slist *list, const char *string) {
    return T->fn_curl_slist_append(list, string);
}
void ccurl_slist_free_all(struct curl_slist *list) { T->fn_curl_slist_free_all(list); }

CURLcode ccurl_easy_setopt_long(CURL *handle, CURLoption option, long value) {
    return T->fn_curl_easy_setopt(handle, option, value);
}

CURLcode ccurl_easy_setopt_string(CURL *handle, CURLoption option, const char *value) {
    return T->fn_curl_easy_setopt(handle, option, value);
}

CURLcode ccurl_easy_setopt_pointer(CURL *handle, CURLoption option, void *value) {
    return T->fn_curl_easy_setopt(handle, option, value);
}

CURLcode ccurl_easy_setopt_off_t(CURL *handle, CURLoption option, curl_off_t value) {
    return T->fn_curl_easy_setopt(handle, option, value);
}

CURLcode ccurl_easy_setopt_slist(CURL *handle, CURLoption option, struct curl_slist *value) {
    return T->fn_curl_easy_setopt(handle, option, value);
}

CURLcode ccurl_easy_setopt_share(CURL *handle, CURLSH *share) {
    return T->fn_curl_easy_setopt(handle, CURLOPT_SHARE, share);
}

CURLcode ccurl_easy_setopt_write_function(CURL *handle, ccurl_data_callback callback) {
    return T->fn_curl_easy_setopt(handle, CURLOPT_WRITEFUNCTION, callback);
}

CURLcode ccurl_easy_setopt_header_function(CURL *handle, ccurl_data_callback callback) {
    return T->fn_curl_easy_setopt(handle, CURLOPT_HEADERFUNCTION, callback);
}

CURLcode ccurl_easy_getinfo_long(CURL *handle, CURLINFO info, long *value) {
    return T->fn_curl_easy_getinfo(handle, info, value);
}

CURLcode ccurl_easy_getinfo_string(CURL *handle, CURLINFO info, const char **value) {
    return T->fn_curl_easy_getinfo(handle, info, value);
}

CURLcode ccurl_easy_getinfo_off_t(CURL *handle, CURLINFO info, curl_off_t *value) {
    return T->fn_curl_easy_getinfo(handle, info, value);
}

CURLcode ccurl_easy_getinfo_pointer(CURL *handle, CURLINFO info, void **value) {
    return T->fn_curl_easy_getinfo(handle, info, value);
}

CURLMcode ccurl_multi_setopt_long(CURLM *multi, CURLMoption option, long value) {
    return T->fn_curl_multi_setopt(multi, option, value);
}

CURLSHcode ccurl_share_setopt_long(CURLSH *share, CURLSHoption option, long value) {
    return T->fn_curl_share_setopt(share, option, value);
}

CURL *ccurl_msg_easy_handle(const CURLMsg *message) {
    return message->easy_handle;
}

CURLcode ccurl_msg_result(const CURLMsg *message) {
    return message->data.result;
}

int ccurl_msg_is_done(const CURLMsg *message) {
    return message->msg == CURLMSG_DONE;
}
