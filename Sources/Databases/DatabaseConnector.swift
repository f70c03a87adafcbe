/// Opens a connection for a location, whichever engine it names.
public enum DatabaseConnector {
    /// Opens `location`; analysed data is always opened `.readOnly`.
    ///
    /// `schemas` narrows what PostgreSQL's `schema()` describes (default: the schemas on the search path);
    /// SQLite has one namespace and ignores it.
    public static func open(
        _ location: DatabaseLocation, access: AccessMode, schemas: [String] = []
    ) throws -> any Database {
        switch location.engine {
        case .sqlite(let path):
            return try SQLiteDatabase(path: path, access: access)
        case .postgres:
            return try PostgresDatabase(location: location, access: access, schemas: schemas)
        }
    }
}
