import Databases
import Foundation
import TestSupport
import Testing

@testable import History

/// `datachat stats`' figures from a known history, on both engines, computed by hand below.
extension HistoryStoreTests {
    /// Two days, two sessions, seven turns: a repaired answer, a refusal, words without SQL, an answer, a
    /// question never answered, a `\sql` turn (no model) and a cancelled one. Returns the sessions' ids.
    @discardableResult func knownHistory(_ store: HistoryStore) throws -> (first: String, second: String) {
        var clock = 0
        func at(_ day: String) -> String {
            clock += 1
            return "\(day)T10:00:\(clock < 10 ? "0" : "")\(clock).000Z"
        }
        func save(_ sessionID: String, _ day: String, _ turns: [[MessageRecord]]) throws {
            var record = session(sessionID)
            record.createdAt = "\(day)T10:00:00.000Z"
            record.updatedAt = record.createdAt
            try HistoryStore.insert(record, into: store.database)
            var seq = 0
            for turn in turns {
                seq += 1
                var question = MessageRecord(
                    id: HistoryStore.newID(), sessionID: sessionID, seq: seq, role: .user, content: "q\(seq)",
                    status: turn.last?.status ?? .pending, createdAt: at(day))
                if turn.isEmpty { question.status = .pending }
                try HistoryStore.insertRecord(question, into: store.database)
                for var answer in turn {
                    seq += 1
                    answer.id = HistoryStore.newID()
                    answer.sessionID = sessionID
                    answer.seq = seq
                    answer.createdAt = at(day)
                    try HistoryStore.insertRecord(answer, into: store.database)
                }
            }
        }
        func answer(
            _ status: MessageStatus, firstToken: Double? = nil, model: Double? = nil, query: Double? = nil,
            tokens: (Int, Int)? = nil, attempt: Int = 1
        ) -> MessageRecord {
            MessageRecord(
                sessionID: "", role: .assistant, content: "", status: status, attempt: attempt,
                promptTokens: tokens?.0, completionTokens: tokens?.1, firstTokenMilliseconds: firstToken,
                modelMilliseconds: model, executionMilliseconds: query)
        }
        let first = "11111111-0000-0000-0000-000000000000"
        let second = "22222222-0000-0000-0000-000000000000"
        try save(
            first, "2026-11-30",
            [
                [
                    answer(.error, firstToken: 100, model: 1000, query: 5, tokens: (100, 10)),
                    answer(.ok, firstToken: 200, model: 2000, query: 15, tokens: (120, 20), attempt: 2),
                ],
                [answer(.rejected, firstToken: 300, model: 500, tokens: (50, 5))],
                [answer(.noSQL, firstToken: 50, model: 400, tokens: (40, 4))],
            ])
        try save(
            second, "2026-12-01",
            [
                [answer(.ok, firstToken: 150, model: 700, query: 30, tokens: (70, 7))],
                [],
                [answer(.ok, query: 10)],
                [answer(.cancelled, firstToken: 80, model: 90)],
            ])
        return (first, second)
    }

    /// Within rounding of the arithmetic's last bit.
    func close(_ percentiles: Percentiles?, _ p50: Double, _ p95: Double) -> Bool {
        guard let percentiles else { return false }
        return abs(percentiles.p50 - p50) < 1e-9 && abs(percentiles.p95 - p95) < 1e-9
    }

    @Test(arguments: Engine.available) func statsOfAKnownHistory(engine: Engine) throws {
        let store = try openStore(engine)
        let (first, second) = try knownHistory(store)
        let byDay = UsageStats(try store.turns(), by: .day)
        #expect(byDay.groups.map(\.label) == ["2026-11-30", "2026-12-01", "all"])
        let (day1, day2, all) = (byDay.groups[0], byDay.groups[1], byDay.groups[2])

        #expect(day1.turns == 3)
        #expect(day1.outcomes == [.ok: 1, .rejected: 1, .noSQL: 1], "the repaired turn ended ok")
        // first token [50, 100, 300]: the repaired turn's is its first answer's.
        #expect(close(day1.firstToken, 100, 280))
        // model [400, 500, 3000]: the repaired turn's is both attempts'.
        #expect(close(day1.model, 500, 2750))
        #expect(close(day1.query, 20, 20))
        #expect((day1.tokensIn, day1.tokensOut) == (310, 39))

        #expect(day2.turns == 4)
        #expect(day2.outcomes == [.ok: 2, .cancelled: 1], "the unanswered question counts in no outcome")
        #expect(day2.percent(.ok) == 50)
        #expect(close(day2.firstToken, 115, 146.5), "the \\sql turn has no model time")
        #expect(close(day2.model, 395, 669.5))
        #expect(close(day2.query, 20, 29))
        #expect((day2.tokensIn, day2.tokensOut) == (70, 7))

        #expect(all.turns == 7)
        #expect(all.outcomes == [.ok: 3, .rejected: 1, .noSQL: 1, .cancelled: 1])
        #expect(close(all.firstToken, 100, 270))
        #expect(close(all.model, 500, 2540))
        #expect(close(all.query, 20, 29))
        #expect((all.tokensIn, all.tokensOut) == (380, 46))

        let bySession = UsageStats(try store.turns(), by: .session)
        #expect(bySession.groups.map(\.label) == [first, second, "all"])
        #expect(
            bySession.groups[0]
                == {
                    var group = day1
                    group.label = first
                    return group
                }())

        let since = UsageStats(try store.turns(since: "2026-12-01"), by: .day)
        #expect(since.groups.map(\.label) == ["2026-12-01", "all"])
        #expect(since.groups[0].turns == 4)
        #expect(try store.turns(sessionID: first).count == 3)
        #expect(try store.turns(since: "2026-12-02").isEmpty)
        #expect(UsageStats([], by: .day).groups.isEmpty)
    }

    /// The percentiles are PostgreSQL's `percentile_cont`, value for value.
    @Test(.enabled(if: TestPostgres.isAvailable)) func percentilesAreThoseOfPostgres() throws {
        let server = try DatabaseConnector.open(
            DatabaseLocation(parsing: try TestPostgres.requireURL()), access: .readOnly)
        for count in [1, 2, 3, 10, 101, 1_000] {
            let values = (0..<count).map { _ in Double(Int.random(in: 0...100_000)) / 10 }
            let list = values.map { String($0) }.joined(separator: ",")
            let row = try server.fetchAll(
                """
                SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY v), percentile_cont(0.95) WITHIN GROUP (ORDER BY v)
                FROM unnest(ARRAY[\(list)]::float8[]) AS t (v)
                """
            ).rows[0]
            let ours = try #require(Percentiles(values))
            #expect(abs(ours.p50 - (row[0].doubleValue ?? .nan)) < 1e-9, "\(count) values")
            #expect(abs(ours.p95 - (row[1].doubleValue ?? .nan)) < 1e-9, "\(count) values")
        }
        #expect(Percentiles([]) == nil)
    }
}
