import Databases

/// The schemas a suite made on the test PostgreSQL, each a store or database of its own, dropped with
/// everything in them when the suite is done.
public final class PostgresSchemas {
    private var names: [String] = []

    public init() {}

    deinit {
        guard !names.isEmpty, let url = TestPostgres.url,
            let admin = try? DatabaseConnector.open(DatabaseLocation(parsing: url), access: .readWrite)
        else { return }
        for name in names { try? admin.execute("DROP SCHEMA IF EXISTS \(name) CASCADE") }
    }

    /// A new, empty schema on the test server, and the URL whose search path is it.
    public func make(_ label: String) throws -> (name: String, url: String) {
        let url = try TestPostgres.requireURL()
        let name = TestPostgres.uniqueSchemaName(label)
        try DatabaseConnector.open(DatabaseLocation(parsing: url), access: .readWrite).execute("CREATE SCHEMA \(name)")
        names.append(name)
        return (name, TestPostgres.url(url, searchPath: name))
    }
}
