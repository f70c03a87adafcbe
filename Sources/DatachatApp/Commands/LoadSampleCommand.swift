import ArgumentParser
import Basics
import Databases

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
    }
}
