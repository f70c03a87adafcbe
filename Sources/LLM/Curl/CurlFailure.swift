import Basics
import CCurl

/// Maps a libcurl transfer failure to what the user should check.
/// https://curl.se/libcurl/c/libcurl-errors.html
enum CurlFailure {
    static func error(
        _ code: CURLcode, detail: String, url: String, proxy: String?, caBundle: String?, receivedBody: Bool
    ) -> LLMError {
        // The variable the proxy came from, as curl reads them: https_proxy for https, only http_proxy for http.
        let proxyVariable = url.lowercased().hasPrefix("https:") ? "HTTPS_PROXY" : "http_proxy"
        let detail = detail.trimmingTrailingNewline()
        let reason = detail.isEmpty ? String(cString: curl_easy_strerror(code)) : detail
        let proxyName = proxy.map(Redaction.url)
        switch code {
        case CURLE_COULDNT_RESOLVE_HOST:
            return LLMError(
                .unreachable, "cannot resolve the endpoint's host name (\(reason)): check OPENAI_BASE_URL and your DNS")
        case CURLE_COULDNT_RESOLVE_PROXY:
            return LLMError(
                .unreachable, "cannot resolve the proxy \(proxyName ?? "") (\(reason)): check \(proxyVariable)")
        case CURLE_COULDNT_CONNECT:
            if let proxyName {
                return LLMError(
                    .unreachable,
                    "cannot connect through the proxy \(proxyName) (\(reason)): check \(proxyVariable) and NO_PROXY",
                    isTransient: true)
            }
            return LLMError(
                .unreachable,
                "cannot connect to the endpoint (\(reason)): is the server running? check OPENAI_BASE_URL",
                isTransient: true)
        case CURLE_PROXY:
            return LLMError(
                .unreachable, "the proxy \(proxyName ?? "") refused the connection (\(reason)): check \(proxyVariable)")
        case CURLE_SSL_CACERT_BADFILE:
            return LLMError(
                .tls,
                "cannot read the CA bundle \(caBundle ?? "") (\(reason)): check SSL_CERT_FILE, CURL_CA_BUNDLE or DATACHAT_CA_BUNDLE"
            )
        case CURLE_PEER_FAILED_VERIFICATION:
            return LLMError(
                .tls,
                "the endpoint's TLS certificate is not trusted (\(reason)): check the URL, or point SSL_CERT_FILE at your CA bundle"
            )
        case CURLE_SSL_CONNECT_ERROR, CURLE_SSL_CERTPROBLEM, CURLE_SSL_CIPHER, CURLE_SSL_ENGINE_NOTFOUND,
            CURLE_USE_SSL_FAILED:
            return LLMError(
                .tls,
                "TLS with the endpoint failed (\(reason)): check that OPENAI_BASE_URL's scheme and port are right")
        case CURLE_URL_MALFORMAT, CURLE_UNSUPPORTED_PROTOCOL:
            return LLMError(.invalidConfiguration, "the endpoint URL is not valid (\(reason)): check OPENAI_BASE_URL")
        case CURLE_OPERATION_TIMEDOUT where !receivedBody:
            return LLMError(
                .timeout,
                "could not connect to the endpoint in time (\(reason)): check OPENAI_BASE_URL, or raise DATACHAT_LLM_CONNECT_TIMEOUT",
                isTransient: true)
        case CURLE_GOT_NOTHING:
            return LLMError(
                .unreachable, "the endpoint closed the connection without answering (\(reason)): try again",
                isTransient: true)
        case CURLE_PARTIAL_FILE, CURLE_RECV_ERROR, CURLE_SEND_ERROR, CURLE_OPERATION_TIMEDOUT:
            if receivedBody {
                return LLMError(
                    .truncated, "the endpoint's answer broke off part-way (\(reason)): try again", isTransient: true)
            }
            return LLMError(
                .unreachable, "the connection to the endpoint failed (\(reason)): try again", isTransient: true)
        default:
            return LLMError(.unreachable, "the request to the endpoint failed: \(reason)")
        }
    }
}

/// Keeps secrets out of messages.
enum Redaction {
    /// A URL without its user and password (`http://user:secret@proxy:3128` -> `http://proxy:3128`).
    static func url(_ url: String) -> String {
        guard let scheme = url.firstRange(of: "://") else {
            guard let at = url.lastIndex(of: "@") else { return url }
            return String(url[url.index(after: at)...])
        }
        guard let userInfo = URLCredentials.userInfoRange(in: url) else { return url }
        // The user info and its `@` go.
        return String(url[..<scheme.upperBound]) + String(url[url.index(after: userInfo.upperBound)...])
    }

    /// `text` with every occurrence of `secret` replaced, for server messages that echo what they were sent.
    static func removing(_ secret: String?, from text: String) -> String {
        guard let secret, secret.count >= 4 else { return text }
        return text.replacing(secret, with: "[redacted]")
    }
}
