import FoundationEssentials

#if canImport(Glibc)
    import Glibc
#endif

/// The bundled e-commerce dataset: a schema file per dialect and one CSV file per table.
///
/// Analysts get a database to ask about before they configure anything, so the first run builds it
/// into a cached SQLite file; later runs open that file at once.
public struct SampleDataset: Sendable {
    /// The `sample-data` folder.
    public let directory: String

    public init(directory: String) {
        self.directory = directory
    }

    func schemaPath(for dialect: String) -> String { directory + "/schema.\(dialect).sql" }
    func dataPath(for table: String) -> String { directory + "/data/\(table).csv" }
    public var tableNotesPath: String { directory + "/table-notes.md" }

    /// The tables in the order their CREATE TABLE statements appear, which respects foreign keys.
    public func tableNames(schemaSQL: String) -> [String] {
        var names: [String] = []
        for line in schemaSQL.split(separator: "\n") {
            let words = line.split(whereSeparator: { $0 == " " || $0 == "(" })
            guard words.count >= 3, words[0].uppercased() == "CREATE", words[1].uppercased() == "TABLE" else {
                continue
            }
            var name = words[2]
            if name.uppercased() == "IF", words.count >= 6 { name = words[5] }
            names.append(String(name.filter { $0 != "\"" }))
        }
        return names
    }

    /// How far a load has come: for a progress bar.
    public struct Progress: Sendable {
        public var table: String
        public var rows: Int
        /// Bytes of CSV read so far, of `totalBytes` in all.
        public var bytesRead: Int
        public var totalBytes: Int
    }

    /// The sample's tables that `database` already has, in its first schema.
    public func existingTables(in database: any Database) throws -> [String] {
        let wanted = Set(tableNames(schemaSQL: try readText(schemaPath(for: database.dialect.rawValue))))
        let sql =
            database.dialect == .postgres
            ? """
            SELECT c.relname FROM pg_catalog.pg_class c
            JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
            WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'p', 'v', 'm', 'f')
            """
            : "SELECT name FROM sqlite_schema WHERE type IN ('table', 'view')"
        return try database.fetchAll(sql).rows.compactMap { $0.first?.stringValue }.filter(wanted.contains).sorted()
    }

    /// Creates the sample's tables in `database` and loads every row, in one transaction.
    ///
    /// With `replace`, tables of the same names are dropped first (in the same transaction); without
    /// it the caller is expected to have refused (see `existingTables`). `progress` is told after each
    /// batch; the tables are analysed at the end. The CSV times are UTC, so a PostgreSQL load reads them with the session time zone at UTC.
    public func load(
        into database: any Database, replace: Bool = false, progress: (Progress) -> Void = { _ in }
    ) throws {
        let dialect = database.dialect.rawValue
        let schemaSQL = try readText(schemaPath(for: dialect))
        let tables = tableNames(schemaSQL: schemaSQL)
        let files = try tables.map { try readBytes(dataPath(for: $0)) }
        let totalBytes = files.reduce(0) { $0 + $1.count }
        var bytesBefore = 0
        try database.transaction {
            if database.dialect == .postgres { try database.execute("SET LOCAL TimeZone = 'UTC'") }
            if replace {
                let cascade = database.dialect == .postgres ? " CASCADE" : ""
                for table in tables.reversed() {
                    try database.execute("DROP TABLE IF EXISTS \(quoteIdentifier(table))\(cascade)")
                }
            }
            try database.execute(schemaSQL)
            for (table, bytes) in zip(tables, files) {
                var reader = CSVReader(bytes: bytes)
                guard let header = reader.nextRecord() else { continue }
                let columns = header.map { $0.stringValue ?? "" }
                var batch: [[DatabaseValue]] = []
                batch.reserveCapacity(5_000)
                var total = 0
                func flush() throws {
                    try database.insertRows(into: table, columns: columns, rows: batch)
                    total += batch.count
                    batch.removeAll(keepingCapacity: true)
                    progress(
                        Progress(
                            table: table, rows: total, bytesRead: bytesBefore + reader.offset, totalBytes: totalBytes))
                }
                while let record = reader.nextRecord() {
                    batch.append(record)
                    if batch.count == 5_000 { try flush() }
                }
                try flush()
                bytesBefore += bytes.count
            }
            // Row estimates and the planner's statistics from the start: `\dt` shows the counts, and the
            // first questions are not planned blind.
            for table in tables { try database.execute("ANALYZE \(quoteIdentifier(table))") }
        }
    }

    /// The path of a ready SQLite copy of the sample under `cacheDirectory`, building it first if needed.
    ///
    /// The file name carries a fingerprint of the sample's files, so an updated sample is rebuilt; the
    /// build writes a temporary file and renames it, so concurrent first runs never see a half-built one.
    public func sqliteFile(cacheDirectory: String) throws -> String {
        let fingerprint = try self.fingerprint()
        let path = cacheDirectory + "/sample-\(fingerprint).db"
        if FileManager.default.fileExists(atPath: path) { return path }
        do {
            try FileManager.default.createDirectory(atPath: cacheDirectory, withIntermediateDirectories: true)
        } catch {
            throw DatabaseError(.cannotOpen, "cannot create \(cacheDirectory) for the sample database: \(error)")
        }
        let temporary = path + ".building-\(ProcessInfo.processInfo.processIdentifier)"
        try? FileManager.default.removeItem(atPath: temporary)
        do {
            let database = try SQLiteDatabase(path: temporary, access: .readWrite)
            try database.execute("PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF")
            try load(into: database)
        } catch {
            try? FileManager.default.removeItem(atPath: temporary)
            throw error
        }
        if rename(temporary, path) != 0 {
            try? FileManager.default.removeItem(atPath: temporary)
            if !FileManager.default.fileExists(atPath: path) {
                throw DatabaseError(.cannotOpen, "cannot write the sample database to \(path)")
            }
        }
        return path
    }

    /// A hash of the SQLite schema and the data files' sizes: cheap to compute on every start.
    func fingerprint() throws -> String {
        var hash = FNV1a()
        let schemaSQL = try readText(schemaPath(for: "sqlite"))
        hash.add(schemaSQL)
        for table in tableNames(schemaSQL: schemaSQL) {
            let attributes = try? FileManager.default.attributesOfItem(atPath: dataPath(for: table))
            let size = (attributes?[.size] as? Int) ?? -1
            hash.add("\(table):\(size)")
        }
        return hash.hexDigest
    }

    private func readBytes(_ path: String) throws -> [UInt8] {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw DatabaseError(
                .cannotOpen,
                "the sample data file \(path) is missing: set DATACHAT_SAMPLE_DIR to the sample-data folder")
        }
        return [UInt8](data)
    }

    private func readText(_ path: String) throws -> String {
        String(decoding: try readBytes(path), as: UTF8.self)
    }
}

/// The 64-bit FNV-1a hash: a stable fingerprint, not a security measure. Inlinable: the history hashes every byte
/// of a streamed result with it, twice, from another module.
public struct FNV1a: Sendable {
    @usableFromInline var state: UInt64 = 0xcbf2_9ce4_8422_2325

    public init() {}

    public mutating func add(_ text: String) {
        var text = text
        text.withUTF8 { add($0) }
    }

    @inlinable
    public mutating func add(_ bytes: UnsafeBufferPointer<UInt8>) {
        var state = self.state
        for byte in bytes { state = (state ^ UInt64(byte)) &* 0x100_0000_01b3 }
        self.state = state
    }

    /// Adds `bytes` to two hashes in one pass (the history's two hashes of a result read the same bytes): the
    /// two multiplications a byte are independent, so they overlap.
    @inlinable
    public static func add(_ bytes: UnsafeBufferPointer<UInt8>, to first: inout FNV1a, and second: inout FNV1a) {
        var one = first.state
        var two = second.state
        for byte in bytes {
            one = (one ^ UInt64(byte)) &* 0x100_0000_01b3
            two = (two ^ UInt64(byte)) &* 0x100_0000_01b3
        }
        first.state = one
        second.state = two
    }

    @inlinable
    public mutating func add(_ byte: UInt8) {
        state = (state ^ UInt64(byte)) &* 0x100_0000_01b3
    }

    /// The hash as a number, for combining hashes (replay's order-blind result hash).
    @inlinable public var value: UInt64 { state }

    public var hexDigest: String {
        let hex = String(state, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }
}
