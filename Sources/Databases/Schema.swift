/// What the database holds, as the model is shown it: tables and views with columns, keys and notes.
public struct Schema: Sendable, Hashable {
    public var tables: [Table]

    public init(tables: [Table]) {
        self.tables = tables
    }

    public func table(named name: String) -> Table? {
        let lower = name.lowercased()
        return tables.first { $0.name.lowercased() == lower || $0.qualifiedName.lowercased() == lower }
    }
}

public struct Table: Sendable, Hashable {
    public enum Kind: String, Sendable, Hashable {
        case table
        case view
        case materializedView = "materialized view"
    }

    /// The schema (namespace) it lives in; nil for SQLite's main database.
    public var schemaName: String?
    public var name: String
    public var kind: Kind
    public var columns: [TableColumn]
    public var foreignKeys: [ForeignKey]
    /// The owner's own note on the table (PostgreSQL COMMENT ON), if any.
    public var comment: String?
    /// The engine's estimate of the row count, when it has a cheap one.
    public var estimatedRows: Int?

    public init(
        schemaName: String? = nil, name: String, kind: Kind = .table, columns: [TableColumn],
        foreignKeys: [ForeignKey] = [], comment: String? = nil, estimatedRows: Int? = nil
    ) {
        self.schemaName = schemaName
        self.name = name
        self.kind = kind
        self.columns = columns
        self.foreignKeys = foreignKeys
        self.comment = comment
        self.estimatedRows = estimatedRows
    }

    public var qualifiedName: String {
        schemaName.map { "\($0).\(name)" } ?? name
    }
}

public struct TableColumn: Sendable, Hashable {
    public var name: String
    public var typeName: String
    public var isNullable: Bool
    public var isPrimaryKey: Bool
    public var comment: String?

    public init(name: String, typeName: String, isNullable: Bool, isPrimaryKey: Bool, comment: String? = nil) {
        self.name = name
        self.typeName = typeName
        self.isNullable = isNullable
        self.isPrimaryKey = isPrimaryKey
        self.comment = comment
    }
}

public struct ForeignKey: Sendable, Hashable {
    public var columns: [String]
    public var referencedTable: String
    public var referencedColumns: [String]

    public init(columns: [String], referencedTable: String, referencedColumns: [String]) {
        self.columns = columns
        self.referencedTable = referencedTable
        self.referencedColumns = referencedColumns
    }

    /// Whether the key points at `table`: PostgreSQL names the referenced table with its schema
    /// (`public.orders`), SQLite by name alone.
    public func references(_ table: Table) -> Bool {
        referencedTable == table.qualifiedName || (referencedTable == table.name && !referencedTable.contains("."))
    }

    /// The join condition this key stands for, with each side under the name a query knows it by:
    /// `order_items.order_id = orders.order_id`. `spell` writes a column name as the SQL must (quoted
    /// when the engine would not read it back unchanged).
    public func condition(
        referencing: String, referenced: String, spell: (String) -> String = { $0 }
    ) -> String {
        zip(columns, referencedColumns).map { "\(referencing).\(spell($0)) = \(referenced).\(spell($1))" }
            .joined(separator: " AND ")
    }
}
