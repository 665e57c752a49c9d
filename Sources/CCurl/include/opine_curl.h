// libcurl, opened with dlopen on first use: a binary that only searches never loads it (linking
// FoundationNetworking made every `opine` start load libcurl and ~40 libraries behind it: about
// 20 M instructions, 5 ms, before main). Declares only what Opine calls; no curl headers needed.
#ifndef OPINE_CURL_H
#define OPINE_CURL_H

#include <stddef.h>

typedef struct opine_http_result {
    long status;
    /// Where the last redirect led (malloc'ed; NULL when unknown).
    char *effective_url;
    /// The last response's header lines, CRLF-separated (malloc'ed).
    char *headers;
    size_t headers_length;
    unsigned char *body;
    size_t body_length;
    /// 0: done; 1: refused (a rule: size, redirects, scheme); 2: failed (may pass if tried again).
    int outcome;
    char message[256];
} opine_http_result;

/// Loads libcurl; 0 when it is there, else -1 with a message.
int opine_curl_load(char *message, size_t size);

/// GET `url` following at most `max_redirects` redirects, over http and https only, the body
/// cut off and refused past `max_bytes`. `headers`: "Name: value" lines.
void opine_http_get(const char *url, const char *const *headers, int header_count, const char *user_agent,
                    long timeout_seconds, long max_redirects, size_t max_bytes, opine_http_result *out);

void opine_http_free(opine_http_result *result);

#endif
