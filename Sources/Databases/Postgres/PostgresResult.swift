import CPQ

/// One `PGresult`; cleared by its only owner in `deinit`.
///
/// https://www.postgresql.org/docs/15/libpq-exec.html
final class PostgresResult {
    let handle: OpaquePointer

    init(_ handle: OpaquePointer) {
        self.handle = handle
    }

    deinit {
        PQclear(handle)
    }

    var status: ExecStatusType { PQresultStatus(handle) }
    var rowCount: Int32 { PQntuples(handle) }
    var columnCount: Int32 { PQnfields(handle) }

    func columnName(_ column: Int32) -> String {
        PQfname(handle, column).map { String(cString: $0) } ?? "?column?"
    }

    func columnType(_ column: Int32) -> UInt32 { PQftype(handle, column) }
    func columnTypeModifier(_ column: Int32) -> Int32 { PQfmod(handle, column) }

    func isNull(_ row: Int32, _ column: Int32) -> Bool { PQgetisnull(handle, row, column) != 0 }

    /// The value's text, valid while this result lives.
    func bytes(_ row: Int32, _ column: Int32) -> UnsafeBufferPointer<UInt8> {
        let length = Int(PQgetlength(handle, row, column))
        guard let value = PQgetvalue(handle, row, column) else { return UnsafeBufferPointer(start: nil, count: 0) }
        return UnsafeRawPointer(value).withMemoryRebound(to: UInt8.self, capacity: length) {
            UnsafeBufferPointer(start: $0, count: length)
        }
    }

    func text(_ row: Int32, _ column: Int32) -> String? {
        isNull(row, column) ? nil : String(decoding: bytes(row, column), as: UTF8.self)
    }

    /// One field of an error result (`DC_PG_DIAG_SQLSTATE`, ...).
    func errorField(_ code: Int32) -> String? {
        PQresultErrorField(handle, code).map { String(cString: $0) }
    }

    var errorMessage: String {
        PQresultErrorMessage(handle).map { String(cString: $0) } ?? ""
    }
}
