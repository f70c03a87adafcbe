import Databases
import Foundation
import TestSupport
import Testing

@testable import History

/// `history migrate`'s copy between engines, either way: everything once, nothing twice, never over a
/// different history.
extension HistoryStoreTests {
    /// Every row of a store, as the store reads it back, for comparing two stores.
    func contents(_ store: HistoryStore) throws -> [String] {
        try store.sessions(limit: 1_000).sorted { $0.id < $1.id }.flatMap { session in
            ["\(session)"] + (try store.messages(sessionID: session.id)).map { "\($0)" }
        } + (try store.database.fetchAll("SELECT * FROM chat_examples ORDER BY message_id").rows.map { "\($0)" })
    }

    static let directions: [(Engine, Engine)] =
        TestPostgres.isAvailable
        ? [(.sqlite, .postgres), (.postgres, .sqlite)] : []

    @Test(arguments: directions) func copiesEverythingOnceBetweenEngines(from: Engine, to: Engine) throws {
        let source = try openStore(from)
        try knownHistory(source)
        let (_, confirmed) = try answeredTurn(source, question: "How many orders?\0 with a NUL")
        try #require(try source.confirm(messageID: confirmed.id) != nil)
        let target = try openStore(to)
        var seen: [(Int, Int)] = []

        let counts = try source.copy(to: target) { seen.append(($0, $1)) }
        #expect(counts.sessionsCopied == 3)
        #expect(counts.messagesCopied == 16)
        #expect(counts.examplesCopied == 1)
        #expect(try contents(target) == contents(source))
        #expect(seen.last.map { [$0.0, $0.1] } == [16, 16], "the progress ends at the total")
        #expect(try target.search("nul").count == 1, "the copied messages are indexed")
        #expect(try target.searchWord("nu").terms?.contains("nul") == true, "and their words listed")

        let again = try source.copy(to: target)
        #expect(again.sessionsCopied + again.messagesCopied + again.examplesCopied == 0)
        #expect((again.sessionsPresent, again.messagesPresent, again.examplesPresent) == (3, 16, 1))

        // A session continued in the source since gets its new messages, and its later time.
        let continued = try source.append(
            MessageRecord(sessionID: confirmed.sessionID, role: .user, content: "and per year?", status: .pending))
        let third = try source.copy(to: target)
        #expect((third.sessionsCopied, third.messagesCopied, third.messagesPresent) == (0, 1, 16))
        #expect(try target.messages(sessionID: continued.sessionID).last == continued)
        #expect(try target.session(id: continued.sessionID)?.updatedAt == continued.createdAt)
        #expect(try contents(target) == contents(source))
    }

    @Test(arguments: directions) func refusesATargetWithOtherRowsUnderTheSameIDs(from: Engine, to: Engine) throws {
        let source = try openStore(from)
        let (first, _) = try knownHistory(source)
        let target = try openStore(to)
        _ = try source.copy(to: target)
        try target.database.execute(
            "UPDATE chat_messages SET content = 'edited' WHERE session_id = $1 AND seq = 1", parameters: [.text(first)])
        _ = try answeredTurn(source, question: "a new session, not to be copied")
        let before = try contents(target)

        let conflict = #expect(throws: HistoryCopyConflict.self) { try source.copy(to: target) }
        #expect(conflict?.description.contains("message 1 of session \(first)") == true)
        #expect(try contents(target) == before, "nothing was copied")

        try target.database.execute(
            "UPDATE chat_messages SET content = 'q1' WHERE session_id = $1 AND seq = 1", parameters: [.text(first)])
        try target.database.execute(
            "UPDATE chat_sessions SET title = 'another' WHERE id = $1", parameters: [.text(first)])
        #expect(throws: HistoryCopyConflict.self) { try source.copy(to: target) }
        #expect(try target.sessions(limit: 10).count == 2)
    }
}
