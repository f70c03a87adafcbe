import Assistant
import Databases
import FoundationEssentials
import History
import LLM

/// The pieces of a run, opened from the settings: the history store, the assistant and the location
/// of the analysed database (connected at the first question).
final class AppContext {
    let settings: Settings
    let location: DatabaseLocation
    let history: HistoryStore
    let assistant: Assistant

    init(settings: Settings) throws(CommandFailure) {
        self.settings = settings
        let (location, defaultNotes) = try Self.resolveDatabase(settings)
        self.location = location
        history = try openHistoryStore(settings.historyURL, apartFrom: location, analysedSchemas: settings.schemas)
        history.onNotice = { StandardError.error($0) }
        guard let promptsDirectory = settings.promptsDirectory else {
            throw CommandFailure("cannot find the prompts folder: set DATACHAT_PROMPTS_DIR to datachat's prompts/")
        }
        let prompts: PromptSet
        do {
            prompts = try PromptSet.load(from: promptsDirectory)
        } catch {
            throw CommandFailure(error.message)
        }
        // A user's notes file must exist; the sample's own notes are a bonus.
        let notes =
            try settings.tableContextPath.map { path throws(CommandFailure) in
                try Self.tableNotes(path: path, settings)
            } ?? defaultNotes.flatMap { try? Self.tableNotes(path: $0, settings) }
        assistant = Assistant(
            location: location,
            connect: { [schemas = settings.schemas] in
                try DatabaseConnector.open(location, access: .readOnly, schemas: schemas)
            },
            client: ChatClient(configuration: settings.llm), history: history, prompts: prompts, tableNotes: notes,
            configuration: Self.configuration(settings), cancellation: Signals.interrupt)
        if let session = settings.sessionID {
            let resumed: SessionRecord
            do {
                resumed = try assistant.resume(sessionID: session)
            } catch {
                throw CommandFailure(error.message)
            }
            if let warning = assistant.otherDatabaseWarning(for: resumed) { StandardError.error("warning: " + warning) }
        }
    }

    /// The analysed database, connected now (replay and `export --rerun` need it before any question), or
    /// its failure as one line with exit 4.
    func analysedDatabase() throws(CommandFailure) -> any Database {
        do {
            return try assistant.database()
        } catch {
            throw CommandFailure("\(error)", exitCode: ExitStatus.databaseError)
        }
    }

    static func configuration(_ settings: Settings) -> AssistantConfiguration {
        var configuration = AssistantConfiguration(
            maxRows: settings.maxRows, statementTimeout: settings.statementTimeout, maxRepairs: settings.maxRepairs,
            execute: !settings.sqlOnly, clientVersion: Settings.version, userName: settings.userName)
        configuration.share = settings.share
        configuration.contextBudget = settings.contextBudget
        configuration.cacheDirectory = settings.cacheDirectory
        return configuration
    }

    /// The database to ask about, and the table notes that go with it when the user gave none.
    static func resolveDatabase(_ settings: Settings) throws(CommandFailure) -> (DatabaseLocation, String?) {
        if let url = settings.databaseURL {
            do {
                return (try DatabaseLocation(parsing: url), nil)
            } catch {
                throw CommandFailure(error.message)
            }
        }
        guard let sampleDirectory = settings.sampleDirectory else {
            throw CommandFailure(
                "no database given and the bundled sample is not found: set DATABASE_URL or --database-url, or DATACHAT_SAMPLE_DIR"
            )
        }
        let sample = SampleDataset(directory: sampleDirectory)
        do {
            let path = try sample.sqliteFile(cacheDirectory: settings.cacheDirectory)
            return (DatabaseLocation(sqlitePath: path), sample.tableNotesPath)
        } catch {
            throw CommandFailure("cannot build the sample database: \(error)", exitCode: ExitStatus.databaseError)
        }
    }

    static func tableNotes(path: String, _ settings: Settings) throws(CommandFailure) -> String {
        do {
            return try TableNotes.load(path: path, budgetTokens: settings.contextBudget)
        } catch {
            throw CommandFailure(error.message)
        }
    }
}
