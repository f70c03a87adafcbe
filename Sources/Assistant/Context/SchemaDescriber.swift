import Databases
import SQLGuard

/// Writes the schema as the compact DDL models read best: one CREATE TABLE per table, with keys and
/// references, and, as the sharing level allows, the owner's comments and what the data holds
/// (`-- values: 'pending', 'shipped'`, `-- range: 2023-01-01 .. 2024-12-31`) on the column's line.
public enum SchemaDescriber {
    /// The whole schema with comments and no statistics: what `datachat schema` shows and the
    /// fingerprint is taken of.
    public static func describe(_ schema: Schema) -> String {
        schema.tables.map { describe($0, dialect: nil) }.joined(separator: "\n\n")
    }

    /// One table. `statistics` are shown from `.values` up, comments and row estimates from `.schema`
    /// up; `columns`, when given, are the only ones shown (a table pruned to fit the budget).
    static func describe(
        _ table: Table, dialect: SQLDialect?, share: SharingLevel = .schema,
        statistics: [String: ColumnStatistics]? = nil, columns shown: Set<String>? = nil
    ) -> String {
        let showsComments = share >= .schema
        let statistics = share >= .values ? statistics : nil
        var lines: [String] = []
        if showsComments, let comment = table.comment, !comment.isEmpty { lines.append("-- \(oneLine(comment))") }
        var header =
            "CREATE \(table.kind == .table ? "TABLE" : table.kind.rawValue.uppercased()) \(name(table, dialect)) ("
        if showsComments, let rows = table.estimatedRows { header = "-- about \(rows) rows\n" + header }
        lines.append(header)
        let references = Dictionary(
            table.foreignKeys.filter { $0.columns.count == 1 }.map { ($0.columns[0], $0) },
            uniquingKeysWith: { a, _ in a })
        let columns = table.columns.filter { shown?.contains($0.name) ?? true }
        let hidden = table.columns.count - columns.count
        let primaryKey = table.columns.filter(\.isPrimaryKey).map(\.name)
        var trailing = table.foreignKeys.filter { $0.columns.count > 1 }.map { key in
            "FOREIGN KEY (\(key.columns.joined(separator: ", "))) REFERENCES \(key.referencedTable)(\(key.referencedColumns.joined(separator: ", ")))"
        }
        if primaryKey.count > 1 { trailing.insert("PRIMARY KEY (\(primaryKey.joined(separator: ", ")))", at: 0) }
        for (index, column) in columns.enumerated() {
            var line = "  \(identifier(column.name, dialect)) \(column.typeName.isEmpty ? "ANY" : column.typeName)"
            if column.isPrimaryKey && primaryKey.count == 1 {
                line += " PRIMARY KEY"
            } else if !column.isNullable || column.isPrimaryKey {
                line += " NOT NULL"
            }
            if let key = references[column.name] {
                line += " REFERENCES \(key.referencedTable)(\(key.referencedColumns.joined(separator: ", ")))"
            }
            if index < columns.count - 1 || !trailing.isEmpty { line += "," }
            var notes: [String] = []
            if showsComments, let comment = column.comment, !comment.isEmpty { notes.append(oneLine(comment)) }
            if let facts = statistics?[column.name] { notes.append(contentsOf: describe(facts)) }
            if !notes.isEmpty { line += " -- " + notes.joined(separator: "; ") }
            lines.append(line)
        }
        for (index, line) in trailing.enumerated() {
            lines.append("  " + line + (index < trailing.count - 1 ? "," : ""))
        }
        if hidden > 0 { lines.append("  -- and \(hidden) more columns, not shown") }
        lines.append(");")
        return lines.joined(separator: "\n")
    }

    /// `values: 'a', 'b'` and `range: low .. high`, as SQL literals the model can copy.
    static func describe(_ statistics: ColumnStatistics) -> [String] {
        var parts: [String] = []
        if !statistics.values.isEmpty {
            let literals = statistics.values.map { statistics.valuesAreText ? literal($0) : $0 }
            parts.append("values: " + literals.joined(separator: ", "))
        }
        if let low = statistics.minimum, let high = statistics.maximum {
            parts.append("range: \(oneLine(low)) .. \(oneLine(high))")
        }
        return parts
    }

    /// A short stable hash of the schema text, stored with each session to notice schema drift on replay,
    /// and the key of the statistics cache.
    public static func fingerprint(_ schema: Schema) -> String {
        var hash = FNV1a()
        hash.add(describe(schema))
        return hash.hexDigest
    }

    /// The table's name as a query must write it.
    static func name(_ table: Table, _ dialect: SQLDialect?) -> String {
        [table.schemaName, table.name].compactMap { $0 }.map { identifier($0, dialect) }.joined(separator: ".")
    }

    /// A name double-quoted when the dialect would otherwise fold or misread it (capitals in PostgreSQL,
    /// spaces anywhere); left bare when `dialect` is nil, as `datachat schema` has always shown them.
    static func identifier(_ name: String, _ dialect: SQLDialect?) -> String {
        guard let dialect, let first = name.unicodeScalars.first else { return name }
        func plain(_ c: Unicode.Scalar) -> Bool {
            (c >= "a" && c <= "z") || c == "_" || (dialect == .sqlite && c >= "A" && c <= "Z")
        }
        let bare = plain(first) && name.unicodeScalars.allSatisfy { plain($0) || ($0 >= "0" && $0 <= "9") }
        return bare
            ? name
            : "\"" + name.split(separator: "\"", omittingEmptySubsequences: false).joined(separator: "\"\"") + "\""
    }

    static func literal(_ text: String) -> String {
        "'" + oneLine(text).split(separator: "'", omittingEmptySubsequences: false).joined(separator: "''") + "'"
    }

    /// Text from the data on one line, so it cannot step out of its `--` comment.
    static func oneLine(_ text: String) -> String {
        guard text.contains(where: \.isNewline) else { return text }
        return text.split(whereSeparator: \.isNewline).joined(separator: " ")
    }
}
