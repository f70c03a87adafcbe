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

/// Full-text search over questions, the model's words and SQL, by the index of store version 4 (and 5, 6).
extension HistoryStore {
    /// The longest snippet a hit carries, in characters.
    public static let snippetLength = 120

    /// The words of `text` a search looks for: runs of letters and digits, lowercased, as both engines'
    /// word rules (SQLite's `unicode61`, PostgreSQL's `simple`) cut them. Anything else separates words,
    /// so the text can never be read as the engines' query syntax.
    public static func searchWords(_ text: String) -> [String] {
        text.lowercased().split { !($0.isLetter || $0.isNumber) }.map(String.init)
    }

    /// The matches a search ranks at most, newest first. Ranking costs each engine about 3 µs a match
    /// (`ts_rank` on PostgreSQL): 10,000 took 30 ms and the target of a whole search is 50 ms. A word in more
    /// messages is ranked among its recent ones; the older matches of so common a word are rarely the ones
    /// wanted (narrow it with another word).
    public static let searchCandidates = 1_000

    /// The messages holding every word of `text` (each word also as the start of a longer one, so `order`
    /// finds `orders`), best ranked first among the newest `candidates` matches: BM25 on SQLite (`bm25_recent`:
    /// every word weighs the same), `ts_rank` on PostgreSQL. Empty when `text` has no words.
    public func search(_ text: String, limit: Int = 50, candidates: Int = searchCandidates) throws -> [SearchHit] {
        let typed = Self.searchWords(text)
        guard !typed.isEmpty, limit > 0 else { return [] }
        let words = try typed.map(searchWord)
        let candidates = max(1, candidates)
        let rows: [[DatabaseValue]]
        switch database.dialect {
        case .sqlite: rows = try sqliteSearch(words, limit: limit, candidates: candidates)
        case .postgres: rows = try postgresSearch(words, limit: limit, candidates: candidates)
        }
        return rows.map { row in
            SearchHit(
                sessionID: row[0].stringValue ?? "", seq: row[1].intValue ?? 0,
                role: MessageRecord.Role(rawValue: row[2].stringValue ?? "") ?? .user,
                createdAt: row[3].stringValue ?? "", snippet: Self.oneLine(row[4].stringValue ?? ""))
        }
    }

    /// FTS5 walks its matches by rowid, newest first, and honours a rowid range beside MATCH: the bound is the
    /// `candidates`-th newest match, so only those are ranked. ORDER BY rank alone is done by FTS5 itself, so
    /// snippet() runs for the rows returned only.
    private func sqliteSearch(_ words: [SearchWord], limit: Int, candidates: Int) throws -> [[DatabaseValue]] {
        let query = Self.fts5Query(words)
        let rank = "bm25_recent(" + query.phraseWords.map(String.init).joined(separator: ", ") + ")"
        return try database.fetchAll(
            """
            SELECT m.session_id, m.seq, m.role, m.created_at,
                snippet(chat_messages_search, -1, '', '', '…', 16)
            FROM chat_messages_search JOIN chat_messages m ON m.rowid = chat_messages_search.rowid
            WHERE chat_messages_search MATCH $1 AND chat_messages_search.rank MATCH $4
                AND chat_messages_search.rowid >= coalesce((
                    SELECT rowid FROM chat_messages_search WHERE chat_messages_search MATCH $1
                    ORDER BY rowid DESC LIMIT 1 OFFSET $3), 0)
            ORDER BY chat_messages_search.rank LIMIT $2
            """,
            parameters: [.text(query.match), .integer(Int64(limit)), .integer(Int64(candidates - 1)), .text(rank)]
        ).rows
    }

    /// `text` on one line (each run of white space one space, without the fences of an answer's SQL), cut to
    /// `snippetLength` characters.
    static func oneLine(_ text: String) -> String {
        let line = text.split(whereSeparator: \.isWhitespace).filter { !$0.hasPrefix("```") }.joined(separator: " ")
        guard line.count > snippetLength else { return line }
        return String(line.prefix(snippetLength - 1)) + "…"
    }
}
