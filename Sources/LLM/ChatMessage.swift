/// One message of a chat completion request.
public struct ChatMessage: Sendable, Hashable, Codable {
    public enum Role: String, Sendable, Hashable, Codable {
        case system
        case user
        case assistant
    }

    public var role: Role
    public var content: String

    public init(_ role: Role, _ content: String) {
        self.role = role
        self.content = content
    }
}

/// Tokens spent on one completion.
public struct TokenUsage: Sendable, Hashable {
    public var promptTokens: Int
    public var completionTokens: Int
    /// True when the server reported no usage and these are estimates (`TokenEstimate`).
    public var isEstimate: Bool

    public init(promptTokens: Int, completionTokens: Int, isEstimate: Bool) {
        self.promptTokens = promptTokens
        self.completionTokens = completionTokens
        self.isEstimate = isEstimate
    }

    /// The rough count (`TokenEstimate`) for text whose tokens the server did not report; `hiddenCharacters`
    /// is reasoning the model wrote (and was paid for) that is not part of the answer.
    public static func estimate(prompt: [ChatMessage], completion: String, hiddenCharacters: Int = 0) -> TokenUsage {
        TokenUsage(
            promptTokens: TokenEstimate.count(prompt),
            completionTokens: TokenEstimate.count(completion) + TokenEstimate.count(characters: hiddenCharacters),
            isEstimate: true)
    }
}

/// The model's answer to one request.
public struct ChatCompletion: Sendable, Hashable {
    public var text: String
    public var model: String
    public var finishReason: String?
    public var usage: TokenUsage
    /// Seconds from sending the request to the first byte of the answer.
    public var firstByteSeconds: Double
    /// Seconds for the whole request.
    public var totalSeconds: Double

    public init(
        text: String, model: String, finishReason: String?, usage: TokenUsage, firstByteSeconds: Double,
        totalSeconds: Double
    ) {
        self.text = text
        self.model = model
        self.finishReason = finishReason
        self.usage = usage
        self.firstByteSeconds = firstByteSeconds
        self.totalSeconds = totalSeconds
    }
}
