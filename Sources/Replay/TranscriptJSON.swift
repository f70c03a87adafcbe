import Basics
import Databases
import History
import Render

/// Transcripts for machines: every field of a session and its messages as the store holds them
/// (`sessions show --format json`, `export --format json`), and replayed turns with their fresh rows.
public enum TranscriptJSON {
    /// `{"session": {...}, "messages": [{...}, ...]}` with every column of both tables, plus `confirmed`.
    public static func session(
        _ session: SessionRecord, messages: [MessageRecord], confirmed: Set<String>, rerun: [ReplayedTurn]? = nil
    ) -> String {
        var text = "{\n  \"session\": " + object(session) + ",\n  \"messages\": ["
        text += messages.map { "\n    " + object($0, confirmed: confirmed.contains($0.id)) }.joined(separator: ",")
        text += messages.isEmpty ? "]" : "\n  ]"
        if let rerun {
            text += ",\n  \"rerun\": [" + rerun.map { "\n    " + turn($0, check: nil) }.joined(separator: ",")
            text += rerun.isEmpty ? "]" : "\n  ]"
        }
        return text + "\n}\n"
    }

    /// Every message a line, each with its session's id: `sessions show --format jsonl`.
    public static func messageLines(_ messages: [MessageRecord], confirmed: Set<String>) -> String {
        messages.map { object($0, confirmed: confirmed.contains($0.id)) + "\n" }.joined()
    }

    public static func object(_ session: SessionRecord) -> String {
        fields([
            ("id", string(session.id)), ("title", string(session.title)), ("created_at", string(session.createdAt)),
            ("updated_at", string(session.updatedAt)), ("data_source", string(session.dataSource)),
            ("dialect", string(session.dialect)), ("model", string(session.model)),
            ("endpoint_host", string(session.endpointHost)), ("user_name", string(session.userName)),
            ("client_version", string(session.clientVersion)),
            ("schema_fingerprint", string(session.schemaFingerprint)), ("replay_of", string(session.replayOf)),
        ])
    }

    public static func object(_ message: MessageRecord, confirmed: Bool) -> String {
        let values = MessageFields.values(message, confirmed: confirmed)
        return fields(zip(MessageFields.names, values).map { ($0, ValueFormatter.json($1)) })
    }

    /// A replayed turn with its fresh rows as objects, and its check when there was one.
    public static func turn(_ turn: ReplayedTurn, check: TurnCheck?) -> String {
        var entries: [(String, String)] = [
            ("turn", number(turn.saved.number)), ("question", string(turn.saved.question.content)),
            ("sql", string(turn.saved.sql)),
        ]
        switch turn.run {
        case .ran(let fresh):
            entries += [
                ("status", string("ok")), ("columns", strings(fresh.result.columns.map(\.name))),
                ("rows", rows(fresh.result)), ("row_count", number(fresh.rowCount)),
                ("truncated", fresh.result.truncated ? "true" : "false"),
                ("execution_ms", number(fresh.executionMilliseconds)),
            ]
        case .refused, .failed:
            let status = { if case .refused = turn.run { "refused" } else { "error" } }()
            entries += [("status", string(status)), ("error", string(turn.run.failureMessage))]
        case .nothingToRun:
            entries.append(("status", string("no_sql")))
        }
        entries += [
            ("saved_row_count", number(turn.saved.answer?.rowCount)),
            ("saved_status", string(turn.saved.answer?.status.rawValue)),
        ]
        if let check {
            entries.append(
                (
                    "check",
                    fields([
                        ("verdict", string(check.verdict.rawValue)), ("detail", string(check.detail)),
                        ("note", string(check.note)), ("removed_rows", cellRows(check.removedRows)),
                        ("added_rows", cellRows(check.addedRows)),
                    ])
                ))
        }
        return fields(entries)
    }

    /// The rows as JSON objects with native types, as `--format json` prints a result.
    static func rows(_ result: QueryResult) -> String {
        let output = StringOutput()
        let renderer = ResultRenderer(options: RenderOptions(format: .jsonl), output: output)
        renderer.begin(columns: result.columns)
        for row in result.rows { renderer.add(row: row) }
        renderer.finish()
        return "[" + output.text.split(separator: "\n").joined(separator: ",") + "]"
    }

    static func fields(_ entries: [(String, String)]) -> String {
        "{" + entries.map { JSONText.quoted($0.0) + ": " + $0.1 }.joined(separator: ", ") + "}"
    }

    static func string(_ text: String?) -> String { text.map(JSONText.quoted) ?? "null" }

    static func strings(_ list: [String]?) -> String {
        list.map { "[" + $0.map(JSONText.quoted).joined(separator: ", ") + "]" } ?? "null"
    }

    static func cellRows(_ rows: [[String?]]) -> String {
        "[" + rows.map { "[" + $0.map(string).joined(separator: ", ") + "]" }.joined(separator: ", ") + "]"
    }

    static func number(_ value: Int?) -> String { value.map(String.init) ?? "null" }

    static func number(_ value: Double?) -> String {
        guard let value, value.isFinite else { return "null" }
        return ValueFormatter.json(.real(value))
    }
}
