import SQLGuard

/// What statistics a column can have, judged from its declared type in the engine's own words.
enum ColumnKind {
    /// Integers and decimals: a range.
    case numeric
    /// Dates, times and timestamps: a range.
    case temporal
    /// Text, and PostgreSQL enums and other types read as text: a few values, or a range when the text
    /// turns out to hold dates (SQLite keeps timestamps as text).
    case text
    /// Booleans, blobs, JSON, arrays, geometry: nothing worth the query.
    case other

    init(typeName: String, dialect: SQLDialect) {
        let type = typeName.lowercased()
        func has(_ parts: String...) -> Bool { parts.contains { type.contains($0) } }
        switch dialect {
        case .sqlite:
            // SQLite's affinity rules (https://www.sqlite.org/datatype3.html#determination_of_column_affinity),
            // with DATE and TIME picked out first since such columns hold text or numbers by convention.
            if has("date", "time") {
                self = .temporal
            } else if has("int") {
                self = .numeric
            } else if has("char", "clob", "text") {
                self = .text
            } else if has("blob") || type.isEmpty {
                self = .other
            } else if has("real", "floa", "doub", "num", "dec") {
                self = .numeric
            } else {
                self = .other
            }
        case .postgres:
            if has("[]", "json", "bool", "bytea", "xml", "tsvector", "uuid", "interval", "point", "inet", "range") {
                self = .other
            } else if has("timestamp", "date", "time") {
                self = .temporal
            } else if has("int", "numeric", "decimal", "real", "double", "money", "serial") {
                self = .numeric
            } else {
                // text, varchar, char, citext and user-defined types such as enums: all read as text.
                self = .text
            }
        }
    }
}
