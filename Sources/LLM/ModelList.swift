import FoundationEssentials

/// The body of `GET /models`: OpenAI's `{"data":[{"id":…}]}`, also served by vLLM, llama.cpp,
/// LM Studio, OpenRouter and Ollama's OpenAI-compatible API.
struct ModelList: Decodable {
    struct Model: Decodable {
        var id: String
    }
    var data: [Model]

    static func decode(_ body: [UInt8]) -> [String]? {
        (try? JSONDecoder().decode(ModelList.self, from: Data(body)))?.data.map(\.id)
    }
}
