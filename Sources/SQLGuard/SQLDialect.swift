/// The SQL dialects datachat reads and checks; each engine speaks one.
public enum SQLDialect: String, Sendable, Hashable, CaseIterable, Codable {
    case sqlite
    case postgres

    /// The name the model is told it writes for, in the system prompt.
    public var displayName: String {
        switch self {
        case .sqlite: "SQLite"
        case .postgres: "PostgreSQL"
        }
    }
}
