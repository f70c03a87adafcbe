import Databases

/// A word of a search as the index is asked for it: the whole words it starts, looked up in
/// `chat_search_terms` (store version 6), or, when those are too many to list, the word as a prefix.
///
/// Both engines answer a prefix by reading every match of every word it starts before the first result:
/// 25 to 50 ms for `orders`, in half of a million messages, on SQLite (FTS5 merges the lists in memory)
/// and 280 ms on PostgreSQL (GIN fills its bitmap), each time the query names it. The same words asked
/// whole are read newest first and only as far as needed. The messages found are the same either way.
struct SearchWord: Sendable, Equatable {
    /// The word as typed, lowercased.
    var word: String
    /// Every word of the index that starts with `word`, `word` itself first (whether the index holds it or
    /// not, which changes nothing); nil when the word is asked as a prefix.
    var terms: [String]?
}

extension HistoryStore {
    /// The most whole words a search word stands for; a word that starts more (`s`, `re`) is asked as a prefix.
    static let searchTermsPerWord = 16

    /// `word` as the index should be asked for it (see `SearchWord`).
    ///
    /// Only a word of ASCII letters and digits is looked up: both engines keep such a word as it is, so the
    /// index's words that start with it are exactly those between it and the word with its last letter
    /// one higher (`orders` < term < `ordert`, byte order). The word itself is left out of the look-up, as
    /// SQLite's `fts5vocab` counts the messages of each word it reads (for `orders`, 20 ms), and it reads
    /// the first word of its range even for `term > $1`: the range starts at the word and U+0001 instead,
    /// which no word of either index holds (both cut words at control characters).
    func searchWord(_ word: String) throws -> SearchWord {
        let ascii = word.utf8.allSatisfy { (0x61...0x7A).contains($0) || (0x30...0x39).contains($0) }
        guard ascii, let last = word.utf8.last else { return SearchWord(word: word, terms: nil) }
        let after = String(decoding: word.utf8.dropLast() + [last + 1], as: UTF8.self)
        let longer = try database.fetchAll(
            "SELECT term FROM chat_search_terms WHERE term >= $1 AND term < $2 LIMIT $3",
            parameters: [.text(word + "\u{1}"), .text(after), .integer(Int64(Self.searchTermsPerWord))]
        ).rows.compactMap { $0.first?.stringValue }
        guard longer.count < Self.searchTermsPerWord else { return SearchWord(word: word, terms: nil) }
        return SearchWord(word: word, terms: [word] + longer.sorted())
    }

    /// The FTS5 query of `words` (each word's terms as `("a" OR "b")`, or `"word"*`, joined by AND, which FTS5
    /// does not leave implicit after a parenthesis), and for `bm25_recent` the
    /// number of the word each of its phrases stands for.
    static func fts5Query(_ words: [SearchWord]) -> (match: String, phraseWords: [Int]) {
        var parts: [String] = []
        var phraseWords: [Int] = []
        for (index, word) in words.enumerated() {
            func quoted(_ term: String) -> String { "\"" + term.replacing("\"", with: "\"\"") + "\"" }
            if let terms = word.terms {
                parts.append(
                    terms.count == 1 ? quoted(terms[0]) : "(" + terms.map(quoted).joined(separator: " OR ") + ")")
                phraseWords += Array(repeating: index, count: terms.count)
            } else {
                parts.append(quoted(word.word) + "*")
                phraseWords.append(index)
            }
        }
        return (parts.joined(separator: " AND "), phraseWords)
    }

    /// The `tsquery` of `words`, written as the type's own text (each lexeme quoted, so no parser reads it
    /// again): `('a' | 'b') & 'word':*`.
    static func tsquery(_ words: [SearchWord]) -> String {
        func quoted(_ term: String) -> String {
            "'" + term.replacing("\\", with: "\\\\").replacing("'", with: "''") + "'"
        }
        return words.map { word in
            guard let terms = word.terms else { return quoted(word.word) + ":*" }
            return terms.count == 1 ? quoted(terms[0]) : "(" + terms.map(quoted).joined(separator: " | ") + ")"
        }.joined(separator: " & ")
    }
}
