import ArgumentParser
import Databases
import History
import Render

/// `datachat sessions`: what has been asked before.
struct SessionsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sessions", abstract: "List, show, search and delete saved sessions.",
        subcommands: [List.self, Show.self, Search.self, Delete.self], defaultSubcommand: List.self)

    static func openStore(_ options: GlobalOptions) throws -> HistoryStore {
        let settings = try Settings(options: options, environment: Settings.environment())
        do {
            return try HistoryStore.open(DatabaseLocation(parsing: settings.historyURL))
        } catch {
            throw CommandFailure(
                "\(error): check --history-url or DATACHAT_HISTORY_URL", exitCode: ExitStatus.databaseError)
        }
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
        static let configuration = CommandConfiguration(abstract: "Every turn of one session.")
        @OptionGroup var options: GlobalOptions
        @Argument(help: "The session id, or the start of it.") var id: String

        func run() throws {
            let store = try SessionsCommand.openStore(options)
            guard let session = try store.session(id: id) else {
                throw CommandFailure("no session \(id): `datachat sessions list` shows them")
            }
            let output = FileOutput.standardOutput()
            output.write("session \(session.id) · \(session.createdAt) · \(session.model) · \(session.dataSource)\n")
            let confirmed = try store.confirmedMessageIDs(sessionID: session.id)
            for message in try store.messages(sessionID: session.id) {
                switch message.role {
                case .user:
                    output.write("\n> \(message.content)\n")
                case .assistant:
                    if let sql = message.sql {
                        output.write("\n\(sql)\n")
                    } else if !message.content.isEmpty {
                        // An answer in words only: an \explain, or a reply without SQL.
                        output.write("\n\(message.content)\n")
                        if message.status == .ok { continue }
                    }
                    if message.status == .ok {
                        output.write("-- \(message.rowCount ?? 0) rows in \(Int(message.totalMilliseconds ?? 0)) ms\n")
                        if confirmed.contains(message.id) { output.write("-- confirmed as right (\\good)\n") }
                    } else {
                        output.write("-- \(message.status.rawValue): \(message.error ?? "")\n")
                    }
                }
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
