/*
 * A plain C libcurl-multi loop over a list of URLs: the floor for feedwatch's fetcher on the
 * same machine, and a probe of how libcurl behaves when every transfer is handed to one multi
 * handle at once (what feedwatch's CurlMultiLoop does) versus a bounded window of transfers.
 * A diagnostic for docs/benchmarks-polling.md, not part of feedwatch.
 *
 *   cc -O2 -o multi_probe scripts/bench/multi_probe.c -lcurl
 *   ./multi_probe URLFILE [--window N] [--per-host N] [--total N] [--ims DATE]
 *
 * URLFILE: one URL per line. --window N: at most N easy handles in the multi handle at once
 * (0, the default: all of them at once, like feedwatch). --per-host / --total: libcurl's
 * CURLMOPT_MAX_HOST_CONNECTIONS / CURLMOPT_MAX_TOTAL_CONNECTIONS (feedwatch: 2 and 64; the
 * defaults here). --ims DATE sends `If-Modified-Since: DATE` (the benchmark's feeds all have
 * the same mtime, so every answer is a 304). Bodies are counted and discarded. Prints the
 * wall time, the status counts and transfers per second.
 */
#include <curl/curl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static size_t body_bytes;

static size_t discard(char *data, size_t size, size_t count, void *context) {
    (void)data; (void)context;
    body_bytes += size * count;
    return size * count;
}

static double now(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return t.tv_sec + t.tv_nsec / 1e9;
}

int main(int argc, char **argv) {
    if (argc < 2) {
        fprintf(stderr, "usage: %s URLFILE [--window N] [--per-host N] [--total N] [--ims DATE]\n", argv[0]);
        return 2;
    }
    long window = 0, per_host = 2, total = 64;
    const char *ims = NULL;
    for (int i = 2; i + 1 < argc; i += 2) {
        if (!strcmp(argv[i], "--window")) window = atol(argv[i + 1]);
        else if (!strcmp(argv[i], "--per-host")) per_host = atol(argv[i + 1]);
        else if (!strcmp(argv[i], "--total")) total = atol(argv[i + 1]);
        else if (!strcmp(argv[i], "--ims")) ims = argv[i + 1];
        else { fprintf(stderr, "unknown option %s\n", argv[i]); return 2; }
    }
    FILE *f = fopen(argv[1], "r");
    if (!f) { perror(argv[1]); return 1; }
    size_t n = 0, cap = 1024;
    char **urls = malloc(cap * sizeof *urls);
    char line[4096];
    while (fgets(line, sizeof line, f)) {
        line[strcspn(line, "\r\n")] = 0;
        if (!*line) continue;
        if (n == cap) urls = realloc(urls, (cap *= 2) * sizeof *urls);
        urls[n++] = strdup(line);
    }
    fclose(f);
    if (window <= 0 || (size_t)window > n) window = (long)n;

    curl_global_init(CURL_GLOBAL_DEFAULT);
    CURLM *multi = curl_multi_init();
    curl_multi_setopt(multi, CURLMOPT_MAX_TOTAL_CONNECTIONS, total);
    curl_multi_setopt(multi, CURLMOPT_MAX_HOST_CONNECTIONS, per_host);
    curl_multi_setopt(multi, CURLMOPT_MAXCONNECTS, total);
    struct curl_slist *headers = NULL;
    char ims_header[256];
    if (ims) {
        snprintf(ims_header, sizeof ims_header, "If-Modified-Since: %s", ims);
        headers = curl_slist_append(headers, ims_header);
    }

    double start = now();
    size_t next = 0, in_multi = 0, done = 0, ok200 = 0, ok304 = 0, failed = 0;
    while (done < n) {
        while (next < n && in_multi < (size_t)window) {
            CURL *easy = curl_easy_init();
            curl_easy_setopt(easy, CURLOPT_URL, urls[next++]);
            curl_easy_setopt(easy, CURLOPT_WRITEFUNCTION, discard);
            curl_easy_setopt(easy, CURLOPT_ACCEPT_ENCODING, "");
            curl_easy_setopt(easy, CURLOPT_NOSIGNAL, 1L);
            curl_easy_setopt(easy, CURLOPT_FOLLOWLOCATION, 1L);
            if (headers) curl_easy_setopt(easy, CURLOPT_HTTPHEADER, headers);
            curl_multi_add_handle(multi, easy);
            in_multi++;
        }
        int running = 0, queued = 0;
        curl_multi_perform(multi, &running);
        CURLMsg *msg;
        while ((msg = curl_multi_info_read(multi, &queued))) {
            if (msg->msg != CURLMSG_DONE) continue;
            CURL *easy = msg->easy_handle;
            long code = 0;
            curl_easy_getinfo(easy, CURLINFO_RESPONSE_CODE, &code);
            if (msg->data.result != CURLE_OK) failed++;
            else if (code == 200) ok200++;
            else if (code == 304) ok304++;
            else failed++;
            curl_multi_remove_handle(multi, easy);
            curl_easy_cleanup(easy);
            in_multi--;
            done++;
        }
        /* Refill the window before sleeping: polling with free slots would wait for no reason. */
        if (next < n && in_multi < (size_t)window) continue;
        if (done < n) curl_multi_poll(multi, NULL, 0, 1000, NULL);
    }
    double elapsed = now() - start;
    printf("%zu transfers (window %ld, %ld per host, %ld total): %.3f s, %.0f/s; %zu x 200, %zu x 304, %zu failed; %.1f MB of bodies\n",
           n, window, per_host, total, elapsed, n / elapsed, ok200, ok304, failed, body_bytes / 1e6);
    curl_slist_free_all(headers);
    curl_multi_cleanup(multi);
    curl_global_cleanup();
    return failed ? 1 : 0;
}
