import CSQLite

/// `bm25_recent`, an FTS5 ranking function: BM25 without the words' rarity (every word weighs 1).
///
/// FTS5's own `bm25` first counts every message that holds each word (its IDF), whatever rows it ranks:
/// 20 ms for a word in half of a million messages even when only the newest 1,000 are ranked. For one word
/// the rarity is the same factor on every row, so the order is bm25's; for several, each word counts the
/// same, as in PostgreSQL's `ts_rank`. Lower is better, as with `bm25`, so `ORDER BY rank` puts the best first.
///
/// Its arguments are the number of the search word each phrase of the query stands for (a word asked as
/// `"order" OR "orders"` is two phrases and one word): `rank MATCH 'bm25_recent(0, 0, 1)'`. Without them each
/// phrase is a word of its own.
///
/// https://www.sqlite.org/fts5.html#custom_auxiliary_functions
extension SQLiteDatabase {
    /// Makes `bm25_recent` known to this connection's FTS5; a no-op where SQLite was built without FTS5.
    func registerSearchRank() {
        guard let api = dc_sqlite3_fts5_api(handle), api.pointee.iVersion >= 2,
            let create = api.pointee.xCreateFunction
        else { return }
        _ = create(api, "bm25_recent", nil, bm25Recent, nil)
    }
}

/// BM25's usual constants, as FTS5's `bm25` has them.
private let k1 = 1.2
private let b = 0.75

/// The body of `bm25_recent`: Σ over words of f·(k1 + 1) / (f + k1·(1 − b + b·|D| / avgdl)), negated, where f is
/// how often the row holds the word (any of its phrases, any column) and |D| the row's length in tokens.
private let bm25Recent: fts5_extension_function = { api, fts, context, count, values in
    guard let api = api?.pointee, let fts, let instCount = api.xInstCount, let inst = api.xInst,
        let phraseCount = api.xPhraseCount, let rowCount = api.xRowCount, let totalSize = api.xColumnTotalSize,
        let columnSize = api.xColumnSize
    else { return sqlite3_result_error(context, "bm25_recent: no FTS5 context", -1) }
    let phrases = Int(phraseCount(fts))
    var word = Array(0..<phrases)
    if let values {
        for index in 0..<min(phrases, Int(count)) {
            word[index] = min(max(0, Int(sqlite3_value_int(values[index]))), phrases - 1)
        }
    }
    var rows: sqlite3_int64 = 0
    var tokens: sqlite3_int64 = 0
    var length: Int32 = 0
    var instances: Int32 = 0
    guard rowCount(fts, &rows) == SQLITE_OK, totalSize(fts, -1, &tokens) == SQLITE_OK,
        columnSize(fts, -1, &length) == SQLITE_OK, instCount(fts, &instances) == SQLITE_OK
    else { return sqlite3_result_error(context, "bm25_recent: cannot read the row", -1) }
    var frequency = [Double](repeating: 0, count: (word.max() ?? 0) + 1)
    for index in 0..<instances {
        var phrase: Int32 = 0
        var column: Int32 = 0
        var offset: Int32 = 0
        if inst(fts, index, &phrase, &column, &offset) == SQLITE_OK, phrase >= 0, Int(phrase) < phrases {
            frequency[word[Int(phrase)]] += 1
        }
    }
    let average = rows > 0 && tokens > 0 ? Double(tokens) / Double(rows) : 1
    let norm = k1 * (1 - b + b * Double(length) / average)
    let score = frequency.reduce(0) { $0 + ($1 == 0 ? 0 : $1 * (k1 + 1) / ($1 + norm)) }
    sqlite3_result_double(context, -score)
}
