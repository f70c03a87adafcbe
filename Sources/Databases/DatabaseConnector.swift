/// Opens a connection for a location, whichever engine it names.
public enum DatabaseConnector {
    /// Opens `location`; analysed data is always opened `.readOnly`.
    public static func open(_ location: DatabaseLocation, access: AccessMode) throws -> any Database {
        switch location.engine {
        case .sqlite(let path):
            return try SQLiteDatabase(path: path, access: access)
        case .postgres:
            throw DatabaseError(
                .invalidLocation,
                "PostgreSQL is not supported by this build yet: use a SQLite database (sqlite:///path.db)")
        }
    }
}
