// Typed wrappers for libcurl's variadic calls, which Swift cannot call directly.
// https://curl.se/libcurl/c/curl_easy_setopt.html
#ifndef DATACHAT_CCURL_SHIM_H
#define DATACHAT_CCURL_SHIM_H
#include <curl/curl.h>

typedef size_t (*dc_curl_data_callback)(char *data, size_t size, size_t count, void *userdata);

static inline CURLcode dc_curl_setopt_long(CURL *handle, CURLoption option, long value) {
    return curl_easy_setopt(handle, option, value);
}
static inline CURLcode dc_curl_setopt_off(CURL *handle, CURLoption option, curl_off_t value) {
    return curl_easy_setopt(handle, option, value);
}
static inline CURLcode dc_curl_setopt_string(CURL *handle, CURLoption option, const char *value) {
    return curl_easy_setopt(handle, option, value);
}
static inline CURLcode dc_curl_setopt_pointer(CURL *handle, CURLoption option, void *value) {
    return curl_easy_setopt(handle, option, value);
}
static inline CURLcode dc_curl_setopt_slist(CURL *handle, CURLoption option, struct curl_slist *value) {
    return curl_easy_setopt(handle, option, value);
}
static inline CURLcode dc_curl_setopt_data_callback(CURL *handle, CURLoption option, dc_curl_data_callback value) {
    return curl_easy_setopt(handle, option, value);
}
#endif
