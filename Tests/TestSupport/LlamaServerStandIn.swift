import Foundation

/// A stand-in for llama.cpp's `llama-server`: a small executable script that takes llama-server's
/// flags and execs the built FakeLLM on the port and model name it was given, so `scripts/local-model`
/// (pointed at it by DATACHAT_LLAMA_SERVER) starts, watches and stops a real process in tests, and no
/// test needs the real model.
public struct LlamaServerStandIn: Sendable {
    /// The folder holding the stand-in, its FakeLLM script, the request log and a fake GGUF file.
    public let folder: String
    public var executable: String { folder + "/llama-server" }
    /// A file with GGUF's magic bytes: enough for `setup --gguf`, which only checks those.
    public var gguf: String { folder + "/tiny-model.gguf" }
    public var requestLog: String { folder + "/requests.log" }

    /// `script` is a FakeLLM script; `loadDelay` seconds pass before the stand-in listens, as a real
    /// server loads its model before /health answers.
    public init(folder: String, script: String, loadDelay: Double = 0) throws {
        self.folder = folder
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        try script.write(toFile: folder + "/script.json", atomically: true, encoding: .utf8)
        try Data("GGUF".utf8 + [3, 0, 0, 0] + [UInt8](repeating: 0, count: 24))
            .write(to: URL(fileURLWithPath: gguf))
        let fake = BuiltProducts.executable("FakeLLM").path
        let wrapper = """
            #!/usr/bin/env bash
            # Stands in for llama-server: reads its flags, serves FakeLLM.
            port=8080 alias=model
            while [ $# -gt 0 ]; do
              case "$1" in
                --port) port=$2; shift 2 ;;
                -a | --alias) alias=$2; shift 2 ;;
                -m | --model | --host | -c | --ctx-size | -np | --parallel | --cache-reuse | -t | --threads) shift 2 ;;
                *) shift ;;
              esac
            done
            echo "$port $alias" >>'\(folder)/starts.log'
            sleep \(loadDelay)
            exec '\(fake)' --script '\(folder)/script.json' --port "$port" --models "$alias" --log '\(requestLog)'

            """
        try wrapper.write(toFile: executable, atomically: true, encoding: .utf8)
        guard chmod(executable, 0o755) == 0 else { throw CocoaError(.fileWriteNoPermission) }
    }

    /// The environment that makes `scripts/local-model` use this stand-in and a port near `port`.
    public func environment(port: Int) -> [String: String] {
        [
            "DATACHAT_LLAMA_SERVER": executable, "DATACHAT_LOCAL_MODEL_PORT": String(port),
            "DATACHAT_SCRIPTS_DIR": Repository.scripts, "PATH": "/usr/bin:/bin",
        ]
    }
}
