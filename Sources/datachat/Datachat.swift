import ArgumentParser

#if canImport(Glibc)
    import Glibc
#endif

/// The command line: an interactive session by default, `-q` for one question, subcommands for the rest.
struct Datachat: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "datachat",
        abstract: "Ask a database questions in plain language.",
        discussion: """
            With no question, opens an interactive session on $DATABASE_URL (default: the bundled sample).
            OPENAI_API_KEY carries the key; a .env file in the working directory is read too.
            Exit codes: 0 answered, 2 usage or configuration, 3 SQL rejected, 4 database error, 5 endpoint error,
            6 no SQL in the answer, 7 the turn was not saved, 130 interrupted.
            """,
        version: Settings.version,
        subcommands: [
            SessionsCommand.self, SchemaCommand.self, PromptCommand.self, SQLCommand.self, DoctorCommand.self,
            LoadSampleCommand.self, ModelCommand.self,
        ])

    @OptionGroup var options: GlobalOptions

    @Option(
        name: [.short, .customLong("query")],
        help: "Answer one question, print the result and exit ('-' reads standard input).")
    var query: String?

    @Flag(help: "In a session, show each query and ask before running it (\\confirm switches it).")
    var confirm = false

    @Flag(
        help: "With -q: keep the answer, once it ran, as an example for similar questions later (\\good in a session).")
    var remember = false

    func validate() throws {
        if remember, query == nil {
            throw ValidationError("--remember goes with -q; in a session, \\good marks the last answer")
        }
        if remember, options.sqlOnly {
            throw ValidationError("--remember keeps answers that ran: it cannot go with --sql-only")
        }
    }

    mutating func run() throws {
        var settings = try Settings(options: options, environment: Settings.environment())
        for warning in settings.warnings { StandardError.error("warning: " + warning) }
        Interrupt.install()
        if let query {
            let question = query == "-" ? Self.readStandardInput() : query
            guard !question.allSatisfy(\.isWhitespace) else {
                throw CommandFailure("the question is empty: datachat -q \"your question\"")
            }
            if case .unavailable(let message) = Self.useLocalModel(&settings) {
                throw CommandFailure(message, exitCode: ExitStatus.endpointError)
            }
            let context = try AppContext(settings: settings)
            throw ExitCode(OneShot(context: context, remember: remember).run(question))
        }
        if case .unavailable(let message) = Self.useLocalModel(&settings) {
            StandardError.error(message + "; \\sql works meanwhile")
        }
        let context = try AppContext(settings: settings)
        throw ExitCode(InteractiveSession(context: context, confirm: confirm).run())
    }

    /// The local model when no endpoint is configured, said in one line when it is used.
    static func useLocalModel(_ settings: inout Settings) -> Settings.LocalModelUse {
        let use = settings.resolveLocalModel(say: { StandardError.write($0 + "\n") })
        if case .using(let model) = use { StandardError.write(Settings.localModelLine(model) + "\n") }
        return use
    }

    static func readStandardInput() -> String {
        var lines: [String] = []
        while let line = readLine(strippingNewline: false) { lines.append(line) }
        return lines.joined()
    }
}

/// Runs the command and turns every failure into one line on standard error and the contract's exit code.
@main
enum Main {
    static func main() {
        let arguments = Array(CommandLine.arguments.dropFirst())
        let root: any ParsableCommand.Type = arguments.first == "model" ? ModelCommand.self : Datachat.self
        let code: Int32
        do {
            var command =
                root == ModelCommand.self
                ? try ModelCommand.parseAsRoot(Array(arguments.dropFirst())) : try Datachat.parseAsRoot(arguments)
            try command.run()
            code = 0
        } catch let failure as CommandFailure {
            StandardError.error(failure.message)
            code = failure.exitCode
        } catch let exit as ExitCode {
            code = exit.rawValue
        } catch {
            let status = root.exitCode(for: error)
            let message = root.fullMessage(for: error)
            if status == .success {
                print(message)
                code = 0
            } else {
                StandardError.write(message + "\n")
                // ArgumentParser's own usage errors exit 64; the contract says 2.
                code = status.rawValue == 64 ? ExitStatus.usage : status.rawValue
            }
        }
        exit(code)
    }
}
