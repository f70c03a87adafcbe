import Databases
import TestSupport

/// A schema of its own on the test server, dropped when the fixture goes: what each PostgreSQL test reads.
final class PostgresFixture {
    let schema: String
    let baseURL: String
    /// Reads and writes the schema (it is the first on its search path).
    let admin: PostgresDatabase

    init(_ label: String) throws {
        baseURL = try TestPostgres.requireURL()
        schema = TestPostgres.uniqueSchemaName(label)
        admin = try PostgresDatabase(location: DatabaseLocation(parsing: baseURL), access: .readWrite)
        try admin.execute("CREATE SCHEMA \(schema)")
        try admin.execute("SET search_path = \(schema)")
    }

    deinit {
        try? admin.execute("DROP SCHEMA IF EXISTS \(schema) CASCADE")
    }

    /// The location whose search path is this schema.
    var location: DatabaseLocation {
        get throws { try DatabaseLocation(parsing: TestPostgres.url(baseURL, searchPath: schema)) }
    }

    func reader() throws -> PostgresDatabase {
        try PostgresDatabase(location: location, access: .readOnly)
    }

    func writer() throws -> PostgresDatabase {
        try PostgresDatabase(location: location, access: .readWrite)
    }
}
