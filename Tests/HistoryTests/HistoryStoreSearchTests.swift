import Databases
import Foundation
import TestSupport
import Testing

@testable import History

/// Full-text search (store versions 4 to 6) on both engines: words, prefixes, ranking, the SQL, snippets.
extension HistoryStoreTests {
    /// A session of one question and its answer; returns the session's id.
    @discardableResult
    func turn(_ store: HistoryStore, question: String, answer: String = "", sql: String? = nil) throws -> String {
        let record = session(title: question)
        try store.createSession(record)
        try store.append(MessageRecord(sessionID: record.id, role: .user, content: question, status: .pending))
        try store.append(
            MessageRecord(sessionID: record.id, role: .assistant, content: answer, sql: sql, status: .ok))
        return record.id
    }

    @Test(arguments: Engine.available) func searchFindsEveryWordByItsStartBestFirst(engine: Engine) throws {
        let store = try openStore(engine)
        let once = try turn(store, question: "How many orders shipped late in the north region last quarter?")
        let twice = try turn(store, question: "Orders by month: orders per region")
        let sql = try turn(
            store, question: "what sold best?", answer: "By quantity.",
            sql: "SELECT product_id, sum(quantity) FROM order_items GROUP BY 1")
        try turn(store, question: "customers per city")

        #expect(try store.search("orders").map(\.sessionID) == [twice, once], "more matches in less text rank first")
        #expect(
            try store.search("ORDER").map(\.sessionID).sorted() == [once, twice, sql].sorted(), "order starts orders")
        #expect(try store.search("order_items quantity").map(\.sessionID) == [sql], "the SQL is searched too")
        #expect(try store.search("region north").map(\.sessionID) == [once], "every word, in any order")
        #expect(try store.search("orders city").isEmpty)
        #expect(try store.search("\" OR * NEAR( -").isEmpty, "no word: nothing, and no query syntax")
        #expect(try store.search("orders", limit: 1).count == 1)

        let fenced = try turn(
            store, question: "refund rate?", answer: "Here:\n```sql\nSELECT avg(refunded) FROM orders\n```")
        #expect(try store.search("refunded").map(\.snippet) == ["Here: SELECT avg(refunded) FROM orders"], "no fences")
        #expect(try store.search("refunded").map(\.sessionID) == [fenced])
        let hit = try #require(try store.search("quantity").first)
        #expect(hit.seq == 2)
        #expect(hit.role == .assistant)
        #expect(hit.snippet.contains("quantity"))
        #expect(!hit.snippet.contains("\n"))
    }

    /// Issue 15 item 8: one 210 KB question made `sessions search` print megabytes. A hit carries a few words
    /// around the match on one line, never the message.
    @Test(arguments: Engine.available) func onlyTheNewestMatchesAreRanked(engine: Engine) throws {
        let store = try openStore(engine)
        let best = try turn(store, question: "refunds refunds refunds")
        Thread.sleep(forTimeInterval: 0.01)  // timestamps are to the millisecond: keep the order plain
        let older = try turn(store, question: "how many refunds per region in 2023 for returning customers?")
        Thread.sleep(forTimeInterval: 0.01)
        let newest = try turn(store, question: "refunds by month for the north region this year, and last year")
        let all = try store.search("refunds").map(\.sessionID)
        #expect(all.first == best && Set(all) == [best, older, newest])
        // With room for the two newest matches only, the oldest is not ranked, best as it would be.
        #expect(Set(try store.search("refunds", candidates: 2).map(\.sessionID)) == [older, newest])
        #expect(try store.search("refunds", candidates: 1).map(\.sessionID) == [newest])
    }

    @Test(arguments: Engine.available) func aHugeMessageGivesASnippetOfItsMatch(engine: Engine) throws {
        let store = try openStore(engine)
        let filler = String(repeating: "lorem ipsum dolor sit amet\n", count: 4_000)
        try turn(store, question: filler + "which orders were refunded? " + filler)
        try turn(store, question: String(repeating: "x", count: 50_000) + " orders")
        // Past what PostgreSQL indexes of a message (300,000 characters), a row is still saved.
        try turn(store, question: String(repeating: "word\(Int.random(in: 0...9)) ", count: 80_000))
        let hits = try store.search("orders")
        #expect(hits.count == 2)
        for hit in hits {
            #expect(hit.snippet.count <= HistoryStore.snippetLength)
            #expect(!hit.snippet.contains("\n"))
        }
        #expect(hits.contains { $0.snippet.contains("orders were refunded?") })
    }

    /// The index follows the messages as the store writes them: a new message is found at once, and a
    /// session's deletion takes its messages out.
    @Test(arguments: Engine.available) func theIndexKeepsInStepWithTheMessages(engine: Engine) throws {
        let store = try openStore(engine)
        let kept = try turn(store, question: "refunds by week")
        let gone = try turn(store, question: "refunds by seller")
        #expect(Set(try store.search("refunds").map(\.sessionID)) == [kept, gone])
        try store.deleteSession(id: gone)
        #expect(try store.search("refunds").map(\.sessionID) == [kept])
        #expect(try store.search("seller").isEmpty)
    }

    /// A word is asked as the whole words of the index it starts (store version 6), which finds what the word
    /// as a prefix found; one that starts too many of them, or is not plain ASCII, is asked as a prefix.
    @Test(arguments: Engine.available) func aWordIsAskedAsTheWholeWordsItStarts(engine: Engine) throws {
        let store = try openStore(engine)
        let seller = try turn(store, question: "revenue per seller")
        let sellers = try turn(store, question: "top sellers by revenue")
        let select = try turn(store, question: "which sellers did we select?", sql: "SELECT seller_id FROM sellers")
        try turn(store, question: "revenue per sales channel")

        #expect(try store.searchWord("seller").terms == ["seller", "sellers"])
        #expect(
            try store.searchWord("sell").terms == ["sell", "seller", "sellers"], "the word itself need not be there")
        #expect(try store.searchWord("sellers").terms == ["sellers"])
        #expect(try store.searchWord("zebra").terms == ["zebra"])
        #expect(Set(try store.search("seller").map(\.sessionID)) == [seller, sellers, select])
        #expect(Set(try store.search("sell revenue").map(\.sessionID)) == [seller, sellers])
        #expect(Set(try store.search("sellers select").map(\.seq)) == [1, 2], "the question and its SQL")
        #expect(Set(try store.search("sellers select").map(\.sessionID)) == [select])

        // Past `searchTermsPerWord` words, the prefix: the same messages.
        let many = (0..<HistoryStore.searchTermsPerWord).map { "zone\($0)x" }
        let zones = try turn(store, question: many.joined(separator: " "))
        #expect(try store.searchWord("zone").terms == nil)
        #expect(try store.searchWord("zone1").terms == ["zone1"] + (10...15).map { "zone\($0)x" } + ["zone1x"])
        #expect(try store.search("zone").map(\.sessionID) == [zones])
        let accented = try turn(store, question: "café sales by städte")
        #expect(try store.searchWord("caf").terms?.count == 2, "caf, and café as the engine keeps it")
        #expect(try store.searchWord("café").terms == nil)
        #expect(try store.search("café städ").map(\.sessionID) == [accented])
    }

    /// PostgreSQL reads the newest matches either by walking the newest messages (a common word) or from the
    /// GIN index (a rare one); both give the newest `candidates` matches, and SQLite gives the same.
    @Test(arguments: Engine.available) func eitherWayTheCandidatesAreTheNewestMatches(engine: Engine) throws {
        let store = try openStore(engine)
        var rare: [String] = []
        var common: [String] = []
        for index in 0..<12 {
            let word = index < 3 ? "chargeback" : "orders"
            let id = try turn(store, question: "\(word) by month, take \(index)")
            if index < 3 { rare.append(id) } else { common.append(id) }
            Thread.sleep(forTimeInterval: 0.002)  // timestamps are to the millisecond: keep the order plain
        }
        // Two candidates walk at most the newest 8 messages (4 sessions): enough for "orders", not for
        // "chargeback", whose three matches are the oldest; the GIN index then finds them.
        #expect(Set(try store.search("orders", candidates: 2).map(\.sessionID)) == Set(common.suffix(2)))
        #expect(Set(try store.search("chargeback", candidates: 2).map(\.sessionID)) == Set(rare.suffix(2)))
        #expect(try store.search("chargeback", candidates: 1).map(\.sessionID) == [rare[2]])
        #expect(Set(try store.search("chargeback").map(\.sessionID)) == Set(rare))
        #expect(Set(try store.search("month").map(\.sessionID)) == Set(rare + common))
        #expect(try store.search("take 7").map(\.sessionID) == [common[4]])
        #expect(try store.search("take 7", limit: 0).isEmpty)
    }

    /// Each of PostgreSQL's three plans (`postgresCandidates`) is taken where it should be and gives the
    /// newest matches. Two candidates walk the newest 8 messages (4 turns) of 40 turns: "orders" is in every
    /// question; "refund" in every fifth, so the walk meets one, which promises 10 matches in the 80
    /// messages (over 4 × 2), and the bounded plan looks back 24 messages (12 turns), where it meets three;
    /// "rebate" in the newest and the oldest, so the bounded plan falls short and the GIN index answers;
    /// "chargeback" in the three oldest, so the walk meets none.
    @Test(.enabled(if: TestPostgres.isAvailable)) func postgresChoosesItsPlanByWhatTheWalkMeets() throws {
        let store = try openStore(.postgres)
        var sessions: [String] = []
        for index in 0..<40 {
            var words = ["orders by month"]
            if index % 5 == 4 { words.append("refund") }
            if index == 0 || index == 39 { words.append("rebate") }
            if index < 3 { words.append("chargeback") }
            sessions.append(try turn(store, question: words.joined(separator: " ") + ", take \(index)"))
            Thread.sleep(forTimeInterval: 0.002)  // timestamps are to the millisecond: keep the order plain
        }
        try store.database.execute("ANALYZE chat_messages")  // the plan reads the table's size from it
        let cases: [(word: String, plan: PostgresSearchPlan, turns: [Int])] = [
            ("orders", .walk, [38, 39]), ("refund", .bounded, [34, 39]), ("rebate", .index, [0, 39]),
            ("chargeback", .index, [1, 2]),
        ]
        for (word, plan, turns) in cases {
            let query = DatabaseValue.text(HistoryStore.tsquery([try store.searchWord(word)]))
            #expect(try store.postgresCandidates(query, limit: 50, candidates: 2).plan == plan, "\(word)")
            #expect(
                Set(try store.search(word, candidates: 2).map(\.sessionID)) == Set(turns.map { sessions[$0] }),
                "\(word): the newest two matches")
        }
    }

    @Test func searchWordsAreLettersAndDigits() {
        #expect(HistoryStore.searchWords("Top-10 \"sellers\", 2024!") == ["top", "10", "sellers", "2024"])
        #expect(HistoryStore.searchWords("éclair Straße") == ["éclair", "straße"])
        #expect(HistoryStore.searchWords("%%_ *").isEmpty)
    }

    /// A SQLite history file deleted while datachat runs is written anew by `VACUUM INTO`, whose rowids SQLite
    /// does not promise to keep: the index is built again there, so search still finds every message.
    @Test func aRecreatedFileIsIndexedAgain() throws {
        let store = try openStore()
        try turn(store, question: "late deliveries by state")
        let path = try #require({ if case .sqlite(let path) = try location(.sqlite).engine { path } else { nil } }())
        for file in [path, path + "-wal", path + "-shm"] { try? FileManager.default.removeItem(atPath: file) }
        try turn(store, question: "late payments")
        #expect(try store.search("late").count == 2)
        let integrity = try store.database.fetchAll(
            "INSERT INTO chat_messages_search (chat_messages_search, rank) VALUES ('integrity-check', 1)")
        #expect(integrity.rows.isEmpty)
    }
}
