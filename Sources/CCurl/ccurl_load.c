#include "ccurl_table.h"

#include <dlfcn.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>

/* The sonames tried, in order: the ABI-versioned name every distribution ships with the runtime
 * package, then the unversioned development symlink. */
static const char *const library_names[] = {"libcurl.so.4", "libcurl.so"};

static pthread_once_t load_once = PTHREAD_ONCE_INIT;
static struct ccurl_table table;
static const struct ccurl_table *loaded;   /* &table once every symbol resolved; written once */
static char load_error[1024];

static void load(void) {
    void *library = NULL;
    char tried[2][480] = {"", ""};
    for (size_t i = 0; i < 2 && library == NULL; i++) {
        library = dlopen(library_names[i], RTLD_NOW | RTLD_LOCAL);
        if (library == NULL) {
            const char *why = dlerror();   /* names the file: "libcurl.so.4: cannot open shared object file: …" */
            snprintf(tried[i], sizeof tried[i], "%s", why ? why : library_names[i]);
        }
    }
    if (library == NULL) {
        snprintf(load_error, sizeof load_error, "cannot load libcurl (%s; %s)", tried[0], tried[1]);
        return;
    }

#define CCURL_RESOLVE(name)                                                                        \
    dlerror();                                                                                     \
    table.fn_##name = (__typeof__(name) *)dlsym(library, #name);                                   \
    if (table.fn_##name == NULL) {                                                                 \
        const char *why = dlerror();                                                               \
        snprintf(load_error, sizeof load_error, "libcurl lacks %s (%s): feedwatch needs libcurl 7.68 or later", \
                 #name, why ? why : "no such symbol");                                             \
        dlclose(library);                                                                          \
        return;                                                                                    \
    }
    CCURL_FUNCTIONS(CCURL_RESOLVE)
#undef CCURL_RESOLVE

    load_error[0] = '\0';
    __atomic_store_n(&loaded, &table, __ATOMIC_RELEASE);
    /* The library stays loaded for the life of the process: libcurl cannot be unloaded safely
     * once curl_global_init ran (OpenSSL's atexit handlers point into it). */
}

int ccurl_load(void) {
    pthread_once(&load_once, load);
    return __atomic_load_n(&loaded, __ATOMIC_ACQUIRE) != NULL;
}

const char *ccurl_load_error(void) {
    pthread_once(&load_once, load);
    return load_error[0] != '\0' ? load_error : NULL;
}

const struct ccurl_table *ccurl_table(void) {
    const struct ccurl_table *t = __atomic_load_n(&loaded, __ATOMIC_ACQUIRE);
    if (t == NULL) {
        fprintf(stderr, "feedwatch: internal error: a libcurl function was called before ccurl_load() succeeded\n");
        abort();
    }
    return t;
}
