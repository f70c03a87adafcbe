import ArgumentParser
import Assistant
import Basics
import Databases
import FoundationEssentials

/// `datachat load-sample URL`: the bundled dataset into any supported database, so a team can try
/// datachat on its own PostgreSQL (or a SQLite file) with data the prompts and tests know.
struct LoadSampleCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "load-sample",
        abstract: "Create the sample tables and load the bundled data into a database, in one transaction.",
        discussion: """
            URL is a postgresql:// URL or libpq conninfo (tables go to the first schema of the search path), or a \
            SQLite path (created if missing). Tables of the same names are never overwritten unless --replace is given.
            """)

    @Argument(help: "The database to load into (postgresql://user@host/db, host=... dbname=..., or file.db).")
    var url: String

    @Flag(help: "Drop the sample's tables first when they already exist.")
    var replace = false

    func run() throws {
        let resources = ResourceLocator(environment: Settings.environment().values)
        guard let directory = resources.sampleDirectory else {
            throw CommandFailure(
                "cannot find the bundled sample data: set DATACHAT_SAMPLE_DIR to datachat's sample-data/")
        }
        let location: DatabaseLocation
        do {
            location = try DatabaseLocation(parsing: url)
        } catch {
            throw CommandFailure(error.message)
        }
        let sample = SampleDataset(directory: directory)
        let clock = ContinuousClock()
        let start = clock.now
        let bar = ProgressBar(enabled: StandardError.isTerminal)
        var rows = 0
        var tables: Set<String> = []
        do {
            let database = try DatabaseConnector.open(location, access: .readWrite)
            let existing = try sample.existingTables(in: database)
            if !existing.isEmpty, !replace {
                throw CommandFailure(
                    "\(location.redacted) already has \(existing.joined(separator: ", ")): pass --replace to drop and "
                        + "reload them")
            }
            var finished: [String: Int] = [:]
            try sample.load(into: database, replace: replace) { progress in
                finished[progress.table] = progress.rows
                bar.show(
                    fraction: Double(progress.bytesRead) / Double(max(progress.totalBytes, 1)), label: progress.table)
            }
            rows = finished.values.reduce(0, +)
            tables = Set(finished.keys)
            if database.dialect == .postgres { try Self.comment(database, notesPath: sample.tableNotesPath) }
        } catch let error as DatabaseError {
            bar.clear()
            throw CommandFailure(
                "cannot load the sample into \(location.redacted): \(error.message)", exitCode: ExitStatus.databaseError
            )
        } catch {
            bar.clear()
            throw error
        }
        bar.clear()
        let elapsed = start.duration(to: clock.now).seconds
        StandardError.write(
            "loaded \(rows) rows into \(tables.count) tables of \(location.redacted) in "
                + "\((elapsed * 10).rounded() / 10) s\n")
        // The conventions (what revenue means, when an order is late) are in no table's comment.
        let kept = location.dialect == .postgres ? "the tables' and columns' notes are kept as comments; " : ""
        StandardError.write(
            "table notes: \(kept)for all of them (definitions included) use --table-context \(sample.tableNotesPath) "
                + "or DATACHAT_TABLE_CONTEXT\n")
    }

    /// Writes the sample's notes on its tables and columns as `COMMENT ON`, so the database describes itself.
    /// COMMENT takes no bind parameters: the server's own `format` quotes the names and the text.
    static func comment(_ database: any Database, notesPath: String) throws {
        guard let text = try? String(contentsOfFile: notesPath, encoding: .utf8) else { return }
        let schema = try database.schema()
        let columns = Dictionary(
            schema.tables.map { ($0.name, $0.columns.map(\.name)) }, uniquingKeysWith: { first, _ in first })
        let notes = TableNotes(text, tables: Array(columns.keys))
        try database.transaction {
            for note in notes.comments(columns: columns) {
                let statement =
                    note.column == nil
                    ? try database.fetchAll(
                        "SELECT format('COMMENT ON TABLE %I IS %L', $1::text, $2::text)",
                        parameters: [.text(note.table), .text(note.text)])
                    : try database.fetchAll(
                        "SELECT format('COMMENT ON COLUMN %I.%I IS %L', $1::text, $2::text, $3::text)",
                        parameters: [.text(note.table), .text(note.column ?? ""), .text(note.text)])
                if let sql = statement.rows.first?.first?.stringValue { try database.execute(sql) }
            }
        }
    }
}
