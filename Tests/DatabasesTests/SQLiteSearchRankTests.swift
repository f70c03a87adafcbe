import Foundation
import TestSupport
import Testing

@testable import Databases

/// `bm25_recent`, the FTS5 ranking function of a read-write connection: BM25's order for one word, without
/// reading every match to weigh the words' rarity.
@Suite struct SQLiteSearchRankTests {
    let folder = TemporaryDirectory("sqlite-rank-tests")

    func makeIndex() throws -> SQLiteDatabase {
        let database = try SQLiteDatabase(path: folder.file("index.db"), access: .readWrite)
        try database.execute("CREATE VIRTUAL TABLE docs USING fts5(body)")
        let bodies = [
            "orders", "orders orders by month", "orders by region and by month for the north", "refunds",
            "orders orders refunds", "orders refunds refunds", "sell sells region", "sell sell region",
        ]
        for body in bodies { try database.execute("INSERT INTO docs (body) VALUES ($1)", parameters: [.text(body)]) }
        return database
    }

    func ranked(_ database: SQLiteDatabase, _ match: String, rank: String) throws -> [[DatabaseValue]] {
        try database.fetchAll(
            "SELECT rowid, rank FROM docs WHERE docs MATCH $1 AND rank MATCH $2 ORDER BY rank, rowid",
            parameters: [.text(match), .text(rank)]
        ).rows
    }

    @Test func oneWordRanksAsBM25Does() throws {
        let database = try makeIndex()
        let recent = try ranked(database, "orders", rank: "bm25_recent()").map { $0[0] }
        #expect(recent == (try ranked(database, "orders", rank: "bm25()").map { $0[0] }))
        #expect(recent.first == .integer(5), "twice in a short message first")
        #expect(recent.last == .integer(3), "once in a long one last")
    }

    /// bm25 puts the message with more of the rarer word first; here both words weigh the same, as in
    /// PostgreSQL's `ts_rank`.
    @Test func everyWordWeighsTheSame() throws {
        let database = try makeIndex()
        // Row 5 holds "orders" (in five rows) twice and "refunds" (in three) once, row 6 the other way round.
        #expect(try ranked(database, "orders refunds", rank: "bm25()").map { $0[0] } == [.integer(6), .integer(5)])
        let recent = try ranked(database, "orders refunds", rank: "bm25_recent()")
        #expect(recent.map { $0[0] } == [.integer(5), .integer(6)])
        #expect(recent[0][1] == recent[1][1])
        #expect((recent[0][1].doubleValue ?? 0) < 0, "lower is better, as with bm25")
    }

    /// Phrases that stand for one word (`"sell" OR "sells"`) count as that word: a message holding the two
    /// ranks as one holding either twice.
    @Test func phrasesOfOneWordCountAsThatWord() throws {
        let database = try makeIndex()
        let grouped = try ranked(database, #"("sell" OR "sells") AND region"#, rank: "bm25_recent(0, 0, 1)")
        #expect(grouped.map { $0[0] } == [.integer(7), .integer(8)])
        #expect(grouped[0][1] == grouped[1][1])
        let apart = try ranked(database, #"("sell" OR "sells") AND region"#, rank: "bm25_recent()")
        #expect(apart.map { $0[0] } == [.integer(7), .integer(8)])
        #expect((apart[0][1].doubleValue ?? 0) < (apart[1][1].doubleValue ?? 0), "as two words, both count")
    }

    @Test func aReadOnlyConnectionHasNoSuchFunction() throws {
        _ = try makeIndex()
        let reader = try SQLiteDatabase(path: folder.file("index.db"), access: .readOnly)
        #expect(throws: DatabaseError.self) {
            try reader.fetchAll("SELECT rank FROM docs WHERE docs MATCH 'orders' AND rank MATCH 'bm25_recent()'")
        }
    }
}
