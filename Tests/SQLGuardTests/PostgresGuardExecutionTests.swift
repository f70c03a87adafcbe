import Databases
import Foundation
import SQLGuard
import TestSupport
import Testing

/// The corpora against the real PostgreSQL server, in a database of this suite's own loaded with the
/// sample: honest queries run, and write attempts with layer 1 switched off change nothing.
@Suite(.serialized, .enabled(if: TestPostgres.isAvailable))
struct PostgresGuardExecutionTests {
    let limits = QueryLimits(maxRows: 1_000, timeoutSeconds: 3, maxBytes: 16 * 1_048_576)

    /// Entries that would reach past this suite's database on a shared server: the test role may
    /// signal every session of its own role, other suites' included. Layer 1 refuses them (see the
    /// adversarial corpus test); they are not fired at the server.
    static let harmsOtherSessions = ["pg_terminate_backend", "pg_cancel_backend"]

    @Test func corporaRunAgainstARealServer() throws {
        try TestPostgres.withOwnDatabase("guard") { url in
            let writer = try DatabaseConnector.open(try DatabaseLocation(parsing: url), access: .readWrite)
            try writer.execute("SET TIME ZONE 'UTC'")
            try SampleDataset(directory: Repository.sampleData).load(into: writer)
            let before = try Self.checksum(writer)

            let reader = try DatabaseConnector.open(try DatabaseLocation(parsing: url), access: .readOnly)
            let honest = try Corpus.honest(.postgres)
            for (index, sql) in honest.entries.enumerated() {
                do {
                    _ = try reader.fetchAll(sql, limits: limits)
                } catch {
                    Issue.record("\(honest.name) \(describe(index, sql)) failed on PostgreSQL: \(error)")
                }
            }

            let adversarial = try Corpus.adversarial(.postgres)
            for sql in adversarial.entries where !Self.harmsOtherSessions.contains(where: sql.contains) {
                _ = try? reader.fetchAll(sql, limits: limits)
            }
            #expect(try Self.checksum(writer) == before)
            #expect(try reader.fetchAll("SELECT count(*) FROM categories").rows.count == 1)
        }
    }

    /// An md5 of every table's rows and of the list of relations: a write, a new table or a dropped
    /// one all change it.
    static func checksum(_ database: any Database) throws -> String {
        var parts: [String] = []
        let relations = try database.fetchAll(
            """
            SELECT coalesce(string_agg(c.relname || ':' || c.relkind::text, ',' ORDER BY c.relname), '')
            FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg_toast%'
            """)
        parts.append(relations.rows.first?.first?.stringValue ?? "")
        for table in ["categories", "sellers", "customers", "products", "orders", "order_items", "payments", "reviews"]
        {
            let digest = try database.fetchAll(
                "SELECT md5(coalesce(string_agg(t::text, '|' ORDER BY t::text), '')) FROM \(table) t")
            parts.append(digest.rows.first?.first?.stringValue ?? "")
        }
        return parts.joined(separator: "\n")
    }
}
