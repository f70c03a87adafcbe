import CCurl

/// libcurl's process-wide initialisation, done once before the first handle.
/// https://curl.se/libcurl/c/curl_global_init.html
enum CurlGlobal {
    private static let initialized: Bool = curl_global_init(Int(CURL_GLOBAL_DEFAULT)) == CURLE_OK

    static func ensureInitialized() {
        _ = initialized
    }
}
