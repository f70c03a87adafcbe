import Basics
import Foundation

/// Sends each request to its endpoint after the checks OpenAI makes: path, key, body, model.
struct Router: Sendable {
    let options: Options
    let completions: ChatCompletions
    let log: RequestLog?

    private enum Endpoint {
        case chat(deployment: String?)
        case models
        /// llama-server's readiness probe, so FakeLLM can stand in for it (`scripts/local-model` waits on it).
        case health

        var isHealth: Bool {
            if case .health = self { return true }
            return false
        }
    }

    /// Returns whether the connection may take another request.
    func handle(_ request: HTTPRequest, writer: ResponseWriter) -> Bool {
        let json =
            request.body.isEmpty
            ? nil : try? JSONSerialization.jsonObject(with: Data(request.body), options: [.fragmentsAllowed])
        log?.record(request, bodyIsJSON: json != nil)

        let keepAlive = request.keepAlive
        func answer(_ status: Int, _ body: String) -> Bool {
            writer.respond(status: status, body: body, close: !keepAlive)
            return keepAlive
        }

        guard let endpoint = Self.endpoint(method: request.method, path: request.path) else {
            return answer(404, OpenAIError.body(message: "Invalid URL (\(request.method) \(request.path))"))
        }
        // /health is public on llama-server: no key checked.
        if let required = options.requireKey, !endpoint.isHealth {
            let azure: Bool
            if case .chat(let deployment) = endpoint { azure = deployment != nil } else { azure = false }
            let bearer = request.header("authorization").flatMap(Self.bearerToken)
            guard let given = azure ? (request.header("api-key") ?? bearer) : bearer, !given.isEmpty else {
                return answer(401, OpenAIError.missingKey)
            }
            guard given == required else { return answer(401, OpenAIError.incorrectKey(given)) }
        }

        switch endpoint {
        case .health:
            return answer(200, #"{"status":"ok"}"#)

        case .models:
            let names = options.models ?? ["fake-model"]
            let data = names.map {
                #"{"id":\#(JSONText.quoted($0)),"object":"model","created":1700000000,"owned_by":"fakellm"}"#
            }
            return answer(200, #"{"object":"list","data":["# + data.joined(separator: ",") + "]}")

        case .chat(let deployment):
            guard let json else { return answer(400, OpenAIError.invalidJSON) }
            let chat: ChatRequest
            do {
                chat = try ChatRequest(json: json)
            } catch {
                return answer(400, OpenAIError.body(message: error.message, param: error.param))
            }
            guard let model = chat.model ?? deployment ?? (options.models == nil ? "fake-model" : nil) else {
                return answer(400, OpenAIError.body(message: "you must provide a model parameter"))
            }
            if let known = options.models, !known.contains(model) {
                return answer(
                    404,
                    OpenAIError.body(
                        message: "The model `\(model)` does not exist or you do not have access to it.",
                        code: "model_not_found"))
            }
            return completions.respond(
                to: chat, model: model, writer: writer, keepAlive: keepAlive,
                chunked: request.acceptsChunked)
        }
    }

    private static func endpoint(method: String, path: String) -> Endpoint? {
        switch (method, path) {
        case ("POST", "/v1/chat/completions"), ("POST", "/chat/completions"): return .chat(deployment: nil)
        case ("GET", "/v1/models"), ("GET", "/models"): return .models
        case ("GET", "/health"), ("GET", "/v1/health"): return .health
        case ("POST", _):
            // Azure: /openai/deployments/{deployment}/chat/completions
            let parts = path.split(separator: "/", omittingEmptySubsequences: false)
            guard parts.count == 6, parts[0].isEmpty, parts[1] == "openai", parts[2] == "deployments",
                !parts[3].isEmpty, parts[4] == "chat", parts[5] == "completions"
            else { return nil }
            return .chat(deployment: parts[3].removingPercentEncoding ?? String(parts[3]))
        default: return nil
        }
    }

    /// The token of `Authorization: Bearer TOKEN` (scheme case-insensitive).
    private static func bearerToken(_ header: String) -> String? {
        guard header.count > 7, header.prefix(7).lowercased() == "bearer " else { return nil }
        return header.dropFirst(7).trimmed()
    }
}
