#ifndef FEEDWATCH_CCURL_TABLE_H
#define FEEDWATCH_CCURL_TABLE_H

#include "include/ccurl.h"

/* Every libcurl function feedwatch calls. One list, so the table's fields, the dlsym calls and
 * the error for a missing symbol cannot drift apart. curl_multi_poll (7.66) and
 * curl_multi_wakeup (7.68) are the newest: an older libcurl fails to load, naming the symbol. */
#define CCURL_FUNCTIONS(X) \
    X(curl_global_init) \
    X(curl_version) \
    X(curl_easy_init) \
    X(curl_easy_cleanup) \
    X(curl_easy_setopt) \
    X(curl_easy_getinfo) \
    X(curl_easy_strerror) \
    X(curl_easy_pause) \
    X(curl_multi_init) \
    X(curl_multi_cleanup) \
    X(curl_multi_setopt) \
    X(curl_multi_add_handle) \
    X(curl_multi_remove_handle) \
    X(curl_multi_perform) \
    X(curl_multi_poll) \
    X(curl_multi_wakeup) \
    X(curl_multi_info_read) \
    X(curl_multi_strerror) \
    X(curl_share_init) \
    X(curl_share_cleanup) \
    X(curl_share_setopt) \
    X(curl_slist_append) \
    X(curl_slist_free_all)

/* Typed pointers: __typeof__ takes each signature from curl.h, so a call through the table is
 * checked like a direct call. The fn_ prefix keeps curl.h's type-checking macros
 * (curl_easy_setopt(h, o, v) under GCC and clang) from expanding on a field access. */
struct ccurl_table {
#define CCURL_FIELD(name) __typeof__(name) *fn_##name;
    CCURL_FUNCTIONS(CCURL_FIELD)
#undef CCURL_FIELD
};

/* The loaded table; aborts with a message when called before a successful ccurl_load(). */
const struct ccurl_table *ccurl_table(void);

#endif
