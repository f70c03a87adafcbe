import Basics
import CPQ

/// Bulk loading through `COPY ... FROM STDIN`: one round trip for a whole batch of rows, several times
/// faster than INSERTs.
///
/// https://www.postgresql.org/docs/15/libpq-copy.html
extension PostgresDatabase {
    public func insertRows(into table: String, columns: [String], rows: [[DatabaseValue]]) throws {
        guard !rows.isEmpty else { return }
        guard access == .readWrite else {
            throw DatabaseError(.readOnly, "cannot load rows into \(table): this connection only reads")
        }
        let connection = try liveConnection()
        do {
            try copy(rows, columns: columns, into: table, on: connection)
        } catch {
            discard(connection, after: error)
            throw error
        }
    }

    private func copy(
        _ rows: [[DatabaseValue]], columns: [String], into table: String, on connection: PostgresConnection
    ) throws(DatabaseError) {
        let names = columns.map(quoteIdentifier).joined(separator: ", ")
        let sql = "COPY \(quoteIdentifier(table)) (\(names)) FROM STDIN"
        var watch = PostgresWatch.unlimited
        try connection.sendSimple(sql)
        guard let started = try connection.nextResult(&watch, sql: sql) else {
            throw connection.lostOrFailed(sql: sql)
        }
        guard started.status == PGRES_COPY_IN else {
            let error = PostgresErrors.error(from: started, watch: watch, connection: connection, sql: sql)
            while try connection.nextResult(&watch, sql: sql) != nil {}
            throw error ?? DatabaseError(.statementFailed, "COPY did not start", sql: sql)
        }
        var buffer = ByteBuffer(capacity: 1 << 16)
        func flush() throws(DatabaseError) {
            let sent = buffer.withBytes { bytes in
                bytes.withMemoryRebound(to: CChar.self) {
                    PQputCopyData(connection.handle, $0.baseAddress, Int32($0.count))
                }
            }
            guard sent == 1 else { throw connection.lostOrFailed(sql: sql) }
            buffer.removeAll()
        }
        for row in rows {
            for (index, value) in row.enumerated() {
                if index > 0 { buffer.append(UInt8(ascii: "\t")) }
                Self.appendCopyText(value, to: &buffer)
            }
            buffer.append(UInt8(ascii: "\n"))
            if buffer.count >= 1 << 16 { try flush() }
        }
        if !buffer.isEmpty { try flush() }
        guard PQputCopyEnd(connection.handle, nil) == 1 else { throw connection.lostOrFailed(sql: sql) }
        var failure: DatabaseError?
        while let result = try connection.nextResult(&watch, sql: sql) {
            if failure == nil {
                failure = PostgresErrors.error(from: result, watch: watch, connection: connection, sql: sql)
            }
        }
        if let failure { throw failure }
    }

    /// A value in COPY's text format: `\N` for NULL, the text with `CopyText`'s escapes otherwise.
    static func appendCopyText(_ value: DatabaseValue, to buffer: inout ByteBuffer) {
        guard var text = PostgresParameter.text(value) else {
            buffer.append("\\N" as StaticString)
            return
        }
        text.withUTF8 { CopyText.appendEscaped($0, to: &buffer) }
    }
}
