import FoundationEssentials

/// URLs, headers and bodies, in OpenAI's or Azure's convention.
extension ChatClient {
    /// `{base}/chat/completions`; for Azure, the deployment's, with an `api-version`.
    func chatURL() -> String {
        guard configuration.resolvedStyle == .azure else { return joined(configuration.baseURL, "chat/completions") }
        var (base, query) = Self.splitQuery(configuration.baseURL)
        while base.hasSuffix("/") { base.removeLast() }
        let path = Self.path(of: base)
        if path.isEmpty || path == "/openai" {
            // A resource URL alone: the model names the deployment.
            let root = path.isEmpty ? base + "/openai" : base
            base = root + "/deployments/" + Self.percentEncoded(configuration.model)
        }
        let isV1 = path.hasSuffix("/openai/v1") || path.contains("/openai/v1/")
        if !isV1, !query.contains("api-version=") {
            query += (query.isEmpty ? "?" : "&") + "api-version=" + configuration.azureAPIVersion
        }
        return base + "/chat/completions" + query
    }

    /// `{base}/models`; for Azure, the resource's model list.
    func modelsURL() -> String {
        guard configuration.resolvedStyle == .azure else { return joined(configuration.baseURL, "models") }
        let (base, query) = Self.splitQuery(configuration.baseURL)
        let root = base.firstRange(of: "/openai").map { String(base[..<$0.lowerBound]) } ?? base
        let version = query.contains("api-version=") ? query : "?api-version=" + configuration.azureAPIVersion
        return root + "/openai/models" + version
    }

    /// The base URL joined with `path`, keeping any query at the end.
    func joined(_ baseURL: String, _ path: String) -> String {
        var (base, query) = Self.splitQuery(baseURL)
        while base.hasSuffix("/") { base.removeLast() }
        return base + "/" + path + query
    }

    func headers(accept: String) -> [(String, String)] {
        var headers = [("Content-Type", "application/json"), ("Accept", accept)]
        if let key = configuration.apiKey, !key.isEmpty {
            if configuration.resolvedStyle == .azure {
                headers.append(("api-key", key))
            } else {
                headers.append(("Authorization", "Bearer \(key)"))
            }
        }
        // A configured header replaces ours of the same name (a gateway's own Authorization, say).
        let extraNames = Set(configuration.extraHeaders.map { $0.0.lowercased() })
        return headers.filter { !extraNames.contains($0.0.lowercased()) } + configuration.extraHeaders
    }

    /// Spelled as the wire spells it, so the encoder needs no key strategy.
    // swift-format-ignore: AlwaysUseLowerCamelCase
    private struct RequestBody: Encodable {
        struct StreamOptions: Encodable {
            var include_usage: Bool
        }
        var model: String
        var messages: [ChatMessage]
        var temperature: Double?
        var seed: Int?
        var max_tokens: Int?
        var stream: Bool
        var stream_options: StreamOptions?
    }

    func requestBody(
        _ messages: [ChatMessage], maxTokens: Int?, sampling: Sampling? = nil, stream: Bool, includeUsage: Bool
    ) throws(LLMError) -> [UInt8] {
        let body = RequestBody(
            model: configuration.model, messages: messages,
            temperature: sampling?.temperature ?? configuration.temperature, seed: sampling?.seed,
            max_tokens: maxTokens, stream: stream,
            stream_options: stream && includeUsage ? .init(include_usage: true) : nil)
        do {
            return [UInt8](try JSONEncoder().encode(body))
        } catch {
            throw LLMError(.invalidConfiguration, "cannot encode the request: \(error)")
        }
    }

    static func splitQuery(_ url: String) -> (String, String) {
        guard let mark = url.firstIndex(of: "?") else { return (url, "") }
        return (String(url[..<mark]), String(url[mark...]))
    }

    /// The path of a URL without its query ("" for none).
    static func path(of url: String) -> String {
        var rest = Substring(url)
        if let scheme = rest.firstRange(of: "://") { rest = rest[scheme.upperBound...] }
        guard let slash = rest.firstIndex(of: "/") else { return "" }
        return String(rest[slash...])
    }

    static func percentEncoded(_ text: String) -> String {
        var result = ""
        for byte in text.utf8 {
            let character = Character(Unicode.Scalar(byte))
            if character.isLetter && byte < 0x80 || character.isNumber && byte < 0x80 || "-._~".contains(character) {
                result.append(character)
            } else {
                result += "%" + String(byte, radix: 16, uppercase: true).leftPadded(to: 2)
            }
        }
        return result
    }
}

extension String {
    fileprivate func leftPadded(to width: Int) -> String {
        count >= width ? self : String(repeating: "0", count: width - count) + self
    }
}
