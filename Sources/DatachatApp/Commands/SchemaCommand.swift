import ArgumentParser
import Render

/// `datachat schema`: exactly what the model is shown about the database, to check what it knows.
struct SchemaCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "schema", abstract: "Print what the model would be shown: the system prompt with schema and notes."
    )

    @OptionGroup(title: "Database") var database: DatabaseOptions
    @OptionGroup(title: "What the model is shown") var context: ContextOptions
    @OptionGroup(title: "Limits") var rows: RowLimitOptions

    @Option(help: "Also print the question as the model would receive it.")
    var question: String?

    func run() throws {
        let context = try AppContext(settings: try Settings(database, self.context, rows))
        let prompt: String
        do {
            prompt = try context.assistant.systemPrompt(for: question ?? "")
        } catch {
            throw CommandFailure("\(error)", exitCode: ExitStatus.databaseError)
        }
        let output = FileOutput.standardOutput()
        output.write(prompt)
        if !prompt.hasSuffix("\n") { output.write("\n") }
        if let question { output.write("\n--- user ---\n\(question)\n") }
        output.flush()
    }
}
