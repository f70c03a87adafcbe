/// The model on this machine that `scripts/local-model` sets up and serves (llama.cpp's llama-server
/// on 127.0.0.1), used when no endpoint is configured so a fresh machine answers with no key and no
/// data leaving it.
///
/// The script is the one place that knows the layout under `$XDG_DATA_HOME/datachat/local-model`;
/// datachat asks it (`status --porcelain`) rather than reading its files.
struct LocalModel {
    /// `scripts/local-model`, found like prompts/.
    let script: String
    /// The environment the script runs with (the process's, `.env` underneath).
    let environment: [String: String]

    enum Status: Equatable {
        /// Answering at `url` (an OpenAI-compatible API root).
        case up(url: String, model: String)
        /// Set up (a server and a model), not answering yet.
        case stopped(model: String)
        case notSetUp
        /// The script failed to say.
        case unknown(String)
    }

    /// The command that sets it up, for messages.
    static let setupCommand = "datachat model setup"

    /// Finds the script; nil when datachat was installed without it.
    static func locate(environment: [String: String]) -> LocalModel? {
        guard let folder = ResourceLocator(environment: environment).scriptsDirectory else { return nil }
        return LocalModel(script: folder + "/local-model", environment: environment)
    }

    /// Runs `local-model ARGUMENTS` with our standard streams, returning its exit code.
    func run(_ arguments: [String]) -> Int32 {
        ChildProcess.run(script, arguments, environment: environment, captureOutput: false).status
    }

    var status: Status {
        let result = ChildProcess.run(script, ["status", "--porcelain"], environment: environment, captureOutput: true)
        var fields: [String: String] = [:]
        for line in result.output.split(separator: "\n") {
            guard let equals = line.firstIndex(of: "=") else { continue }
            fields[String(line[..<equals])] = String(line[line.index(after: equals)...])
        }
        let model = fields["model"] ?? ""
        switch fields["state"] {
        case "up":
            guard let url = fields["url"], !url.isEmpty else { return .unknown("no URL in the status") }
            return .up(url: url, model: model)
        case "stopped", "starting": return .stopped(model: model)
        case "not-set-up": return .notSetUp
        default: return .unknown("\(script) status exited \(result.status)")
        }
    }

    /// Starts the server (the script waits until it answers) and returns it, or the script's exit code.
    func start() -> Result<Status, StartFailure> {
        let code = run(["start"])
        guard code == 0 else { return .failure(StartFailure(exitCode: code)) }
        let now = status
        guard case .up = now else { return .failure(StartFailure(exitCode: 1)) }
        return .success(now)
    }

    struct StartFailure: Error {
        var exitCode: Int32
    }
}
