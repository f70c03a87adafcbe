/// The endpoint when none is configured: the model on this machine, started when it is set up but not
/// running, so `datachat` on a fresh machine answers with no key and nothing leaving it.
extension Settings {
    /// What `resolveLocalModel` did, for the caller to tell the user.
    enum LocalModelUse: Equatable {
        /// An endpoint is configured: the local model is not considered.
        case notNeeded
        /// `llm` now points at the local server.
        case using(model: String)
        /// No local model: the session says how to set one up.
        case notSetUp
        /// Set up, but it would not start or answer; `message` says what to check.
        case unavailable(message: String)
    }

    /// Longer defaults for a model on this machine's CPU: a 6,000-token prompt takes a minute or more
    /// before the first token (llama-server sends nothing meanwhile), more on a busy machine.
    static let localModelTimeouts = [
        "DATACHAT_LLM_FIRST_BYTE_TIMEOUT": 300.0, "DATACHAT_LLM_IDLE_TIMEOUT": 120.0, "DATACHAT_LLM_TIMEOUT": 900.0,
    ]

    /// The one line said when the local model is in use.
    static func localModelLine(_ model: String) -> String {
        "model: \(model) on this machine (no data leaves it)"
    }

    /// Points `llm` at the local model when no endpoint is configured, starting it when it is set up but
    /// not running (`say` tells the user first, since loading takes seconds).
    mutating func resolveLocalModel(say: (String) -> Void) -> LocalModelUse {
        guard !endpointConfigured else { return .notNeeded }
        guard let localModel else { return .notSetUp }
        var status = localModel.status
        if case .stopped(let model) = status {
            say("starting the local model \(model) (datachat model stop ends it)")
            switch localModel.start() {
            case .success(let started): status = started
            case .failure:
                return .unavailable(
                    message: "the local model \(model) did not start: see `datachat model status` and its log")
            }
        }
        switch status {
        case .up(let url, let model):
            useLocalServer(url: url, model: model)
            return .using(model: model)
        case .notSetUp: return .notSetUp
        case .stopped(let model):
            return .unavailable(message: "the local model \(model) is not answering: datachat model start")
        case .unknown(let reason):
            return .unavailable(message: "cannot tell whether the local model is set up (\(reason))")
        }
    }

    /// The local server as the endpoint: no key, its model, no proxy (it is on loopback), and patient
    /// timeouts where the user set none.
    mutating func useLocalServer(url: String, model: String) {
        llm.baseURL = url
        llm.apiKey = nil
        llm.model = model
        llm.proxy = nil
        func patient(_ variable: String) -> Double? {
            userTimeouts.contains(variable) ? nil : Self.localModelTimeouts[variable]
        }
        if let seconds = patient("DATACHAT_LLM_FIRST_BYTE_TIMEOUT") { llm.firstByteTimeout = seconds }
        if let seconds = patient("DATACHAT_LLM_IDLE_TIMEOUT") { llm.idleTimeout = seconds }
        if let seconds = patient("DATACHAT_LLM_TIMEOUT") { llm.totalTimeout = seconds }
    }
}
