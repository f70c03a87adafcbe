import ArgumentParser
import Assistant
import FoundationEssentials
import LLM
import Render

/// `datachat prompt "question"`: exactly the messages a question would be sent with, and their token
/// count, to see what the model is shown (and what leaves the machine) before anything does. Sends
/// nothing and saves nothing.
struct PromptCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "prompt",
        abstract: "Print exactly the messages a question would be sent with, and their tokens; sends nothing.")

    @Argument(help: "The question ('-' reads standard input).")
    var question: String

    @Option(
        name: .customLong("database-url"),
        help: "The database to ask about (env DATABASE_URL; default: the bundled sample).")
    var databaseURL: String?

    @Option(
        name: .customLong("schema"),
        help: "PostgreSQL schemas the model is shown, comma-separated (env DATACHAT_SCHEMA; default: the search path).")
    var schema: String?

    @Option(
        name: .customLong("table-context"),
        help: "A file of business notes on tables and columns (env DATACHAT_TABLE_CONTEXT).")
    var tableContext: String?

    @Option(help: "What may leave the machine: none, schema, values or rows (env DATACHAT_SHARE; default values).")
    var share: String?

    @Option(help: "Tokens the request may take (env DATACHAT_CONTEXT_BUDGET; default 6000).")
    var budget: Int?

    @Option(help: "Build the prompt as a follow-up in this saved session (see `datachat sessions list`).")
    var session: String?

    @Option(name: .customLong("history-url"), help: "Where sessions are saved (env DATACHAT_HISTORY_URL).")
    var historyURL: String?

    @Option(name: .customLong("max-rows"), help: "The row cap the rules name (env DATACHAT_MAX_ROWS; default 1000).")
    var maxRows: Int?

    @Flag(help: "Print the request's messages as JSON, as they are sent, with the token count.")
    var json = false

    func validate() throws {
        if let budget, budget <= 0 { throw ValidationError("--budget must be a whole number above 0") }
    }

    func run() throws {
        var options = try GlobalOptions.parse([])
        options.databaseURL = databaseURL
        options.schema = schema
        options.tableContext = tableContext
        options.share = share
        options.session = session
        options.historyURL = historyURL
        options.maxRows = maxRows
        var settings = try Settings(options: options, environment: Settings.environment())
        if let budget { settings.contextBudget = budget }
        let text = question == "-" ? Datachat.readStandardInput() : question
        guard !text.allSatisfy(\.isWhitespace) else {
            throw CommandFailure("the question is empty: datachat prompt \"your question\"")
        }
        let context = try AppContext(settings: settings)
        let prompt: PromptContext
        do {
            prompt = try context.assistant.promptContext(for: text)
        } catch {
            throw CommandFailure("cannot build the prompt: \(error)", exitCode: ExitStatus.databaseError)
        }
        let output = FileOutput.standardOutput()
        output.write(json ? Self.json(prompt) : Self.text(prompt))
        output.flush()
    }

    /// Each message under a `--- role (N tokens) ---` line, then a summary line.
    static func text(_ prompt: PromptContext) -> String {
        var text = ""
        for message in prompt.messages {
            text += "--- \(message.role.rawValue) (\(TokenEstimate.count([message])) tokens) ---\n"
            text += message.content + (message.content.hasSuffix("\n") ? "" : "\n")
        }
        let shown = prompt.shownTables.count
        text +=
            "--- \(prompt.messages.count) messages, \(prompt.estimatedTokens) tokens (estimated; budget \(prompt.budget)); "
            + "tables shown \(shown) of \(shown + prompt.omittedTables.count); "
            + "earlier turns \(prompt.turnsSent)\(prompt.turnsDropped > 0 ? ", \(prompt.turnsDropped) dropped" : "") ---\n"
        return text
    }

    private struct Printed: Encodable {
        var messages: [ChatMessage]
        var estimatedTokens: Int
        var budget: Int
        var shownTables: [String]
        var omittedTables: [String]
        var turnsSent: Int
        var turnsDropped: Int
    }

    static func json(_ prompt: PromptContext) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.keyEncodingStrategy = .convertToSnakeCase
        let printed = Printed(
            messages: prompt.messages, estimatedTokens: prompt.estimatedTokens, budget: prompt.budget,
            shownTables: prompt.shownTables, omittedTables: prompt.omittedTables, turnsSent: prompt.turnsSent,
            turnsDropped: prompt.turnsDropped)
        guard let data = try? encoder.encode(printed) else { return "{}\n" }
        return String(decoding: data, as: UTF8.self) + "\n"
    }
}
