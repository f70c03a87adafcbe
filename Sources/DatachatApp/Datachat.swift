import ArgumentParser

/// The command line: `ask` (a question, or a session when there is none) by default, and the rest as
/// subcommands, each taking only the option groups it uses.
public struct Datachat: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "datachat",
        abstract: "Ask a database questions in plain language.",
        discussion: """
            With no question, opens an interactive session on $DATABASE_URL (default: the bundled sample); \
            `datachat "question"` or `datachat -q "question"` answers one and exits (see `datachat ask --help`). \
            OPENAI_API_KEY carries the key; a .env file in the working directory is read too.

            Exit codes: 0 answered, 2 usage or configuration, 3 SQL rejected, 4 database error, 5 endpoint error, \
            6 the model answered in words, 7 the turn was not saved, 8 replay (or history migrate) found a difference, 130 interrupted.
            """,
        version: Settings.version,
        subcommands: [
            AskCommand.self, SessionsCommand.self, SchemaCommand.self, PromptCommand.self, SQLCommand.self,
            DoctorCommand.self, LoadSampleCommand.self, ModelCommand.self, ReplayCommand.self, ExportCommand.self,
            StatsCommand.self, HistoryCommand.self,
        ],
        defaultSubcommand: AskCommand.self)

    public init() {}

    static func readStandardInput() -> String {
        var lines: [String] = []
        while let line = readLine(strippingNewline: false) { lines.append(line) }
        return lines.joined()
    }
}

extension Datachat {
    /// Runs the command line `arguments` (without the program's name) and returns the exit code of the
    /// contract, every failure said in one line on standard error. The `datachat` executable is this call.
    public static func exitCode(running arguments: [String]) -> Int32 {
        do {
            var command = try parseAsRoot(arguments)
            try command.run()
            return ExitStatus.answered
        } catch let failure as CommandFailure {
            StandardError.error(failure.message)
            return failure.exitCode
        } catch let exit as ExitCode {
            return exit.rawValue
        } catch {
            let status = exitCode(for: error)
            let message = fullMessage(for: error)
            if status == .success {
                print(message)
                return ExitStatus.answered
            }
            StandardError.write(message + "\n")
            // ArgumentParser's own usage errors exit 64; the contract says 2.
            return status.rawValue == 64 ? ExitStatus.usage : status.rawValue
        }
    }
}
