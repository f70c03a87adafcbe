import Databases

/// Writes the schema as the compact DDL models read best: one CREATE TABLE per table, with keys,
/// references and the owner's comments, but none of the storage detail.
public enum SchemaDescriber {
    public static func describe(_ schema: Schema) -> String {
        schema.tables.map(describe).joined(separator: "\n\n")
    }

    static func describe(_ table: Table) -> String {
        var lines: [String] = []
        if let comment = table.comment, !comment.isEmpty { lines.append("-- \(comment)") }
        var header =
            "CREATE \(table.kind == .table ? "TABLE" : table.kind.rawValue.uppercased()) \(table.qualifiedName) ("
        if let rows = table.estimatedRows { header = "-- about \(rows) rows\n" + header }
        lines.append(header)
        let references = Dictionary(
            table.foreignKeys.filter { $0.columns.count == 1 }.map { ($0.columns[0], $0) },
            uniquingKeysWith: { a, _ in a })
        for (index, column) in table.columns.enumerated() {
            var line = "  \(column.name) \(column.typeName.isEmpty ? "ANY" : column.typeName)"
            if column.isPrimaryKey { line += " PRIMARY KEY" } else if !column.isNullable { line += " NOT NULL" }
            if let key = references[column.name] {
                line += " REFERENCES \(key.referencedTable)(\(key.referencedColumns.joined(separator: ", ")))"
            }
            if index < table.columns.count - 1 { line += "," }
            if let comment = column.comment, !comment.isEmpty { line += " -- \(comment)" }
            lines.append(line)
        }
        for key in table.foreignKeys where key.columns.count > 1 {
            lines[lines.count - 1] += ","
            lines.append(
                "  FOREIGN KEY (\(key.columns.joined(separator: ", "))) REFERENCES \(key.referencedTable)(\(key.referencedColumns.joined(separator: ", ")))"
            )
        }
        lines.append(");")
        return lines.joined(separator: "\n")
    }

    /// A short stable hash of the schema text, stored with each session to notice schema drift on replay.
    public static func fingerprint(_ schema: Schema) -> String {
        var hash = FNV1a()
        hash.add(describe(schema))
        return hash.hexDigest
    }
}
