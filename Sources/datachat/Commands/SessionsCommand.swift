import ArgumentParser
import Databases
import History
import Render
import Replay

/// `datachat sessions`: what has been asked before.
struct SessionsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sessions", abstract: "List, show, search and delete saved sessions.",
        subcommands: [List.self, Show.self, Search.self, Delete.self], defaultSubcommand: List.self)

    static func openStore(_ options: GlobalOptions) throws -> HistoryStore {
        try openHistoryStore(Settings(options: options, environment: Settings.environment()))
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "The most recent sessions, newest first.")
        @OptionGroup var options: GlobalOptions
        @Option(help: "How many sessions to list.") var limit = 20

        func run() throws {
            let sessions = try SessionsCommand.openStore(options).sessions(limit: limit)
            let rows = sessions.map { session -> [DatabaseValue] in
                [
                    .text(String(session.id.prefix(8))), .text(session.updatedAt), .text(session.title),
                    .text(session.model), .text(session.dataSource),
                ]
            }
            SessionsCommand.print(
                columns: ["id", "updated", "title", "model", "database"], rows: rows, options: options)
        }
    }

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "One session's whole transcript, as saved.",
            discussion: """
                Each question, the model's words, the SQL, the saved result preview as a table, the status and
                the timings. --format json prints every field of the session and of every message; jsonl one
                message a line; csv and tsv the messages as rows of every field.
                """)
        @OptionGroup var options: GlobalOptions
        @Argument(help: "The session id, or the start of it.") var id: String

        func run() throws {
            let settings = try Settings(options: options, environment: Settings.environment())
            let session = try loadSession(id, from: try openHistoryStore(settings))
            let output = FileOutput.standardOutput()
            switch settings.format {
            case .json:
                output.write(
                    TranscriptJSON.session(session.record, messages: session.messages, confirmed: session.confirmed))
            case .jsonl:
                output.write(TranscriptJSON.messageLines(session.messages, confirmed: session.confirmed))
            case .csv, .tsv:
                ResultRenderer.render(
                    MessageFields.table(session.messages, confirmed: session.confirmed),
                    options: RenderOptions(format: settings.format), to: output)
            case .table, .expanded, .markdown:
                let terminal = Terminal.outputIsTerminal
                let writer = TranscriptWriter(
                    format: settings.format, color: terminal && settings.color,
                    terminalWidth: terminal ? Terminal.width : nil)
                writer.writeHeader(session.record, to: output)
                for turn in session.transcript { writer.write(turn, to: output) }
            }
            output.flush()
        }
    }

    struct Search: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Questions and SQL containing some text.")
        @OptionGroup var options: GlobalOptions
        @Argument(help: "The text to look for.") var text: String

        func run() throws {
            let messages = try SessionsCommand.openStore(options).search(text)
            let rows = messages.map { message -> [DatabaseValue] in
                [
                    .text(String(message.sessionID.prefix(8))), .text(message.createdAt), .text(message.role.rawValue),
                    .text(message.sql ?? message.content),
                ]
            }
            SessionsCommand.print(columns: ["session", "when", "role", "text"], rows: rows, options: options)
        }
    }

    struct Delete: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Delete a session and its messages.")
        @OptionGroup var options: GlobalOptions
        @Argument(help: "The session id, or the start of it.") var id: String

        func run() throws {
            let store = try SessionsCommand.openStore(options)
            guard let session = try store.session(id: id), try store.deleteSession(id: session.id) else {
                throw CommandFailure("no session \(id): `datachat sessions list` shows them")
            }
            StandardError.write("deleted session \(session.id)\n")
        }
    }

    static func print(columns: [String], rows: [[DatabaseValue]], options: GlobalOptions) {
        let settings = try? Settings(options: options, environment: Settings.environment())
        let format = settings?.format ?? .table
        let output = FileOutput.standardOutput()
        let terminal = Terminal.outputIsTerminal
        ResultRenderer.render(
            QueryResult(columns: columns.map { Column(name: $0) }, rows: rows),
            options: RenderOptions(
                format: format, color: terminal && settings?.color != false,
                terminalWidth: terminal ? Terminal.width : nil),
            to: output)
    }
}
