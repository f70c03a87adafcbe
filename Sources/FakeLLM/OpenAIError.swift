import Basics

/// Error bodies in OpenAI's shape: `{"error":{"message","type","param","code"}}`.
enum OpenAIError {
    static func body(
        message: String, type: String = "invalid_request_error", param: String? = nil,
        code: String? = nil
    ) -> String {
        """
        {"error":{"message":\(JSONText.quoted(message)),"type":\(JSONText.quoted(type)),\
        "param":\(JSONText.quotedOrNull(param)),"code":\(JSONText.quotedOrNull(code))}}
        """
    }

    /// The body OpenAI would send with `status`, for a scripted fault that gives none.
    static func body(forStatus status: Int) -> String {
        switch status {
        case 400: body(message: "FakeLLM: scripted bad request.")
        case 401:
            body(
                message: "Incorrect API key provided: sk-fa****ript. You can find your API key at "
                    + "https://platform.openai.com/account/api-keys.", code: "invalid_api_key")
        case 403:
            body(
                message: "You are not allowed to sample from this model", type: "invalid_request_error",
                code: "model_not_allowed")
        case 404: body(message: "The model does not exist or you do not have access to it.", code: "model_not_found")
        case 429:
            body(
                message: "Rate limit reached for requests. Limit 3, Used 3, Requested 1. Please try again in 2s.",
                type: "requests", code: "rate_limit_exceeded")
        case 500:
            body(
                message: "The server had an error while processing your request. Sorry about that!",
                type: "server_error")
        case 502: body(message: "Bad gateway.", type: "server_error")
        case 503: body(message: "The engine is currently overloaded, please try again later.", type: "server_error")
        case 504: body(message: "Gateway timeout.", type: "server_error")
        default:
            body(
                message: "FakeLLM: scripted error (status \(status)).",
                type: status >= 500 ? "server_error" : "invalid_request_error")
        }
    }

    static func incorrectKey(_ key: String) -> String {
        body(
            message: "Incorrect API key provided: \(masked(key)). You can find your API key at "
                + "https://platform.openai.com/account/api-keys.", code: "invalid_api_key")
    }

    static let missingKey = body(
        message: """
            You didn't provide an API key. You need to provide your API key in an Authorization header using Bearer \
            auth (i.e. Authorization: Bearer YOUR_KEY), or as the password field (with blank username) if you're \
            accessing the API from your browser and are prompted for a username and password. You can obtain an API \
            key from https://platform.openai.com/account/api-keys.
            """)

    /// A key as OpenAI echoes it: the first five and last four characters, stars between
    /// (`sk-test-x1234` -> `sk-te****1234`); short keys show less, very short ones nothing.
    static func masked(_ key: String) -> String {
        let characters = Array(key)
        let (head, tail) = characters.count >= 12 ? (5, 4) : characters.count >= 9 ? (2, 2) : (0, 0)
        let stars = String(repeating: "*", count: characters.count - head - tail)
        return String(characters.prefix(head)) + stars + String(characters.suffix(tail))
    }

    static let invalidJSON = body(
        message: """
            We could not parse the JSON body of your request. (HINT: This likely means you aren't using your HTTP \
            library correctly. The OpenAI API expects a JSON payload, but what was sent was not valid JSON. If you \
            have trouble figuring out how to fix this, please contact us through our help center at help.openai.com.)
            """)
}
