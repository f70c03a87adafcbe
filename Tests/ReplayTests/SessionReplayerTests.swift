import Assistant
import Databases
import History
import Render
import Replay
import Testing

/// Replay and its check over real engines: the data changes under a saved session, and the check says so.
@Suite(.serialized) struct SessionReplayerTests {
    func replayedChecks(_ fixture: ReplayFixture, _ id: String) throws -> [TurnCheck] {
        let session = try SavedSession.load(id: id, from: fixture.history())
        return try fixture.replayer().replay(session.turns).map(TurnCheck.compare)
    }

    @Test(arguments: ReplayFixture.Engine.available) func replayPrintsFreshResults(engine: ReplayFixture.Engine)
        throws
    {
        let fixture = try ReplayFixture(engine)
        let id = try fixture.saveSession(["SELECT count(*) AS n FROM sales", "SELECT region FROM sales WHERE id = 2"])
        try fixture.writer.execute("INSERT INTO sales VALUES (4, 'east', 7)")
        let session = try SavedSession.load(id: id, from: fixture.history())
        let turns = try fixture.replayer().replay(session.turns)
        #expect(turns.count == 2)
        guard case .ran(let fresh) = turns[0].run else {
            Issue.record("turn 1 did not run: \(turns[0].run)")
            return
        }
        #expect(fresh.result.rows == [[.integer(4)]])
        let output = StringOutput()
        let printer = ReplayPrinter(format: .csv, output: output, notes: StringOutput(), check: false)
        printer.begin(session)
        for turn in turns { printer.print(turn) }
        printer.finish()
        #expect(output.text == "n\n4\n\nregion\nsouth\n")
    }

    @Test(arguments: ReplayFixture.Engine.available) func checkPassesOnUnchangedDataAndNamesTheTurnAfterAnUpdate(
        engine: ReplayFixture.Engine
    ) throws {
        let fixture = try ReplayFixture(engine)
        let id = try fixture.saveSession([
            "SELECT count(*) AS n FROM sales", "SELECT region, amount FROM sales ORDER BY id",
        ])
        #expect(try replayedChecks(fixture, id).map(\.verdict) == [.same, .same])

        try fixture.writer.execute("UPDATE sales SET amount = 99 WHERE id = 2")
        let checks = try replayedChecks(fixture, id)
        #expect(checks.map(\.verdict) == [.same, .changed])
        #expect(checks[1].line == "changed: values changed")
        #expect(checks[1].removedRows == [["south", "20"]])
        #expect(checks[1].addedRows == [["south", "99"]])

        try fixture.writer.execute("DELETE FROM sales WHERE id = 3")
        let afterDelete = try replayedChecks(fixture, id)
        #expect(afterDelete[0].line == "changed: values changed")
        #expect(afterDelete[1].line == "changed: rows 3 -> 2")
        #expect(afterDelete[1].removedRows == [["south", "20"], ["north", "5"]])
    }

    /// Rows of a query without ORDER BY that come back in another order are the same answer.
    @Test(arguments: ReplayFixture.Engine.available) func rowOrderAloneIsNoChange(engine: ReplayFixture.Engine) throws {
        let fixture = try ReplayFixture(engine)
        let id = try fixture.saveSession(["SELECT name FROM tags"])
        try reverseTags(fixture)
        let session = try SavedSession.load(id: id, from: fixture.history())
        let turn = try #require(fixture.replayer().replay(session.turns).first)
        guard case .ran(let fresh) = turn.run else {
            Issue.record("did not run")
            return
        }
        // The engine really did return another order, so the ordered hash alone would have failed the check.
        #expect(fresh.result.rows.map { $0[0].stringValue } == ["c", "b", "a"])
        #expect(fresh.hash != session.turns[0].answer?.resultHash)
        let check = TurnCheck.compare(turn)
        #expect(check.verdict == .same)
        #expect(check.note == "the same rows in another order")
    }

    /// Turns saved before the order-independent hash: the preview stands in when it holds the whole result,
    /// and the check says how it compared.
    @Test func olderTurnsAreComparedAsWellAsTheyCanBeAndSaySo() throws {
        let fixture = try ReplayFixture()
        let whole = try fixture.saveSession(["SELECT name FROM tags"])
        let cut = try fixture.saveSession(["SELECT name FROM tags"], previewRows: 2)
        let store = try fixture.history()
        try DatabaseConnector.open(fixture.historyLocation, access: .readWrite)
            .execute("UPDATE chat_messages SET result_set_hash = NULL")
        try reverseTags(fixture)

        let fromPreview = try #require(try replayedChecks(fixture, whole).first)
        #expect(fromPreview.verdict == .same)
        #expect(fromPreview.note?.contains("compared as a set from the saved preview") == true)

        let inOrder = try #require(try replayedChecks(fixture, cut).first)
        #expect(inOrder.verdict == .changed)
        #expect(inOrder.note?.contains("compared in row order") == true)
        _ = store
    }

    @Test func refusedFailedAndSkippedTurns() throws {
        let fixture = try ReplayFixture()
        let id = try fixture.saveSession(["SELECT count(*) AS n FROM tags", "SELECT name FROM tags"])
        let store = try fixture.history()
        // A turn saved by an older, laxer guard: its SQL would write. It must be refused and never run.
        try store.append(MessageRecord(sessionID: id, role: .user, content: "clean up", status: .pending))
        try store.append(
            MessageRecord(
                sessionID: id, role: .assistant, content: "", sql: "DELETE FROM sales", status: .ok, columns: [],
                rowCount: 0, resultHash: "0", resultSetHash: "0"))
        try store.append(MessageRecord(sessionID: id, role: .user, content: "hello", status: .pending))
        try store.append(MessageRecord(sessionID: id, role: .assistant, content: "Hello!", status: .noSQL))
        try fixture.writer.execute("DROP TABLE tags")

        let checks = try replayedChecks(fixture, id)
        #expect(checks.map(\.verdict) == [.failed, .failed, .refused, .skipped])
        #expect(checks[0].detail.contains("tags"))
        #expect(checks[3].line == "skipped: answered in words")
        let count = try fixture.writer.fetchAll("SELECT count(*) FROM sales").rows.first?.first?.intValue
        #expect(count == 3)
    }

    @Test func schemaChangeIsNoticed() throws {
        let fixture = try ReplayFixture()
        let id = try fixture.saveSession(["SELECT count(*) AS n FROM sales"])
        let session = try SavedSession.load(id: id, from: fixture.history())
        #expect(try fixture.replayer().schemaChanged(since: session.record.schemaFingerprint) == false)
        try fixture.writer.execute("ALTER TABLE sales ADD COLUMN note TEXT")
        #expect(try fixture.replayer().schemaChanged(since: session.record.schemaFingerprint) == true)
    }

    @Test func lastIsTheNewestSession() throws {
        let fixture = try ReplayFixture()
        let store = try fixture.history()
        let none = #expect(throws: AssistantError.self) { try SavedSession.load(id: "last", from: store) }
        #expect(none?.message == "no saved session yet: ask a question first")
        _ = try fixture.saveSession(["SELECT 1"])
        let newest = try fixture.saveSession(["SELECT 2"])
        #expect(try SavedSession.load(id: "last", from: store).record.id == newest)
    }

    @Test func unknownAndAmbiguousSessionsAreOneLine() throws {
        let fixture = try ReplayFixture()
        _ = try fixture.saveSession(["SELECT 1"])
        _ = try fixture.saveSession(["SELECT 2"])
        let store = try fixture.history()
        // "" is the start of both ids: ambiguous, with both listed.
        for (id, says) in [("nope", "`datachat sessions list` shows them"), ("", "is ambiguous: it starts")] {
            let error = #expect(throws: AssistantError.self) { try SavedSession.load(id: id, from: store) }
            #expect(error?.code == .configuration)
            #expect(error?.message.contains(says) == true, "\(error?.message ?? "")")
        }
    }

    /// The tags again, inserted the other way round: a plain SELECT now returns them as c, b, a.
    func reverseTags(_ fixture: ReplayFixture) throws {
        try fixture.writer.execute(
            fixture.engine == .sqlite
                ? "DELETE FROM tags; INSERT INTO tags VALUES ('c'), ('b'), ('a')"
                : "TRUNCATE tags; INSERT INTO tags VALUES ('c'), ('b'), ('a')")
    }
}
