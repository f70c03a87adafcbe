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
        guard !typed.isEmpty else { return [] }
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

    /// The rows walked newest first, by the index on `created_at`, before a search gives up on finding its
    /// candidates that way, as a multiple of `candidates`.
    static let searchWalk = 4

    /// PostgreSQL finds the newest matches one of two ways, chosen here rather than by the planner (which,
    /// given an index on `created_at`, walked it for rare words too: 494 ms): a common word is met soon when
    /// the messages are walked newest first (`orders`, in half of them: 2,000 rows for 1,000 matches); a rarer
    /// one is read from the GIN index whole and sorted by time (its matches are few). The walk is tried first,
    /// over the newest `searchWalk × candidates` messages at most; when it finds fewer than `candidates`
    /// matches there, the GIN index answers. Either way the candidates are the newest matches. Only the rows
    /// kept are read whole, for their headline, which reads all of a message's text.
    private func postgresSearch(_ words: [SearchWord], limit: Int, candidates: Int) throws -> [[DatabaseValue]] {
        let query = DatabaseValue.text(Self.tsquery(words))
        let walked = try database.fetchAll(
            """
            SELECT id, found FROM (
                SELECT c.id, c.created_at, ts_rank(c.search_vector, $1::tsquery) AS rank, count(*) OVER () AS found
                FROM (
                    SELECT n.id, n.created_at, n.search_vector
                    FROM (
                        SELECT id, created_at, search_vector FROM chat_messages ORDER BY created_at DESC LIMIT $3
                    ) AS n
                    WHERE n.search_vector @@ $1::tsquery
                    ORDER BY n.created_at DESC LIMIT $2
                ) AS c
            ) AS ranked
            ORDER BY rank DESC, created_at DESC LIMIT $4
            """,
            parameters: [
                query, .integer(Int64(candidates)), .integer(Int64(candidates * Self.searchWalk)),
                .integer(Int64(limit)),
            ]
        ).rows
        var ids = walked.compactMap { $0[0].stringValue }
        if (walked.first?[1].intValue ?? 0) < candidates {
            // MATERIALIZED keeps the planner from walking the `created_at` index for ORDER BY ... LIMIT.
            ids = try database.fetchAll(
                """
                WITH matches AS MATERIALIZED (
                    SELECT id, created_at, search_vector FROM chat_messages WHERE search_vector @@ $1::tsquery)
                SELECT id FROM (
                    SELECT id, created_at, ts_rank(search_vector, $1::tsquery) AS rank
                    FROM (SELECT * FROM matches ORDER BY created_at DESC LIMIT $2) AS newest
                ) AS ranked
                ORDER BY rank DESC, created_at DESC LIMIT $3
                """,
                parameters: [query, .integer(Int64(candidates)), .integer(Int64(limit))]
            ).rows.compactMap { $0[0].stringValue }
        }
        guard !ids.isEmpty else { return [] }
        let placeholders = (0..<ids.count).map { "$\($0 + 3)" }.joined(separator: ", ")
        let rows = try database.fetchAll(
            """
            SELECT session_id, seq, role, created_at,
                ts_headline('simple', content || ' ' || coalesce(sql, ''), $1::tsquery, $2), id
            FROM chat_messages WHERE id IN (\(placeholders))
            """,
            parameters: [query, .text("MaxWords=16, MinWords=8, StartSel=\"\", StopSel=\"\"")] + ids.map { .text($0) }
        ).rows
        let place = Dictionary(ids.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
        return rows.sorted { place[$0[5].stringValue ?? "", default: 0] < place[$1[5].stringValue ?? "", default: 0] }
    }

    /// `text` on one line (each run of white space one space, without the fences of an answer's SQL), cut to
    /// `snippetLength` characters.
    static func oneLine(_ text: String) -> String {
        let line = text.split(whereSeparator: \.isWhitespace).filter { !$0.hasPrefix("```") }.joined(separator: " ")
        guard line.count > snippetLength else { return line }
        return String(line.prefix(snippetLength - 1)) + "…"
    }
}
