import ArgumentParser

/// The options every way into datachat shares.
struct GlobalOptions: ParsableArguments {
    @Option(
        name: .customLong("database-url"),
        help: "The database to ask about (env DATABASE_URL; default: the bundled sample).")
    var databaseURL: String?

    @Option(name: .customLong("history-url"), help: "Where sessions are saved (env DATACHAT_HISTORY_URL).")
    var historyURL: String?

    @Option(name: .customLong("base-url"), help: "The OpenAI-compatible API root (env OPENAI_BASE_URL).")
    var baseURL: String?

    @Option(help: "The model to ask (env DATACHAT_MODEL).")
    var model: String?

    @Option(help: "table, expanded, csv, tsv, json, jsonl or markdown (env DATACHAT_FORMAT).")
    var format: String?

    @Flag(name: .customLong("show-sql"), help: "Print the SQL (to standard error) before the result.")
    var showSQL = false

    @Flag(name: .customLong("sql-only"), help: "Print the SQL and do not run it.")
    var sqlOnly = false

    @Option(name: .customLong("max-rows"), help: "Rows fetched at most (env DATACHAT_MAX_ROWS; default 1000).")
    var maxRows: Int?

    @Option(help: "Seconds a query may run (env DATACHAT_TIMEOUT; default 30).")
    var timeout: Int?

    @Option(help: "Continue a saved session: its id, or last for the most recent on this database (-c).")
    var session: String?

    @Option(
        name: .customLong("schema"),
        help: "PostgreSQL schemas the model is shown, comma-separated (env DATACHAT_SCHEMA; default: the search path).")
    var schema: String?

    @Option(
        name: .customLong("table-context"),
        help: "A file of business notes on tables and columns (env DATACHAT_TABLE_CONTEXT).")
    var tableContext: String?

    @Option(
        help:
            "What may leave the machine: none, schema, values or rows (env DATACHAT_SHARE; default values; docs/SHARING.md)."
    )
    var share: String?
}
