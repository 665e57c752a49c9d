#include "opine_curl.h"

#include <dlfcn.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

// The few values of curl.h Opine uses (stable parts of libcurl's ABI).
enum {
    OPT_WRITEDATA = 10001, OPT_URL = 10002, OPT_USERAGENT = 10018, OPT_HTTPHEADER = 10023,
    OPT_HEADERDATA = 10029, OPT_ACCEPT_ENCODING = 10102, OPT_WRITEFUNCTION = 20011,
    OPT_HEADERFUNCTION = 20079, OPT_TIMEOUT = 13, OPT_FOLLOWLOCATION = 52, OPT_MAXREDIRS = 68,
    OPT_CONNECTTIMEOUT = 78, OPT_NOSIGNAL = 99, OPT_PROTOCOLS = 181, OPT_REDIR_PROTOCOLS = 182,
    PROTO_HTTP = 1, PROTO_HTTPS = 2,
    INFO_EFFECTIVE_URL = 0x100001, INFO_RESPONSE_CODE = 0x200002,
    E_OK = 0, E_UNSUPPORTED_PROTOCOL = 1, E_WRITE_ERROR = 23, E_TOO_MANY_REDIRECTS = 47,
    GLOBAL_DEFAULT = 3,
};

typedef void CURL;
struct slist;
static struct {
    int (*global_init)(long);
    CURL *(*easy_init)(void);
    int (*easy_setopt)(CURL *, int, ...);
    int (*easy_perform)(CURL *);
    int (*easy_getinfo)(CURL *, int, ...);
    void (*easy_cleanup)(CURL *);
    const char *(*easy_strerror)(int);
    struct slist *(*slist_append)(struct slist *, const char *);
    void (*slist_free_all)(struct slist *);
    int loaded;
    char error[200];
} curl;

static pthread_once_t once = PTHREAD_ONCE_INIT;

static void load(void) {
    const char *names[] = {"libcurl.so.4", "libcurl.so", "libcurl.4.dylib", "libcurl.dylib", NULL};
    void *lib = NULL;
    for (int i = 0; names[i] && !lib; i++) lib = dlopen(names[i], RTLD_NOW | RTLD_LOCAL);
    if (!lib) {
        snprintf(curl.error, sizeof curl.error, "libcurl is not installed (apt-get install libcurl4)");
        return;
    }
#define SYM(field, name) *(void **)(&curl.field) = dlsym(lib, name); if (!curl.field) { snprintf(curl.error, sizeof curl.error, "libcurl lacks %s", name); return; }
    SYM(global_init, "curl_global_init")
    SYM(easy_init, "curl_easy_init")
    SYM(easy_setopt, "curl_easy_setopt")
    SYM(easy_perform, "curl_easy_perform")
    SYM(easy_getinfo, "curl_easy_getinfo")
    SYM(easy_cleanup, "curl_easy_cleanup")
    SYM(easy_strerror, "curl_easy_strerror")
    SYM(slist_append, "curl_slist_append")
    SYM(slist_free_all, "curl_slist_free_all")
#undef SYM
    curl.global_init(GLOBAL_DEFAULT);
    curl.loaded = 1;
}

int opine_curl_load(char *message, size_t size) {
    pthread_once(&once, load);
    if (!curl.loaded && message && size) snprintf(message, size, "%s", curl.error);
    return curl.loaded ? 0 : -1;
}

typedef struct {
    unsigned char *data;
    size_t length, capacity, limit;
    int too_large;
} buffer;

static int append(buffer *b, const void *data, size_t n) {
    if (b->length + n > b->capacity) {
        size_t capacity = b->capacity ? b->capacity * 2 : 16384;
        while (capacity < b->length + n) capacity *= 2;
        unsigned char *grown = realloc(b->data, capacity);
        if (!grown) return -1;
        b->data = grown;
        b->capacity = capacity;
    }
    memcpy(b->data + b->length, data, n);
    b->length += n;
    return 0;
}

static size_t on_body(char *data, size_t size, size_t count, void *context) {
    buffer *b = context;
    size_t n = size * count;
    if (b->length + n > b->limit) { b->too_large = 1; return 0; }  // a short write stops the transfer
    return append(b, data, n) == 0 ? n : 0;
}

static size_t on_header(char *data, size_t size, size_t count, void *context) {
    buffer *b = context;
    size_t n = size * count;
    // A new status line (after a redirect or a 100 Continue): only the last response's headers count.
    if (n >= 5 && memcmp(data, "HTTP/", 5) == 0) b->length = 0;
    if (b->length + n > (1 << 20)) return 0;
    return append(b, data, n) == 0 ? n : 0;
}

void opine_http_get(const char *url, const char *const *headers, int header_count, const char *user_agent,
                    long timeout_seconds, long max_redirects, size_t max_bytes, opine_http_result *out) {
    memset(out, 0, sizeof *out);
    if (opine_curl_load(out->message, sizeof out->message) != 0) { out->outcome = 1; return; }
    CURL *handle = curl.easy_init();
    if (!handle) { out->outcome = 2; snprintf(out->message, sizeof out->message, "could not start a request"); return; }
    buffer body = {.limit = max_bytes}, head = {.limit = 1 << 20};
    struct slist *list = NULL;
    for (int i = 0; i < header_count; i++) list = curl.slist_append(list, headers[i]);
    curl.easy_setopt(handle, OPT_URL, url);
    curl.easy_setopt(handle, OPT_PROTOCOLS, (long)(PROTO_HTTP | PROTO_HTTPS));
    curl.easy_setopt(handle, OPT_REDIR_PROTOCOLS, (long)(PROTO_HTTP | PROTO_HTTPS));
    curl.easy_setopt(handle, OPT_FOLLOWLOCATION, 1L);
    curl.easy_setopt(handle, OPT_MAXREDIRS, max_redirects);
    curl.easy_setopt(handle, OPT_TIMEOUT, timeout_seconds);
    curl.easy_setopt(handle, OPT_CONNECTTIMEOUT, timeout_seconds);
    curl.easy_setopt(handle, OPT_NOSIGNAL, 1L);
    curl.easy_setopt(handle, OPT_USERAGENT, user_agent);
    curl.easy_setopt(handle, OPT_ACCEPT_ENCODING, "");  // gzip, deflate, … decoded by libcurl
    if (list) curl.easy_setopt(handle, OPT_HTTPHEADER, list);
    curl.easy_setopt(handle, OPT_WRITEFUNCTION, on_body);
    curl.easy_setopt(handle, OPT_WRITEDATA, &body);
    curl.easy_setopt(handle, OPT_HEADERFUNCTION, on_header);
    curl.easy_setopt(handle, OPT_HEADERDATA, &head);
    int code = curl.easy_perform(handle);
    long status = 0;
    char *effective = NULL;
    curl.easy_getinfo(handle, INFO_RESPONSE_CODE, &status);
    curl.easy_getinfo(handle, INFO_EFFECTIVE_URL, &effective);
    out->status = status;
    out->effective_url = effective ? strdup(effective) : NULL;
    if (code == E_OK) {
        out->outcome = 0;
    } else if (body.too_large || code == E_WRITE_ERROR) {
        out->outcome = 1;
        if (max_bytes >= (1 << 20)) snprintf(out->message, sizeof out->message, "larger than %zu MB, refused", max_bytes >> 20);
        else snprintf(out->message, sizeof out->message, "larger than %zu bytes, refused", max_bytes);
    } else if (code == E_TOO_MANY_REDIRECTS) {
        out->outcome = 1;
        snprintf(out->message, sizeof out->message, "more than %ld redirects", max_redirects);
    } else if (code == E_UNSUPPORTED_PROTOCOL) {
        out->outcome = 1;
        snprintf(out->message, sizeof out->message, "redirected to a non-http address");
    } else {
        out->outcome = 2;
        snprintf(out->message, sizeof out->message, "%s", curl.easy_strerror(code));
    }
    out->body = body.data;
    out->body_length = body.length;
    out->headers = (char *)head.data;
    out->headers_length = head.length;
    if (list) curl.slist_free_all(list);
    curl.easy_cleanup(handle);
}

void opine_http_free(opine_http_result *result) {
    free(result->effective_url);
    free(result->headers);
    free(result->body);
    memset(result, 0, sizeof *result);
}
