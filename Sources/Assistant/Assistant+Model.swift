import Basics
import LLM

/// Choosing the model mid-session (`\model`).
extension Assistant {
    /// The model the next question goes to.
    public var model: String { client.configuration.model }

    /// Sends the next questions to `name`. The session goes on: each saved answer records the model that
    /// wrote it. The new client opens its own connection on first use.
    public func useModel(_ name: String) {
        let name = name.trimmed()
        guard !name.isEmpty, name != model else { return }
        var configuration = client.configuration
        configuration.model = name
        client = ChatClient(configuration: configuration)
    }

    /// The models the endpoint offers (`GET /models`), sorted.
    public func availableModels() throws(LLMError) -> [String] {
        try client.listModels(cancellation: cancellation)
    }
}
