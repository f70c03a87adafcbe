import Databases
import SQLGuard

/// What a repair request tells the model besides the error: the columns of the tables the query uses,
/// the existing names nearest to a wrong one, and the foreign keys that join those tables.
///
/// A small model copies what it sees; an error alone got the same SQL back 9 times out of 12.
struct RepairFacts {
    var columns: String
    var nearest: String
    var joins: String

    init(sql: String, failure: TurnFailure, schema: Schema?, dialect: SQLDialect) {
        guard let schema else {
            columns = "(unknown)"
            nearest = "(none)"
            joins = "(unknown)"
            return
        }
        var problem: ReferenceProblem?
        if case .unknownReference(let found) = failure { problem = found }
        var tables = ReferenceChecker.check(sql, schema: schema, dialect: dialect).tablesUsed
        // The tables where the nearest names live are the ones the query may have to join.
        for name in problem?.nearest.filter(\.isLikely) ?? [] {
            if let table = name.table.flatMap(schema.table(named:)), !tables.contains(table) { tables.append(table) }
        }
        if let unjoined = problem?.unjoinedTable.flatMap(schema.table(named:)), !tables.contains(unjoined) {
            tables.append(unjoined)
        }
        columns =
            tables.isEmpty
            ? "(the query names no table of the schema)"
            : tables.map { "- \($0.qualifiedName): " + $0.columns.map(\.name).joined(separator: ", ") }
                .joined(separator: "\n")
        if let problem, !problem.nearest.isEmpty {
            nearest = problem.nearest.map { "- \($0.qualifiedName) (\($0.distance) edits from \(problem.name))" }
                .joined(separator: "\n")
        } else {
            nearest = "(none)"
        }
        var keys: [String] = []
        for table in tables {
            for key in table.foreignKeys {
                guard let target = schema.table(named: key.referencedTable), tables.contains(target) else { continue }
                keys.append("- " + key.condition(referencing: table.name, referenced: target.name))
            }
        }
        joins = keys.isEmpty ? "(none between these tables)" : keys.joined(separator: "\n")
    }

    /// The template values: `{{sql}}`, `{{error}}`, `{{columns}}`, `{{nearest}}`, `{{joins}}`.
    func values(sql: String, error: String) -> [String: String] {
        ["sql": sql, "error": error, "columns": columns, "nearest": nearest, "joins": joins]
    }
}

/// A query reduced to what makes it the same query: tokens without comments, whitespace or a trailing
/// semicolon, unquoted words lower-cased (both engines ignore their case). Strings keep theirs.
enum SQLFingerprint {
    static func of(_ sql: String, dialect: SQLDialect) -> String {
        SQLTokenizer(dialect: dialect).tokenize(sql).compactMap { token -> String? in
            switch token.kind {
            case .whitespace, .comment, .semicolon: nil
            case .word: token.text.lowercased()
            default: String(token.text)
            }
        }.joined(separator: " ")
    }
}
