import Databases
import SQLGuard

/// A name as the SQL wrote it: the text with quotes undone, and whether it was quoted.
struct WrittenName: Hashable, Sendable {
    var text: String
    var isQuoted: Bool
    /// `"name"` rather than `` `name` `` or `[name]`: SQLite reads an unknown one as a string literal.
    var isDoubleQuoted: Bool
}

/// How the engine matches names: SQLite ignores case everywhere; PostgreSQL folds unquoted names to
/// lower case and compares quoted ones exactly. Every comparison goes through a key made here.
struct NameRules: Sendable {
    let dialect: SQLDialect

    /// The key of a name written in the SQL.
    func key(_ name: WrittenName) -> String {
        dialect == .postgres && name.isQuoted ? name.text : name.text.lowercased()
    }

    /// The key of a name the schema holds (as the engine stores it).
    func key(stored name: String) -> String {
        dialect == .postgres ? name : name.lowercased()
    }

    /// The name the engine stores for a name written in the SQL (a CTE's or an alias's column).
    func stored(_ name: WrittenName) -> String {
        dialect == .postgres && !name.isQuoted ? name.text.lowercased() : name.text
    }

    /// `name` as it must be written to mean the stored name: bare when the engine reads it back
    /// unchanged, double-quoted otherwise.
    func spelling(of name: String) -> String {
        let simple =
            name.first.map { $0 == "_" || $0.isLetter } == true
            && name.allSatisfy { $0 == "_" || $0.isLetter || $0.isNumber } && name.allSatisfy(\.isASCII)
            && !SQLWords.keywords.contains(name.uppercased())
        if simple && (dialect == .sqlite || name == name.lowercased()) { return name }
        return "\"" + name.split(separator: "\"", omittingEmptySubsequences: false).joined(separator: "\"\"") + "\""
    }

    /// The name with case and underscores folded away: `pet_type`, `PetType` and `PETTYPE` agree.
    static func folded(_ name: String) -> String {
        name.lowercased().filter { $0 != "_" }
    }
}

/// A table the query reads from, or a derived one (CTE, subquery, table function), under the name the
/// query refers to it by.
struct QuerySource {
    /// The alias, or the table's own name when it has none; nil for an unnamed subquery.
    var reference: WrittenName?
    /// `reference` as the SQL spelled it (quotes included), for a fix that moves a column to it.
    var referenceSpelling: String?
    /// The schema's table, when it is one.
    var table: Table?
    /// Stored column names known to exist.
    var columns: [String]
    /// False when the source may have columns not listed (a table function, `SELECT count(*)` without an
    /// alias, a system catalogue): a name missing from `columns` may still exist.
    var isComplete: Bool
    /// Where the item stands in its FROM clause; nil for one the fixes do not join to.
    var clause: FromClause?
}

/// The tokens of one FROM item with its join and condition, for a fix that joins a table to it.
struct FromClause {
    /// The first join word before the item (`JOIN`, `INNER`, `LEFT`), or the item itself when it comes
    /// first or after a comma.
    var start: Int
    /// The ON token of the item's condition.
    var on: Int?
    /// The token after the item, its alias and its condition.
    var end: Int
    /// A LEFT, RIGHT or FULL join: a table joined to it by a fix would drop the rows the join keeps.
    var isOuter: Bool
}

/// The sources one SELECT sees, inside the scopes of the queries around it (correlated subqueries).
final class QueryScope {
    let parent: QueryScope?
    var sources: [QuerySource] = []
    /// Output names of this SELECT's list (usable in ORDER BY, GROUP BY, and in SQLite anywhere).
    var outputNames: Set<String> = []
    /// False when part of the FROM clause could not be read (a parenthesised join, odd syntax): then a
    /// name not found may come from what was not understood, and nothing is reported.
    var isCertain = true
    /// The CTEs in effect, by key.
    var ctes: [String: QueryOutput] = [:]

    init(parent: QueryScope?) {
        self.parent = parent
    }

    /// This scope and each around it, innermost first.
    var chain: [QueryScope] {
        var scopes: [QueryScope] = []
        var next: QueryScope? = self
        while let scope = next {
            scopes.append(scope)
            next = scope.parent
        }
        return scopes
    }
}

/// The columns a query or a CTE gives its reader.
struct QueryOutput {
    /// Stored column names.
    var columns: [String]
    /// False when some output has no name the check can know (`count(*)` without an alias, `*` over an
    /// unknown source).
    var isComplete: Bool

    static let unknown = QueryOutput(columns: [], isComplete: false)
}
