import Basics

/// The command line of FakeLLM, parsed by hand so the test server needs no package dependency.
struct Options: Sendable {
    var scriptPath: String
    var host = "127.0.0.1"
    var port = 0
    var logPath: String?
    var requireKey: String?
    /// The models the server knows; `nil` accepts any model name.
    var models: [String]?
    /// Exit when standard input reaches end of file, so a crashed parent (a test run) leaves no server behind.
    var exitOnStdinEOF = false

    static let usage = """
        usage: FakeLLM --script FILE [--port N] [--host 127.0.0.1] [--log FILE] [--require-key KEY] \
        [--models a,b,c] [--exit-on-stdin-eof]
        """

    /// Why the command line was refused: one line for stderr.
    struct UsageError: Error {
        let message: String
    }

    /// What the command line asks for: a server, or only the help text.
    enum Request {
        case serve(Options)
        case help
    }

    /// Reads `--flag value` and `--flag=value` forms; the first element (the program path) is skipped.
    static func parse(_ arguments: [String]) throws(UsageError) -> Request {
        var scriptPath: String?
        var options = Options(scriptPath: "")
        var remaining = arguments.dropFirst()[...]
        while let argument = remaining.popFirst() {
            var name = argument
            var inlineValue: String?
            if argument.hasPrefix("--"), let equals = argument.firstIndex(of: "=") {
                name = String(argument[..<equals])
                inlineValue = String(argument[argument.index(after: equals)...])
            }
            func value() throws(UsageError) -> String {
                if let inlineValue { return inlineValue }
                guard let next = remaining.popFirst() else { throw UsageError(message: "\(name) needs a value") }
                return next
            }
            switch name {
            case "-h", "--help": return .help
            case "--script": scriptPath = try value()
            case "--host": options.host = try value()
            case "--port":
                let text = try value()
                guard let port = Int(text), (0...65535).contains(port) else {
                    throw UsageError(message: "--port must be a number from 0 to 65535, not '\(text)'")
                }
                options.port = port
            case "--log": options.logPath = try value()
            case "--require-key":
                let key = try value()
                guard !key.isEmpty else { throw UsageError(message: "--require-key needs a non-empty key") }
                options.requireKey = key
            case "--models":
                let names = try value().split(separator: ",").map { $0.trimmed() }.filter { !$0.isEmpty }
                guard !names.isEmpty else { throw UsageError(message: "--models needs at least one model name") }
                options.models = names
            case "--exit-on-stdin-eof":
                guard inlineValue == nil else { throw UsageError(message: "--exit-on-stdin-eof takes no value") }
                options.exitOnStdinEOF = true
            default:
                throw UsageError(message: "unknown argument '\(argument)' (see --help)")
            }
        }
        guard let scriptPath, !scriptPath.isEmpty else {
            throw UsageError(message: "--script FILE is required (see --help)")
        }
        options.scriptPath = scriptPath
        return .serve(options)
    }
}
