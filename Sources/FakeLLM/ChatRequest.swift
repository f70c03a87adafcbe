/// The parts of a chat-completions request body that choose and shape the reply.
struct ChatRequest {
    var model: String?
    var stream = false
    var includeUsage = false
    /// The text of the last message whose role is `user` ("" when there is none).
    var lastUser = ""
    /// The system (and developer) messages, joined by newlines.
    var system = ""
    /// Characters (Unicode scalars) of all message contents, for the token estimate.
    var promptCharacters = 0

    /// Why a body was refused: OpenAI's message and the offending parameter.
    struct Invalid: Error {
        let message: String
        let param: String?
    }

    /// Reads a decoded JSON body; content may be a string or an array of `{"type":"text","text":…}` parts.
    init(json: Any) throws(Invalid) {
        guard let body = json as? [String: Any] else {
            throw Invalid(message: "Invalid type for request body: expected an object.", param: nil)
        }
        if let model = body["model"] {
            guard let name = model as? String else {
                throw Invalid(message: "Invalid type for 'model': expected a string.", param: "model")
            }
            self.model = name
        }
        stream = (body["stream"] as? Bool) ?? false
        if let options = body["stream_options"] as? [String: Any] {
            includeUsage = (options["include_usage"] as? Bool) ?? false
        }
        guard let messages = body["messages"] as? [Any] else {
            throw Invalid(message: "Missing required parameter: 'messages'.", param: "messages")
        }
        guard !messages.isEmpty else {
            throw Invalid(
                message: "Invalid 'messages': empty array. Expected an array with minimum length 1, "
                    + "but got an empty array instead.", param: "messages")
        }
        var systemParts: [String] = []
        for (index, element) in messages.enumerated() {
            guard let message = element as? [String: Any], let role = message["role"] as? String else {
                throw Invalid(
                    message: "Missing required parameter: 'messages[\(index)].role'.",
                    param: "messages[\(index)].role")
            }
            let text = Self.text(of: message["content"])
            promptCharacters += Self.scalarCount(text)
            switch role {
            case "user": lastUser = text
            case "system", "developer": systemParts.append(text)
            default: break
            }
        }
        system = systemParts.joined(separator: "\n")
    }

    /// Unicode scalars in `text`, counted as UTF-8 lead bytes: the same number as `unicodeScalars.count`
    /// without decoding, which matters for prompts of hundreds of kilobytes.
    static func scalarCount(_ text: String) -> Int {
        var text = text
        return text.withUTF8 { bytes in
            var count = 0
            for byte in bytes where byte & 0xC0 != 0x80 { count += 1 }
            return count
        }
    }

    private static func text(of content: Any?) -> String {
        switch content {
        case let text as String: return text
        case let parts as [Any]:
            return parts.compactMap { part -> String? in
                guard let part = part as? [String: Any] else { return nil }
                return part["text"] as? String
            }.joined(separator: "\n")
        default: return ""
        }
    }
}
