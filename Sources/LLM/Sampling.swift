/// How one request samples, overriding the configured temperature: a fresh draw of an answer the model
/// already gave wrongly at temperature 0, where the same request would only bring back the same answer.
///
/// `seed` makes a draw reproducible on servers that honour it (OpenAI, llama.cpp's server); others ignore it.
public struct Sampling: Sendable, Equatable {
    public var temperature: Double
    public var seed: Int?

    public init(temperature: Double, seed: Int? = nil) {
        self.temperature = temperature
        self.seed = seed
    }
}
