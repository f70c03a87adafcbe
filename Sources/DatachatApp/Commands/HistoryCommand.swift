import ArgumentParser
import Databases
import History

/// `datachat history`: the history store as a whole.
struct HistoryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "history", abstract: "Work on the history store as a whole.", subcommands: [Migrate.self])

    struct Migrate: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Copy every saved session into another history store, SQLite or PostgreSQL.",
            discussion: """
                Copies every session, message and confirmed example of the history store (--history-url, or \
                DATACHAT_HISTORY_URL, or the default file) into the store at --to, creating its tables when \
                missing, in one transaction. Rows the target already holds as they are here are left alone, so \
                running it again copies nothing twice; a session continued since gets its new messages. A \
                target holding other contents under the same ids is refused and left as it was. Shows a \
                progress bar when standard error is a terminal, and the counts at the end.
                Exit codes: 0 copied (or nothing to copy), 2 a bad URL or a store a newer datachat wrote, 4 a \
                store that cannot be read or written, 8 the target holds different rows under the same ids.
                """)

        @OptionGroup(title: "History") var history: HistoryOptions
        @Option(help: ArgumentHelp("The history store to copy into.", valueName: "url")) var to: String

        func run() throws {
            let settings = try Settings(history)
            let source = try openHistoryStore(settings)
            let location: DatabaseLocation
            do {
                location = try DatabaseLocation(parsing: to)
            } catch {
                throw CommandFailure("--to: \(error)")
            }
            let target = try openHistoryStore(to, check: "--to")
            let bar = ProgressBar(enabled: StandardError.isTerminal)
            let counts: HistoryCopyCounts
            do {
                counts = try source.copy(to: target) { done, total in
                    bar.show(fraction: Double(done) / Double(max(total, 1)), label: "\(done) of \(total) messages")
                }
            } catch let conflict as HistoryCopyConflict {
                bar.clear()
                throw CommandFailure("\(location.redacted): \(conflict)", exitCode: ExitStatus.differs)
            } catch {
                bar.clear()
                throw CommandFailure("cannot copy the history: \(error)", exitCode: ExitStatus.databaseError)
            }
            bar.clear()
            StandardError.write(
                """
                copied \(counts.sessionsCopied) sessions, \(counts.messagesCopied) messages and \
                \(counts.examplesCopied) confirmed examples to \(location.redacted); already there: \
                \(counts.sessionsPresent) sessions, \(counts.messagesPresent) messages, \
                \(counts.examplesPresent) examples

                """)
        }
    }
}
