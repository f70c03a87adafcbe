import CPQ

/// Schema introspection from the system catalogues: three queries in one read-only snapshot, whatever
/// the number of tables (relations; columns; primary and foreign keys).
///
/// https://www.postgresql.org/docs/15/catalogs.html
extension PostgresDatabase {
    /// The relations a question may be about: tables, partitioned tables (not their partitions), views,
    /// materialized views and foreign tables, in the wanted schemas, that the user may read.
    static let relationsCTE = """
        WITH wanted AS (
            SELECT s.name, s.position
            FROM unnest(coalesce($1::text[], current_schemas(false)::text[])) WITH ORDINALITY AS s(name, position)
        ), relations AS (
            SELECT c.oid, n.nspname, c.relname, c.relkind, c.reltuples, w.position
            FROM pg_catalog.pg_class c
            JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
            JOIN wanted w ON w.name = n.nspname
            WHERE c.relkind IN ('r', 'p', 'v', 'm', 'f') AND NOT c.relispartition
              AND pg_catalog.has_any_column_privilege(c.oid, 'SELECT')
        )
        """

    static let relationsQuery =
        relationsCTE + """
            SELECT r.oid, r.nspname, r.relname, r.relkind, d.description, r.reltuples::bigint
            FROM relations r
            LEFT JOIN pg_catalog.pg_description d
                ON d.objoid = r.oid AND d.classoid = 'pg_catalog.pg_class'::regclass AND d.objsubid = 0
            ORDER BY r.position, r.relname
            """

    static let columnsQuery =
        relationsCTE + """
            SELECT a.attrelid, a.attname, pg_catalog.format_type(a.atttypid, a.atttypmod), a.attnotnull, d.description
            FROM relations r
            JOIN pg_catalog.pg_attribute a ON a.attrelid = r.oid
            LEFT JOIN pg_catalog.pg_description d
                ON d.objoid = a.attrelid AND d.classoid = 'pg_catalog.pg_class'::regclass AND d.objsubid = a.attnum
            WHERE a.attnum > 0 AND NOT a.attisdropped
            ORDER BY a.attrelid, a.attnum
            """

    static let keysQuery =
        relationsCTE + """
            SELECT con.conrelid, con.contype,
                ARRAY(SELECT a.attname FROM unnest(con.conkey) WITH ORDINALITY AS k(num, ord)
                      JOIN pg_catalog.pg_attribute a ON a.attrelid = con.conrelid AND a.attnum = k.num ORDER BY k.ord),
                fn.nspname, fc.relname,
                ARRAY(SELECT a.attname FROM unnest(con.confkey) WITH ORDINALITY AS k(num, ord)
                      JOIN pg_catalog.pg_attribute a ON a.attrelid = con.confrelid AND a.attnum = k.num ORDER BY k.ord)
            FROM relations r
            JOIN pg_catalog.pg_constraint con ON con.conrelid = r.oid AND con.contype IN ('p', 'f')
            LEFT JOIN pg_catalog.pg_class fc ON fc.oid = con.confrelid
            LEFT JOIN pg_catalog.pg_namespace fn ON fn.oid = fc.relnamespace
            ORDER BY con.conrelid, con.conname
            """

    public func schema() throws -> Schema {
        let wanted: DatabaseValue = schemas.isEmpty ? .null : .array(schemas.map { .text($0) })
        let results = try fetchInOneSnapshot(
            [
                Self.relationsQuery, Self.columnsQuery, Self.keysQuery,
            ], parameters: [wanted])
        let (relations, columnRows, keyRows) = (results[0], results[1], results[2])

        var columnsByTable: [Int: [TableColumn]] = [:]
        for row in columnRows {
            guard let oid = row[0].intValue else { continue }
            columnsByTable[oid, default: []].append(
                TableColumn(
                    name: row[1].stringValue ?? "", typeName: row[2].stringValue ?? "",
                    isNullable: row[3] != .boolean(true), isPrimaryKey: false, comment: row[4].stringValue))
        }
        var foreignKeys: [Int: [ForeignKey]] = [:]
        for row in keyRows {
            guard let oid = row[0].intValue else { continue }
            let names = Self.names(row[2])
            if row[1].stringValue == "p" {
                for index in columnsByTable[oid, default: []].indices
                where names.contains(columnsByTable[oid, default: []][index].name) {
                    columnsByTable[oid]?[index].isPrimaryKey = true
                }
            } else {
                let target = [row[3].stringValue, row[4].stringValue].compactMap { $0 }.joined(separator: ".")
                foreignKeys[oid, default: []].append(
                    ForeignKey(columns: names, referencedTable: target, referencedColumns: Self.names(row[5])))
            }
        }
        let tables = relations.compactMap { row -> Table? in
            guard let oid = row[0].intValue, let schemaName = row[1].stringValue, let name = row[2].stringValue else {
                return nil
            }
            let kind: Table.Kind
            switch row[3].stringValue {
            case "v": kind = .view
            case "m": kind = .materializedView
            default: kind = .table
            }
            // reltuples is -1 until the table is first analysed, and means nothing for a view.
            let estimate = kind == .view ? nil : row[5].intValue.flatMap { $0 >= 0 ? $0 : nil }
            return Table(
                schemaName: schemaName, name: name, kind: kind, columns: columnsByTable[oid] ?? [],
                foreignKeys: foreignKeys[oid] ?? [], comment: row[4].stringValue, estimatedRows: estimate)
        }
        return Schema(tables: tables)
    }

    private static func names(_ value: DatabaseValue) -> [String] {
        guard case .array(let items) = value else { return [] }
        return items.compactMap(\.stringValue)
    }

    /// Runs several reads in one read-only transaction, so they see one consistent catalogue.
    func fetchInOneSnapshot(_ queries: [String], parameters: [DatabaseValue]) throws -> [[[DatabaseValue]]] {
        let connection = try liveConnection()
        var watch = PostgresWatch(limits: QueryLimits(timeoutSeconds: 60))
        do {
            try connection.run(
                "BEGIN READ ONLY; SET LOCAL statement_timeout = 60000; SET LOCAL lock_timeout = 10000", &watch)
            var results: [[[DatabaseValue]]] = []
            do {
                for sql in queries {
                    var rows: [[DatabaseValue]] = []
                    _ = try stream(
                        on: connection, sql, parameters: parameters, watch: watch, maxRows: nil, maxBytes: nil,
                        columns: { _ in },
                        row: {
                            rows.append($0)
                            return true
                        })
                    results.append(rows)
                }
            } catch {
                if PQstatus(connection.handle) == CONNECTION_OK { try? connection.run("ROLLBACK", &watch) }
                throw error
            }
            try connection.run("ROLLBACK", &watch)
            return results
        } catch let error as DatabaseError {
            discard(connection, after: error)
            throw error
        }
    }
}
