import History

/// One earlier question of the session and what came of it, as a follow-up needs it: the SQL that
/// answered, the shape of the result, and its first rows (sent only under `--share rows`).
public struct EarlierTurn: Sendable, Hashable {
    public var question: String
    /// The day it was asked, `YYYY-MM-DD`, so the turn is sent again exactly as it was first sent.
    public var date: String
    public var sql: String?
    /// The model's words when it wrote no SQL (a clarifying question, "this data cannot answer that").
    public var reply: String
    /// The error the final attempt ended with, as saved.
    public var error: String?
    public var succeeded: Bool
    public var columns: [String]
    public var rowCount: Int?
    /// The first rows as CSV, header included.
    public var preview: String?

    /// The session's finished turns, oldest first; a repaired turn counts once, with its final answer.
    /// A question without an answer yet (the one being asked) is left out.
    public static func turns(from records: [MessageRecord]) -> [EarlierTurn] {
        var turns: [EarlierTurn] = []
        var question: MessageRecord?
        var answer: MessageRecord?
        func close() {
            if let question, let answer {
                turns.append(
                    EarlierTurn(
                        question: question.content, date: String(question.createdAt.prefix(10)), sql: answer.sql,
                        reply: answer.content, error: answer.error, succeeded: answer.status == .ok,
                        columns: answer.columns ?? [], rowCount: answer.rowCount, preview: answer.resultPreview))
            }
            question = nil
            answer = nil
        }
        for record in records {
            switch record.role {
            case .user:
                close()
                question = record
            case .assistant:
                if question != nil { answer = record }
            }
        }
        close()
        return turns
    }
}
