import Databases

/// How a PostgreSQL search found its candidates, the newest `candidates` matches (`postgresCandidates`).
enum PostgresSearchPlan: Sendable, Equatable {
    /// The newest messages walked by `created_at`: the word is common there.
    case walk
    /// The GIN index and the `created_at` index together, over the newest messages the walk said would hold
    /// enough matches.
    case bounded
    /// The GIN index alone: every match of a rare word.
    case index
}

/// `sessions search` on PostgreSQL: the newest matches found by whichever plan reads least, then ranked.
///
/// The planner cannot choose well here: asked for the newest matches (`ORDER BY created_at DESC LIMIT`), it
/// walks the `created_at` index for rare words too (494 ms for "chargeback" in 1,000,000 messages), and
/// without that index it reads every match from the heap to sort them (1.4 s for a word in half of them;
/// 0.8 s for one in a message of twelve). How many messages hold the words is what decides, and a short
/// walk over the newest messages measures it.
extension HistoryStore {
    /// The rows walked newest first, by the index on `created_at`, before a search gives up on finding its
    /// candidates that way, as a multiple of `candidates`.
    static let searchWalk = 4

    /// How much further back than the walk's density says the bounded plan looks, so that it rarely falls
    /// short of `candidates` matches and has to read the GIN index whole after all.
    static let searchMargin = 1.5

    /// The matches, as a multiple of `candidates`, the walk's density must promise in the whole table before
    /// the bounded plan is worth its two index scans: reading fewer whole from the GIN index is cheaper
    /// (each costs a heap read, about 10 µs, where the bounded plan's scans cost about 0.2 µs a message).
    static let searchBoundedAbove = 4

    /// Only the rows kept are read whole, for their headline, which reads all of a message's text.
    func postgresSearch(_ words: [SearchWord], limit: Int, candidates: Int) throws -> [[DatabaseValue]] {
        let query = DatabaseValue.text(Self.tsquery(words))
        let ids = try postgresCandidates(query, limit: limit, candidates: candidates).ids
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

    /// The ids of the best `limit` of the newest `candidates` messages matching `query`, best first, and the
    /// plan that found them. Whatever the plan, the candidates are the newest matches:
    ///
    /// 1. Walk the newest `searchWalk × candidates` messages and stop at `candidates` matches: done when a
    ///    word is that common (`orders`, in half of the messages: 2,000 rows for 1,000 matches).
    /// 2. Fewer found, but enough that the whole table should hold over `searchBoundedAbove × candidates`
    ///    matches: the walk's density says how many of the newest messages hold `candidates` matches; with
    ///    `searchMargin` to spare, the matches among those come from the GIN index and the
    ///    `created_at` index together (a bitmap of each, PostgreSQL's BitmapAnd), so only they are read
    ///    from the heap (a word in one message of eighty: 1,250 rows instead of 12,500). When they are
    ///    fewer than `candidates` after all, step 3.
    /// 3. Otherwise, or when step 2 fell short: every match from the GIN index, sorted by time (a rare
    ///    word's matches are few).
    func postgresCandidates(_ query: DatabaseValue, limit: Int, candidates: Int) throws
        -> (ids: [String], plan: PostgresSearchPlan)
    {
        let walk = candidates * Self.searchWalk
        let walked = try database.fetchAll(
            """
            SELECT id, found, (SELECT reltuples FROM pg_class WHERE oid = 'chat_messages'::regclass) FROM (
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
            parameters: [query, .integer(Int64(candidates)), .integer(Int64(walk)), .integer(Int64(limit))]
        ).rows
        let found = walked.first?[1].intValue ?? 0
        if found >= candidates { return (walked.compactMap { $0[0].stringValue }, .walk) }
        // The table's size as last analysed (-1 before the first ANALYZE, when it is new and small).
        let messages = walked.first?[2].doubleValue ?? -1
        if found > 0, Double(found) / Double(walk) * messages > Double(candidates * Self.searchBoundedAbove) {
            let newest = Int((Double(walk) * Double(candidates) / Double(found) * Self.searchMargin).rounded(.up))
            let bound = try database.fetchAll(
                "SELECT created_at FROM chat_messages ORDER BY created_at DESC OFFSET $1 LIMIT 1",
                parameters: [.integer(Int64(newest - 1))]
            ).rows.first?.first
            if let bound {
                let best = try newestMatches(query, since: bound, limit: limit, candidates: candidates)
                if best.found >= candidates { return (best.ids, .bounded) }
            }
        }
        return (try newestMatches(query, since: nil, limit: limit, candidates: candidates).ids, .index)
    }

    /// The best `limit` of the newest `candidates` matches of `query` from the GIN index, among the messages
    /// made at `since` or later when it is given, and how many candidates there were. MATERIALIZED keeps the
    /// planner from walking the `created_at` index for ORDER BY ... LIMIT; inside, it chooses between the two
    /// indexes' bitmaps and the range alone, as their sizes say.
    private func newestMatches(_ query: DatabaseValue, since: DatabaseValue?, limit: Int, candidates: Int) throws
        -> (ids: [String], found: Int)
    {
        let rows = try database.fetchAll(
            """
            WITH matches AS MATERIALIZED (
                SELECT id, created_at, search_vector FROM chat_messages
                WHERE search_vector @@ $1::tsquery\(since == nil ? "" : " AND created_at >= $4"))
            SELECT id, found FROM (
                SELECT id, created_at, ts_rank(search_vector, $1::tsquery) AS rank, count(*) OVER () AS found
                FROM (SELECT * FROM matches ORDER BY created_at DESC LIMIT $2) AS newest
            ) AS ranked
            ORDER BY rank DESC, created_at DESC LIMIT $3
            """,
            parameters: [query, .integer(Int64(candidates)), .integer(Int64(limit))] + (since.map { [$0] } ?? [])
        ).rows
        return (rows.compactMap { $0[0].stringValue }, rows.first?[1].intValue ?? 0)
    }
}
