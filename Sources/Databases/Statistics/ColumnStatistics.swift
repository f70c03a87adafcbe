/// What a look at the data says about one column, cheaply: the few values a low-cardinality column
/// takes, or the range of a numeric or date column. The model writes `status = 'delivered'` instead of
/// guessing `'DELIVERED'`, and filters 2024 in the format the column really holds.
public struct ColumnStatistics: Sendable, Hashable, Codable {
    /// The distinct values, most frequent first, as the engine spells them in text; empty unless the
    /// column has few enough of them to list.
    public var values: [String]
    /// True when `values` are text, to be written as quoted literals.
    public var valuesAreText: Bool
    /// The smallest and largest value seen, as text; nil for a column without a range.
    public var minimum: String?
    public var maximum: String?

    public init(values: [String] = [], valuesAreText: Bool = true, minimum: String? = nil, maximum: String? = nil) {
        self.values = values
        self.valuesAreText = valuesAreText
        self.minimum = minimum
        self.maximum = maximum
    }

    public var isEmpty: Bool { values.isEmpty && minimum == nil }
}

/// The statistics of every table gathered so far, by qualified table name, then column name.
public struct SchemaStatistics: Sendable, Hashable, Codable {
    public var tables: [String: [String: ColumnStatistics]]
    /// False when the time budget ran out before every table was looked at.
    public var isComplete: Bool
    /// How long the gathering took, for `datachat doctor` and the benchmark.
    public var gatheringSeconds: Double

    public init(
        tables: [String: [String: ColumnStatistics]] = [:], isComplete: Bool = true, gatheringSeconds: Double = 0
    ) {
        self.tables = tables
        self.isComplete = isComplete
        self.gatheringSeconds = gatheringSeconds
    }

    public static let empty = SchemaStatistics()

    public func column(_ column: String, of table: Table) -> ColumnStatistics? {
        tables[table.qualifiedName]?[column]
    }
}
