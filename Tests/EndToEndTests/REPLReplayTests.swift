import Databases
import Foundation
import History
import TestSupport
import Testing

/// `\replay ID` and `\rerun N` in a real terminal (tmux), on a SQLite shop the test changes between turns.
@Suite(.serialized) struct REPLReplayTests {
    let home = TemporaryDirectory("repl-replay")
    let shop: String

    init() throws {
        shop = home.file("shop.db")
        try SQLiteDatabase(path: shop, access: .readWrite).execute(
            """
            CREATE TABLE sales (id INTEGER PRIMARY KEY, region TEXT NOT NULL, amount INTEGER NOT NULL);
            INSERT INTO sales VALUES (1, 'north', 10), (2, 'south', 20), (3, 'north', 5);
            """)
    }

    func start(_ arguments: [String] = []) throws -> TerminalSession {
        let terminal = try TerminalSession(
            home: home.path, arguments: ["--database-url", shop] + arguments,
            environment: ["OPENAI_BASE_URL": "http://127.0.0.1:9/v1", "OPENAI_API_KEY": "sk-test", "PAGER": ""],
            columns: 120, rows: 40)
        try terminal.waitForPrompt(count: 1, timeout: 30)
        return terminal
    }

    func update(_ sql: String) throws {
        try SQLiteDatabase(path: shop, access: .readWrite).execute(sql)
    }

    @Test func rerunShowsOneTurnFreshAndSaysWhetherItChanged() throws {
        let terminal = try start()
        try terminal.enter("\\sql SELECT count(*) AS n FROM sales")
        try terminal.waitFor("(1 row)")
        try terminal.enter("\\sql SELECT region, amount FROM sales WHERE id = 2")
        try terminal.waitForPrompt(count: 3)

        try terminal.enter("\\rerun 2")
        var screen = try terminal.waitFor("check: same")
        #expect(screen.contains("2> \\sql SELECT region, amount FROM sales WHERE id = 2"))

        try update("UPDATE sales SET amount = 21 WHERE id = 2")
        try terminal.enter("\\rerun 2")
        screen = try terminal.waitFor("check: changed: values changed")
        #expect(screen.contains("  - south | 20"))
        #expect(screen.contains("  + south | 21"))

        try terminal.enter("\\rerun 7")
        try terminal.waitFor("this session has turns 1 to 2, not 7")
        try terminal.enter("\\rerun")
        try terminal.waitFor("usage: \\rerun N")
    }

    @Test func replayRunsASavedSessionInPlace() throws {
        let first = try start()
        try first.enter("\\sql SELECT count(*) AS n FROM sales")
        try first.waitFor("(1 row)")
        try first.enter("\\sql SELECT region FROM sales ORDER BY id")
        try first.waitForPrompt(count: 3)
        try first.enter("\\q")
        _ = try first.waitForExit()
        let store = try HistoryStore.open(DatabaseLocation(sqlitePath: home.path + "/data/datachat/history.sqlite"))
        let id = try #require(try store.sessions().first?.id)

        try update("INSERT INTO sales VALUES (4, 'east', 1)")
        let terminal = try start()
        try terminal.enter("\\replay \(id.prefix(8))")
        let screen = try terminal.waitFor("2 turns replayed: 0 as saved, 2 differ")
        #expect(screen.contains("check: changed: values changed"))
        #expect(screen.contains("check: changed: rows 3 -> 4"))
        #expect(screen.contains("  + east"))

        try terminal.enter("\\replay nope")
        try terminal.waitFor("no session nope")
        #expect(try store.sessions().count == 1, "replay saves nothing")
    }
}
