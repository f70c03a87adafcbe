/// Schema introspection through SQLite's table-valued pragma functions, which read-only connections allow.
///
/// https://www.sqlite.org/pragma.html#pragfunc
extension SQLiteDatabase {
    public func schema() throws -> Schema {
        let objects = try fetchAll(
            """
            SELECT name, type FROM sqlite_schema
            WHERE type IN ('table', 'view') AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\'
            ORDER BY name
            """)
        let statistics = try rowEstimates()
        var tables: [Table] = []
        for object in objects.rows {
            guard let name = object[0].stringValue else { continue }
            let kind: Table.Kind = object[1].stringValue == "view" ? .view : .table
            let columns = try fetchAll(
                "SELECT name, type, \"notnull\", pk FROM pragma_table_info($1)", parameters: [.text(name)]
            ).rows.map { row in
                TableColumn(
                    name: row[0].stringValue ?? "", typeName: row[1].stringValue ?? "",
                    isNullable: row[2].intValue == 0, isPrimaryKey: (row[3].intValue ?? 0) > 0)
            }
            var foreignKeys: [Int: ForeignKey] = [:]
            for row in try fetchAll(
                "SELECT id, \"table\", \"from\", \"to\" FROM pragma_foreign_key_list($1) ORDER BY id, seq",
                parameters: [.text(name)]
            ).rows {
                let id = row[0].intValue ?? 0
                let target = row[1].stringValue ?? ""
                var key = foreignKeys[id] ?? ForeignKey(columns: [], referencedTable: target, referencedColumns: [])
                key.columns.append(row[2].stringValue ?? "")
                key.referencedColumns.append(row[3].stringValue ?? "")
                foreignKeys[id] = key
            }
            tables.append(
                Table(
                    name: name, kind: kind, columns: columns,
                    foreignKeys: foreignKeys.keys.sorted().compactMap { foreignKeys[$0] },
                    estimatedRows: statistics[name]))
        }
        return Schema(tables: tables)
    }

    /// Row counts from `sqlite_stat1` when ANALYZE has been run; SQLite keeps no cheaper estimate.
    private func rowEstimates() throws -> [String: Int] {
        let exists = try fetchAll("SELECT 1 FROM sqlite_schema WHERE name = 'sqlite_stat1'").rows.isEmpty == false
        guard exists else { return [:] }
        var estimates: [String: Int] = [:]
        for row in try fetchAll("SELECT tbl, stat FROM sqlite_stat1").rows {
            guard let table = row[0].stringValue, let stat = row[1].stringValue,
                let count = stat.split(separator: " ").first.flatMap({ Int($0) })
            else { continue }
            estimates[table] = max(estimates[table] ?? 0, count)
        }
        return estimates
    }
}
