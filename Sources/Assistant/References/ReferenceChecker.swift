import Databases
import SQLGuard

/// What the reference check found in one statement.
public struct ReferenceReport: Sendable {
    /// Names the schema does not have; empty when every name resolved or could not be judged.
    public var problems: [ReferenceProblem]
    /// The schema's tables the query reads, in the order it names them.
    public var tablesUsed: [Table]

    /// Every problem's fix together, when each problem has exactly one; otherwise the model repairs it.
    public var fix: ReferenceFix? {
        guard !problems.isEmpty else { return nil }
        let fixes = problems.compactMap(\.fix)
        guard fixes.count == problems.count else { return nil }
        // Two columns moved to one joined table insert its join once.
        var seen: Set<ReferenceFix.Replacement> = []
        return ReferenceFix(
            replacements: fixes.flatMap(\.replacements).filter { seen.insert($0).inserted },
            description: fixes.map(\.description).joined(separator: ", "))
    }
}

/// Checks, before a query runs, that every table and column it names exists in the schema.
///
/// Aliases, CTEs (with their column lists or select-list outputs), subqueries and derived tables,
/// `table.column` and `alias.column`, PostgreSQL schema-qualified names, and quoted (case-sensitive)
/// against unquoted (case-folded per dialect) names are resolved. When a part of the SQL is not
/// understood with certainty, the names it could provide are let through: the database still has the
/// last word, and an honest query is never refused here.
public enum ReferenceChecker {
    public static func check(_ sql: String, schema: Schema, dialect: SQLDialect) -> ReferenceReport {
        guard let resolver = ReferenceResolver(sql: sql, schema: schema, dialect: dialect) else {
            return ReferenceReport(problems: [], tablesUsed: [])
        }
        resolver.resolve()
        return ReferenceReport(problems: resolver.problems, tablesUsed: resolver.tablesUsed)
    }
}
