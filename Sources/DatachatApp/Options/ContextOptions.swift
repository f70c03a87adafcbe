import ArgumentParser
import Assistant

/// What the model is shown about the database: the schemas, the table notes, and how much of the data.
struct ContextOptions: ParsableArguments, SettingsFlags {
    @Option(
        name: .customLong("schema"),
        help: ArgumentHelp(
            "PostgreSQL schemas the model is shown, comma-separated (env DATACHAT_SCHEMA; default: the search path).",
            valueName: "names"))
    var schema: String?

    @Option(
        name: .customLong("table-context"),
        help: ArgumentHelp(
            "A file of business notes on tables and columns (env DATACHAT_TABLE_CONTEXT).", valueName: "file"))
    var tableContext: String?

    @Option(
        help: ArgumentHelp(
            "What may leave the machine (env DATACHAT_SHARE; default values; docs/SHARING.md).", valueName: "level"))
    var share: SharingLevel?

    func apply(to flags: inout Settings.Flags) {
        flags.schema = schema
        flags.tableContext = tableContext
        flags.share = share
    }
}

extension SharingLevel: ExpressibleByArgument {}
