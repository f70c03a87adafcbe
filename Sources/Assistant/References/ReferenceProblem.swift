import Databases

/// A table or column the SQL names that the schema does not have, found before the query runs.
public struct ReferenceProblem: Sendable, Hashable {
    public enum Kind: String, Sendable, Hashable {
        case table
        case column
    }

    public var kind: Kind
    /// The reference as written: `o.total_price`, `total_price`, `ordrs`.
    public var reference: String
    /// The wrong name itself, without its qualifier.
    public var name: String
    /// The table the qualifier stands for (`orders` for `o.total_price`), when it is one of the schema's.
    public var qualifiedTable: String?
    /// The nearest existing names, best first: `order_items.unit_price`, or table names.
    public var nearest: [NearestName]
    /// The mechanical fix, when there is exactly one way to make the reference exist.
    public var fix: ReferenceFix?
    /// The schema's table a qualifier names when the query never joined it (`customers.name` over
    /// `orders` alone): the model has to add the join.
    public var unjoinedTable: String?
    /// For a column its table lacks, the one neighbour by foreign key that has it, and the join: the
    /// mistake is a table skipped in a chain of joins (`customers JOIN order_items` without `orders`).
    public var joinThrough: Join?

    /// A table to join to the one a column was looked for in, by the foreign key between them.
    public struct Join: Sendable, Hashable {
        /// The table that has the column: `orders`.
        public var table: String
        /// The table that lacks it: `order_items`.
        public var lacking: String
        public var foreignKey: ForeignKey
        /// Whether the key is `table`'s (pointing at `lacking`) rather than `lacking`'s.
        public var isTablesKey: Bool

        /// The condition with each table under the name the query gives it: `order_items.order_id =
        /// orders.order_id` by default.
        public func condition(
            table alias: String? = nil, lacking lackingAlias: String? = nil, spell: (String) -> String = { $0 }
        )
            -> String
        {
            let (this, other) = (alias ?? table, lackingAlias ?? lacking)
            return isTablesKey
                ? foreignKey.condition(referencing: this, referenced: other, spell: spell)
                : foreignKey.condition(referencing: other, referenced: this, spell: spell)
        }
    }

    /// One line in the form of the engine's own error, with what the schema says instead:
    /// `no such column: o.total_price (orders has no total_price; did you mean order_items.unit_price?)`.
    public var message: String {
        var notes: [String] = []
        switch kind {
        case .table: break
        case .column:
            if let joinThrough {
                notes.append(
                    "\(joinThrough.lacking) has no \(name); \(joinThrough.table) has it: "
                        + "JOIN \(joinThrough.table) ON \(joinThrough.condition()) and use \(joinThrough.table).\(name)"
                )
            } else if let qualifiedTable {
                notes.append("\(qualifiedTable) has no \(name)")
            } else if let unjoinedTable {
                notes.append("\(unjoinedTable) is not in this query's FROM clause: join it to use \(reference)")
            } else if reference.contains(".") {
                notes.append(
                    "\(reference.split(separator: ".").dropLast().joined(separator: ".")) is not a table "
                        + "or alias of this query")
            }
        }
        if unjoinedTable == nil, joinThrough == nil, let best = nearest.first(where: \.isLikely) {
            notes.append("did you mean \(best.qualifiedName)?")
        }
        let head = "no such \(kind.rawValue): \(reference)"
        return notes.isEmpty ? head : head + " (" + notes.joined(separator: "; ") + ")"
    }
}

/// An existing name near a wrong one, and how near.
public struct NearestName: Sendable, Hashable {
    /// The table of a column; nil for a table's own name.
    public var table: String?
    public var name: String
    /// Edits (insertions, deletions, substitutions) between the wrong name and this one, case ignored.
    public var distance: Int
    /// Close enough to offer as "did you mean": the same once case and underscores are folded, a few
    /// edits apart, or sharing a word (`price` in `total_price` and `unit_price`).
    public var isLikely: Bool

    public var qualifiedName: String { table.map { "\($0).\(name)" } ?? name }
}

/// A deterministic repair of one or more references: text replacements in the SQL.
public struct ReferenceFix: Sendable, Hashable {
    public struct Replacement: Sendable, Hashable {
        /// UTF-8 offset and length in the SQL.
        public var offset: Int
        public var length: Int
        public var text: String
    }

    public var replacements: [Replacement]
    /// What changed, for the user and the history: `T2.country_code -> T1.country_code`.
    public var description: String

    /// `sql` with the replacements made; insertions at one offset keep their order.
    public func apply(to sql: String) -> String {
        var bytes = Array(sql.utf8)
        let lastFirst = replacements.enumerated().sorted {
            ($0.element.offset, $0.offset) > ($1.element.offset, $1.offset)
        }
        for replacement in lastFirst.map(\.element) {
            bytes.replaceSubrange(
                replacement.offset..<(replacement.offset + replacement.length), with: Array(replacement.text.utf8))
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
