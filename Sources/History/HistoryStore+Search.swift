import Databases

/// One message `sessions search` found: where it is, and a few words around the match.
public struct SearchHit: Sendable, Hashable {
    public var sessionID: String
    public var seq: Int
    public var role: MessageRecord.Role
    public var createdAt: String
    /// The words around the best match on one line, never the whole message (at most `snippetLength`
    /// characters): a 200 KB question must not make every row of a listing as wide as itself.
    public var snippet: String
}

/// Full-text search over questions, the model's words and SQL, by the index of store version 4.
extension HistoryStore {
    /// The longest snippet a hit carries, in characters.
    public static let snippetLength = 120

    /// The words of `text` a search looks for: runs of letters and digits, lowercased, as both engines'
    /// word rules (SQLite's `unicode61`, PostgreSQL's `simple`) cut them. Anything else separates words,
    /// so the text can never be read as the engines' query syntax.
    public static func searchWords(_ text: String) -> [String] {
        text.lowercased().split { !($0.isLetter || $0.isNumber) }.map(String.init)
    }

    /// The matches a search ranks at most, newest first: a word in half of a million messages took 1.4 s
    /// to rank whole; ranking the newest 10,000 keeps such a search as fast as a rare word's, and the older
    /// matches of so common a word are rarely the ones wanted (narrow it with another word).
    public static let searchCandidates = 10_000

    /// The messages holding every word of `text` (each word also as the start of a longer one, so `order`
    /// finds `orders`), best ranked first among the newest `candidates` matches: BM25 on SQLite, `ts_rank` on
    /// PostgreSQL. Empty when `text` has no words.
    public func search(_ text: String, limit: Int = 50, candidates: Int = searchCandidates) throws -> [SearchHit] {
        let words = Self.searchWords(text)
        guard !words.isEmpty else { return [] }
        let rows: [[DatabaseValue]]
        switch database.dialect {
        case .sqlite:
            // ORDER BY rank alone is done by FTS5 itself, so snippet() runs for the rows returned only. The
            // rowid bound is the `candidates`-th newest match (FTS5 walks matches by rowid, newest first, and
            // honours a rowid range beside MATCH), so only those are ranked.
            rows = try database.fetchAll(
                """
                SELECT m.session_id, m.seq, m.role, m.created_at,
                    snippet(chat_messages_search, -1, '', '', '…', 16)
                FROM chat_messages_search JOIN chat_messages m ON m.rowid = chat_messages_search.rowid
                WHERE chat_messages_search MATCH $1
                    AND chat_messages_search.rowid >= coalesce((
                        SELECT rowid FROM chat_messages_search WHERE chat_messages_search MATCH $1
                        ORDER BY rowid DESC LIMIT 1 OFFSET $3), 0)
                ORDER BY chat_messages_search.rank LIMIT $2
                """,
                parameters: [
                    .text(words.map { "\"\($0)\"*" }.joined(separator: " ")), .integer(Int64(limit)),
                    .integer(Int64(max(1, candidates) - 1)),
                ]
            ).rows
        case .postgres:
            // The headline is made for the rows kept after ranking only: it reads the whole text.
            rows = try database.fetchAll(
                """
                SELECT session_id, seq, role, created_at,
                    ts_headline('simple', content || ' ' || coalesce(sql, ''), query, $3)
                FROM (
                    SELECT r.session_id, r.seq, r.role, r.created_at, r.content, r.sql, r.query,
                        ts_rank(r.search_vector, r.query) AS rank
                    FROM (
                        SELECT m.session_id, m.seq, m.role, m.created_at, m.content, m.sql, m.search_vector, q.query
                        FROM chat_messages m, to_tsquery('simple', $1) AS q (query)
                        WHERE m.search_vector @@ q.query
                        ORDER BY m.created_at DESC LIMIT $4
                    ) AS r
                    ORDER BY rank DESC, r.created_at DESC LIMIT $2
                ) AS best
                ORDER BY rank DESC, created_at DESC
                """,
                parameters: [
                    .text(words.map { "\($0):*" }.joined(separator: " & ")), .integer(Int64(limit)),
                    .text("MaxWords=16, MinWords=8, StartSel=\"\", StopSel=\"\""), .integer(Int64(max(1, candidates))),
                ]
            ).rows
        }
        return rows.map { row in
            SearchHit(
                sessionID: row[0].stringValue ?? "", seq: row[1].intValue ?? 0,
                role: MessageRecord.Role(rawValue: row[2].stringValue ?? "") ?? .user,
                createdAt: row[3].stringValue ?? "", snippet: Self.oneLine(row[4].stringValue ?? ""))
        }
    }

    /// `text` on one line (each run of white space one space, without the fences of an answer's SQL), cut to
    /// `snippetLength` characters.
    static func oneLine(_ text: String) -> String {
        let line = text.split(whereSeparator: \.isWhitespace).filter { !$0.hasPrefix("```") }.joined(separator: " ")
        guard line.count > snippetLength else { return line }
        return String(line.prefix(snippetLength - 1)) + "…"
    }
}
