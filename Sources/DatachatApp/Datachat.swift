import ArgumentParser

#if canImport(Glibc)
    import Glibc
#endif

/// The command line: `ask` (a question, or a session when there is none) by default, and the rest as
/// subcommands, each taking only the option groups it uses.
struct Datachat: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "datachat",
        abstract: "Ask a database questions in plain language.",
        discussion: """
            With no question, opens an interactive session on $DATABASE_URL (default: the bundled sample); \
            `datachat "question"` or `datachat -q "question"` answers one and exits (see `datachat ask --help`). \
            OPENAI_API_KEY carries the key; a .env file in the working directory is read too.

            Exit codes: 0 answered, 2 usage or configuration, 3 SQL rejected, 4 database error, 5 endpoint error, \
            6 the model answered in words, 130 interrupted.
            """,
        version: Settings.version,
        subcommands: [
            AskCommand.self, SessionsCommand.self, SchemaCommand.self, PromptCommand.self, SQLCommand.self,
            DoctorCommand.self, LoadSampleCommand.self, ModelCommand.self,
        ],
        defaultSubcommand: AskCommand.self)

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
        let code: Int32
        do {
            var command = try Datachat.parseAsRoot(Array(CommandLine.arguments.dropFirst()))
            try command.run()
            code = 0
        } catch let failure as CommandFailure {
            StandardError.error(failure.message)
            code = failure.exitCode
        } catch let exit as ExitCode {
            code = exit.rawValue
        } catch {
            let status = Datachat.exitCode(for: error)
            let message = Datachat.fullMessage(for: error)
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
