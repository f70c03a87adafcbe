import Databases

/// The history store must never be the analysed database: its tables would be written into the data the
/// user asks about (which datachat promises only to read), and shown to the model with the schema, so its
/// SQL could read past questions.
extension HistoryStore {
    /// The same SQLite file by device and inode, whatever paths or links name it.
    static func refuseSameFile(_ history: DatabaseLocation, _ analysed: DatabaseLocation) throws {
        guard case .sqlite(let historyPath) = history.engine, case .sqlite(let analysedPath) = analysed.engine,
            let historyFile = FileIdentity(path: historyPath), historyFile == FileIdentity(path: analysedPath)
        else { return }
        throw sameStoreError(history, analysed, what: "file")
    }

    /// The same PostgreSQL server and database, with the schema the store writes to among those the model is
    /// shown (`analysedSchemas`, else the analysed connection's search path). A database that cannot be
    /// reached now is not judged: the first question reports it.
    static func refuseSameServerSchema(
        _ store: any Database, _ history: DatabaseLocation, _ analysed: DatabaseLocation, analysedSchemas: [String]
    ) throws {
        guard store.dialect == .postgres, analysed.dialect == .postgres,
            let reader = try? DatabaseConnector.open(analysed, access: .readOnly, schemas: analysedSchemas),
            let seen = try? ServerPlace.read(reader), let writer = try? ServerPlace.read(store),
            seen.server == writer.server, seen.database == writer.database, let schema = writer.schemas.first
        else { return }
        let shown = analysedSchemas.isEmpty ? seen.schemas : analysedSchemas
        guard shown.contains(schema) else { return }
        throw sameStoreError(history, analysed, what: "database and schema (\(schema))")
    }

    private static func sameStoreError(_ history: DatabaseLocation, _ analysed: DatabaseLocation, what: String)
        -> DatabaseError
    {
        DatabaseError(
            .invalidLocation,
            "the history store \(history.redacted) is the analysed database's own \(what): its tables would be "
                + "written into the data being asked about; point --history-url or DATACHAT_HISTORY_URL elsewhere")
    }
}

/// Where a PostgreSQL connection is: which server (its start time, unique to a running server, with its
/// port), which database (by OID) and which schemas its search path resolves to, first the one new tables go to.
struct ServerPlace: Equatable {
    var server: String
    var database: String
    var schemas: [String]

    static func read(_ database: any Database) throws -> ServerPlace {
        let row = try database.fetchAll(
            """
            SELECT pg_postmaster_start_time()::text || ' ' || coalesce(current_setting('port', true), ''),
                (SELECT oid FROM pg_database WHERE datname = current_database())::text,
                array_to_string(current_schemas(false), chr(31))
            """
        ).rows.first
        return ServerPlace(
            server: row?[0].stringValue ?? "", database: row?[1].stringValue ?? "",
            schemas: (row?[2].stringValue ?? "").split(separator: "\u{1F}").map(String.init))
    }
}
