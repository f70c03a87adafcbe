import ArgumentParser
import Assistant
import Basics
import FoundationEssentials
import LLM
import Render

/// `datachat prompt "question"`: exactly the messages a question would be sent with, and their token
/// count, to see what the model is shown (and what leaves the machine) before anything does. Sends
/// nothing and saves nothing.
struct PromptCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "prompt",
        abstract: "Print exactly the messages a question would be sent with, and their tokens; sends nothing.",
        discussion: """
            The environment variables of these options apply as for a question; --session (with --history-url) \
            shows a follow-up in that session.
            """)

    @Argument(help: "The question ('-' reads standard input).")
    var question: String

    @OptionGroup(title: "Database") var database: DatabaseOptions
    @OptionGroup(title: "What the model is shown") var context: ContextOptions
    @OptionGroup(title: "History") var history: HistoryOptions
    @OptionGroup(title: "Limits") var rows: RowLimitOptions

    @Option(help: ArgumentHelp("Show the prompt of a follow-up in this saved session.", valueName: "id"))
    var session: String?

    @Option(help: "Tokens the request may take (env DATACHAT_CONTEXT_BUDGET; default 6000).")
    var budget: Int?

    @Flag(help: "Print the request's messages as JSON, as they are sent, with the token count.")
    var json = false

    func validate() throws {
        if let budget, budget <= 0 { throw ValidationError("--budget must be a whole number above 0") }
    }

    func run() throws {
        var settings = try Settings(database, context, history, rows) {
            $0.session = session
        }
        if let budget { settings.contextBudget = budget }
        let text = question == "-" ? Datachat.readStandardInput() : question
        guard !text.allSatisfy(\.isWhitespace) else {
            throw CommandFailure("the question is empty: datachat prompt \"your question\"")
        }
        let context = try AppContext(settings: settings)
        let prompt: PromptContext
        var timings: [Double] = []
        do {
            // Built twice: the first includes reading the schema and its statistics (cached on disk) and
            // indexing the tables, the second is what every later question of a session costs.
            for _ in 0..<2 {
                let start = ContinuousClock.now
                _ = try context.assistant.promptContext(for: text)
                timings.append(start.duration(to: .now).milliseconds)
            }
            prompt = try context.assistant.promptContext(for: text)
        } catch {
            throw CommandFailure("cannot build the prompt: \(error)", exitCode: ExitStatus.databaseError)
        }
        let output = FileOutput.standardOutput()
        output.write(json ? Self.json(prompt, milliseconds: timings) : Self.text(prompt))
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
        /// Building the prompt the first time (schema, statistics, index) and again.
        var firstBuildMilliseconds: Double
        var buildMilliseconds: Double
    }

    static func json(_ prompt: PromptContext, milliseconds: [Double]) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.keyEncodingStrategy = .convertToSnakeCase
        let printed = Printed(
            messages: prompt.messages, estimatedTokens: prompt.estimatedTokens, budget: prompt.budget,
            shownTables: prompt.shownTables, omittedTables: prompt.omittedTables, turnsSent: prompt.turnsSent,
            turnsDropped: prompt.turnsDropped, firstBuildMilliseconds: milliseconds.first ?? 0,
            buildMilliseconds: milliseconds.last ?? 0)
        guard let data = try? encoder.encode(printed) else { return "{}\n" }
        return String(decoding: data, as: UTF8.self) + "\n"
    }
}
