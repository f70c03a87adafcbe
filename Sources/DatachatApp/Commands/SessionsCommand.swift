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

    /// The settings of a `sessions` command, resolved once: the store's URL and, for listings, the format.
    static func settings(_ history: HistoryOptions, _ output: OutputOptions? = nil) throws -> Settings {
        return try Settings(history, output)
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "The most recent sessions, newest first.")
        @OptionGroup(title: "History") var history: HistoryOptions
        @OptionGroup(title: "Output") var output: OutputOptions
        @Option(help: "How many sessions to list.") var limit = 20

        func validate() throws {
            if limit <= 0 { throw ValidationError("--limit must be a whole number above 0") }
        }

        func run() throws {
            let settings = try SessionsCommand.settings(history, output)
            let sessions = try openHistoryStore(settings).sessions(limit: limit)
            let rows = sessions.map { session -> [DatabaseValue] in
                [
                    .text(String(session.id.prefix(8))), .text(session.updatedAt), .text(session.title),
                    .text(session.model), .text(session.dataSource),
                ]
            }
            SessionsCommand.print(
                columns: ["id", "updated", "title", "model", "database"], rows: rows, settings: settings)
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
        @OptionGroup(title: "History") var history: HistoryOptions
        @OptionGroup(title: "Output") var output: OutputOptions
        @Argument(help: "The session id, the start of it, or last for the newest.") var id: String

        func run() throws {
            let settings = try SessionsCommand.settings(history, output)
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
        static let configuration = CommandConfiguration(
            abstract: "Questions, answers and SQL holding some words, best match first.",
            discussion: """
                Every word must appear in the message (its question, the model's words or its SQL), as a word \
                or the start of one: `order` finds `orders`; case, punctuation and word order do not matter. \
                Each row shows the session, the message's place in it (`datachat sessions show` shows the \
                whole), and the words around the match on one line.
                """)
        @OptionGroup(title: "History") var history: HistoryOptions
        @OptionGroup(title: "Output") var output: OutputOptions
        @Option(help: "How many messages to show at most.") var limit = 50
        @Argument(help: "The words to look for.") var text: String

        func validate() throws {
            if limit <= 0 { throw ValidationError("--limit must be a whole number above 0") }
            if HistoryStore.searchWords(text).isEmpty {
                throw ValidationError("\"\(text)\" has no word to look for (letters or digits)")
            }
        }

        func run() throws {
            let settings = try SessionsCommand.settings(history, output)
            let hits: [SearchHit]
            do {
                hits = try openHistoryStore(settings).search(text, limit: limit)
            } catch let failure as CommandFailure {
                throw failure
            } catch {
                throw CommandFailure("cannot search the history store: \(error)", exitCode: ExitStatus.databaseError)
            }
            let rows = hits.map { hit -> [DatabaseValue] in
                [
                    .text(String(hit.sessionID.prefix(8))), .integer(Int64(hit.seq)), .text(hit.createdAt),
                    .text(hit.role.rawValue), .text(hit.snippet),
                ]
            }
            SessionsCommand.print(
                columns: ["session", "seq", "when", "role", "match"], rows: rows, settings: settings)
        }
    }

    struct Delete: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Delete a session and its messages.")
        @OptionGroup(title: "History") var history: HistoryOptions
        @Argument(help: "The session id, or the start of it.") var id: String

        func run() throws {
            let store = try openHistoryStore(SessionsCommand.settings(history))
            let session = try SessionsCommand.find(id, in: store)
            guard try store.deleteSession(id: session.id) else {
                throw CommandFailure("no session \(id): `datachat sessions list` shows them")
            }
            StandardError.write("deleted session \(session.id)\n")
        }
    }

    /// The session an id names; none, or several, is a usage error that says which.
    static func find(_ id: String, in store: HistoryStore) throws -> SessionRecord {
        do {
            return try store.session(named: id)
        } catch let error as SessionLookupError {
            throw CommandFailure(error.description)
        } catch {
            throw CommandFailure(
                "cannot read the history store: \(error)", exitCode: ExitStatus.databaseError)
        }
    }

    static func print(columns: [String], rows: [[DatabaseValue]], settings: Settings) {
        let output = FileOutput.standardOutput()
        let terminal = Terminal.outputIsTerminal
        ResultRenderer.render(
            QueryResult(columns: columns.map { Column(name: $0) }, rows: rows),
            options: RenderOptions(
                format: settings.format, color: terminal && settings.color,
                terminalWidth: terminal ? Terminal.width : nil),
            to: output)
    }
}
