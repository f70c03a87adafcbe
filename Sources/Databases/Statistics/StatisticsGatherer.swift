import SQLGuard

/// Looks at the data of every table, cheaply, for the values and ranges the model is shown.
///
/// Every query is bounded: a big table is read through a sample (SQLite: ten rowid ranges spread over the
/// table, first and last included, so a time-ordered table shows both ends; PostgreSQL: `TABLESAMPLE
/// SYSTEM` with a fixed seed), `DISTINCT ... LIMIT` stops reading a column as soon as it has too many
/// values, and the whole look stops at the time budget. Views are skipped: reading one may cost anything.
public struct StatisticsGatherer: Sendable {
    /// Rows read at most from one table.
    public var sampleRows: Int
    /// A text column with more distinct values than this is not listed.
    public var maxDistinct: Int
    /// Values shown at most for a listed column, the most frequent first.
    public var shownValues: Int
    /// A column with a longer value is free text, not a category.
    public var maxValueLength: Int
    /// Seconds the whole gathering may take; what is left when it runs out is not looked at.
    public var timeBudgetSeconds: Double

    public init(
        sampleRows: Int = 20_000, maxDistinct: Int = 25, shownValues: Int = 12, maxValueLength: Int = 40,
        timeBudgetSeconds: Double = 5
    ) {
        self.sampleRows = sampleRows
        self.maxDistinct = maxDistinct
        self.shownValues = shownValues
        self.maxValueLength = maxValueLength
        self.timeBudgetSeconds = timeBudgetSeconds
    }

    /// The statistics of `schema`'s tables, read from `database`. A table that fails to read (no
    /// privilege, an odd type) is left out; it never fails the whole gathering.
    public func gather(_ schema: Schema, from database: any Database) -> SchemaStatistics {
        let clock = ContinuousClock()
        let start = clock.now
        let deadline = start.advanced(by: .milliseconds(Int(timeBudgetSeconds * 1000)))
        var statistics = SchemaStatistics()
        for table in schema.tables where table.kind != .view {
            guard clock.now < deadline else {
                statistics.isComplete = false
                break
            }
            do {
                let columns = try gather(table, from: database, deadline: deadline)
                if !columns.isEmpty { statistics.tables[table.qualifiedName] = columns }
            } catch let error as DatabaseError where error.code == .timeout {
                statistics.isComplete = false
                break
            } catch {
                continue
            }
        }
        statistics.gatheringSeconds = start.duration(to: clock.now).seconds
        return statistics
    }

    private func gather(
        _ table: Table, from database: any Database, deadline: ContinuousClock.Instant
    ) throws -> [String: ColumnStatistics] {
        let keys = Set(table.foreignKeys.flatMap(\.columns))
        let candidates = table.columns.filter { column in
            let name = column.name.lowercased()
            return !column.isPrimaryKey && !keys.contains(column.name) && name != "id" && !name.hasSuffix("_id")
        }
        let kinds = candidates.map { ($0, ColumnKind(typeName: $0.typeName, dialect: database.dialect)) }
        guard kinds.contains(where: { $0.1 != .other }) else { return [:] }
        let source = try sampleSource(of: table, in: database, deadline: deadline)
        var result: [String: ColumnStatistics] = [:]
        var ranged: [TableColumn] = kinds.filter { $0.1 == .numeric || $0.1 == .temporal }.map(\.0)
        for (column, kind) in kinds where kind == .text {
            let name = quoteIdentifier(column.name)
            let text = asText(name, database.dialect)
            let distinct = try fetch(
                "SELECT DISTINCT \(text) FROM \(source) WHERE \(name) IS NOT NULL LIMIT \(maxDistinct + 1)",
                database, deadline
            ).compactMap { $0.first?.stringValue }
            if distinct.count <= maxDistinct, !distinct.isEmpty,
                distinct.allSatisfy({ $0.count <= maxValueLength && !$0.contains(where: \.isNewline) })
            {
                let frequent =
                    distinct.count <= shownValues
                    ? try fetch(
                        "SELECT \(text) FROM \(source) WHERE \(name) IS NOT NULL GROUP BY 1 ORDER BY count(*) DESC, 1",
                        database, deadline)
                    : try fetch(
                        "SELECT \(text) FROM \(source) WHERE \(name) IS NOT NULL GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT \(shownValues)",
                        database, deadline)
                result[column.name] = ColumnStatistics(values: frequent.compactMap { $0.first?.stringValue })
            } else if !distinct.isEmpty, distinct.allSatisfy(Self.looksLikeDate) {
                ranged.append(column)
            }
        }
        guard !ranged.isEmpty else { return result }
        let aggregates = ranged.map { column in
            let name = quoteIdentifier(column.name)
            return "\(asText("min(\(name))", database.dialect)), \(asText("max(\(name))", database.dialect))"
        }
        guard
            let row = try fetch("SELECT \(aggregates.joined(separator: ", ")) FROM \(source)", database, deadline).first
        else { return result }
        for (index, column) in ranged.enumerated() {
            guard let low = row[2 * index].stringValue, let high = row[2 * index + 1].stringValue else { continue }
            result[column.name] = ColumnStatistics(minimum: low, maximum: high)
        }
        return result
    }

    /// The table as a FROM item that reads at most `sampleRows` rows, aliased `s`.
    private func sampleSource(
        of table: Table, in database: any Database, deadline: ContinuousClock.Instant
    ) throws -> String {
        let name = [table.schemaName, table.name].compactMap { $0 }.map(quoteIdentifier).joined(separator: ".")
        let limited = "(SELECT * FROM \(name) LIMIT \(sampleRows)) AS s"
        switch database.dialect {
        case .sqlite:
            // A WITHOUT ROWID table has no rowid to range over: the first rows have to do.
            guard
                let bounds = try? fetch("SELECT min(rowid), max(rowid) FROM \(name)", database, deadline).first,
                let low = bounds[0].intValue, let high = bounds[1].intValue
            else { return limited }
            if high - low < sampleRows { return "\(name) AS s" }
            let chunks = 10
            let size = sampleRows / chunks
            let ranges = (0..<chunks).map { index in
                // Spread evenly, the first range starting at the lowest rowid and the last ending at the highest.
                let first = low + index * (high - low + 1 - size) / (chunks - 1)
                return "rowid BETWEEN \(first) AND \(first + size - 1)"
            }
            return "(SELECT * FROM \(name) WHERE \(ranges.joined(separator: " OR "))) AS s"
        case .postgres:
            guard table.kind == .table, let rows = table.estimatedRows else { return limited }
            if rows <= sampleRows { return "\(name) AS s" }
            let percent = max(0.0001, min(100, Double(sampleRows) * 100 / Double(rows)))
            return "(SELECT * FROM \(name) TABLESAMPLE SYSTEM (\(percent)) REPEATABLE (0) LIMIT \(sampleRows)) AS s"
        }
    }

    private func asText(_ expression: String, _ dialect: SQLDialect) -> String {
        dialect == .postgres ? "(\(expression))::text" : expression
    }

    private func fetch(
        _ sql: String, _ database: any Database, _ deadline: ContinuousClock.Instant
    ) throws -> [[DatabaseValue]] {
        let remaining = ContinuousClock.now.duration(to: deadline).seconds
        guard remaining > 0 else { throw DatabaseError(.timeout, "the statistics time budget ran out") }
        return try database.fetchAll(
            sql, limits: QueryLimits(maxRows: maxDistinct + 1, timeoutSeconds: max(0.05, remaining))
        ).rows
    }

    /// `2024-03-01`, `2024-03-01 10:00:00`, `2024-03-01T10:00:00Z`: text SQLite users keep dates in.
    static func looksLikeDate(_ text: String) -> Bool {
        let bytes = Array(text.utf8.prefix(10))
        guard bytes.count == 10 else { return false }
        for (index, byte) in bytes.enumerated() {
            let isDigit = byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")
            if index == 4 || index == 7 {
                if byte != UInt8(ascii: "-") { return false }
            } else if !isDigit {
                return false
            }
        }
        return true
    }
}
