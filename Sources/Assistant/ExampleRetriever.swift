import History
import SQLGuard

#if canImport(Glibc)
    import Glibc
#endif

/// Finds the confirmed examples most like a new question, so the model sees how this database's similar
/// questions were answered right.
///
/// The measure is BM25 over `SearchTerms` of the example's question, plus the schema's table and column
/// names: a name the new question mentions counts for every example whose SQL uses it, at half a word's
/// weight. It needs no embeddings and no model, so it runs on a laptop beside a 1.5B model; an index of
/// 10,000 examples answers in well under a millisecond (benchmarks/examples.sh).
///
/// Scores are divided by what the question's terms could earn at most, so `minimumScore` means the same for
/// 3 examples and for 10,000: about the share of the question's information an example shares with it.
public struct ExampleRetriever: Sendable {
    /// An example and how well it matched, from 0 (nothing shared) up (1: every term, once, in a question
    /// of average length; more for repeats and short questions).
    public struct Match: Sendable, Hashable {
        public var example: ConfirmedExample
        public var score: Double
    }

    /// How many examples are shown at most.
    public var limit: Int
    /// Below this score an example is more likely to mislead than to help: a 1.5B model copies what it sees.
    public var minimumScore: Double

    /// BM25's usual constants: term-frequency saturation and length normalisation.
    static let k1 = 1.2
    static let b = 0.75
    /// What a schema name the question mentions is worth against a word of the question.
    static let nameWeight = 0.5

    private let examples: [ConfirmedExample]
    /// Term -> its postings (example, term frequency); schema names are stored as `§name`.
    private let postings: [String: [Posting]]
    private let questionLengths: [Double]
    private let averageQuestionLength: Double
    /// Stem -> the schema names (lower-cased) that have it among their parts.
    private let namesByStem: [String: [Int]]
    /// Each schema name (lower-cased) and the stems of its parts.
    private let names: [(name: String, stems: Set<String>)]

    private struct Posting: Sendable {
        var example: Int32
        var frequency: Float
    }

    /// Indexes `examples` (one database's) and the names of its schema's tables and columns. Duplicates
    /// (the same question and SQL confirmed twice) are kept once, the newest.
    public init(
        examples: [ConfirmedExample], schemaNames: [String], dialect: SQLDialect, limit: Int = 3,
        minimumScore: Double = 0.3
    ) {
        self.limit = limit
        self.minimumScore = minimumScore
        var seen: Set<String> = []
        var kept: [ConfirmedExample] = []
        for example in examples.sorted(by: { $0.confirmedAt > $1.confirmedAt })
        where seen.insert(SearchTerms.words(example.question).joined(separator: " ") + "\u{0}" + example.sql).inserted {
            kept.append(example)
        }
        self.examples = kept

        var postings: [String: [Posting]] = [:]
        var lengths: [Double] = []
        lengths.reserveCapacity(kept.count)
        let tokenizer = SQLTokenizer(dialect: dialect)
        for (index, example) in kept.enumerated() {
            let terms = SearchTerms.terms(example.question)
            lengths.append(Double(terms.count))
            var frequencies: [String: Float] = [:]
            for term in terms { frequencies[term, default: 0] += 1 }
            for name in Self.identifiers(in: example.sql, tokenizer: tokenizer) { frequencies["§" + name] = 1 }
            for (term, frequency) in frequencies {
                postings[term, default: []].append(Posting(example: Int32(index), frequency: frequency))
            }
        }
        self.postings = postings
        questionLengths = lengths
        averageQuestionLength = max(1, lengths.reduce(0, +) / Double(max(1, lengths.count)))

        var names: [(name: String, stems: Set<String>)] = []
        var namesByStem: [String: [Int]] = [:]
        for name in Set(schemaNames.map { $0.lowercased() }).sorted() {
            let stems = Set(SearchTerms.nameTerms(name))
            guard !stems.isEmpty else { continue }
            for stem in stems { namesByStem[stem, default: []].append(names.count) }
            names.append((name, stems))
        }
        self.names = names
        self.namesByStem = namesByStem
    }

    /// How many distinct examples the index holds.
    public var count: Int { examples.count }

    /// The best `limit` examples for `question` scoring at least `minimumScore`, best first (newest first
    /// among equals).
    public func matches(for question: String) -> [Match] {
        guard !examples.isEmpty, limit > 0 else { return [] }
        let words = Set(SearchTerms.terms(question))
        var query: [(term: String, weight: Double)] = words.map { ($0, 1) }
        query += mentionedNames(words).map { ("§" + $0, Self.nameWeight) }

        var scores = [Double](repeating: 0, count: examples.count)
        var best = 0.0
        for (term, weight) in query {
            let found = postings[term] ?? []
            let idf = Self.inverseDocumentFrequency(containing: max(1, found.count), of: examples.count)
            best += weight * idf
            let isName = term.hasPrefix("§")
            for posting in found {
                let index = Int(posting.example)
                let frequency = Double(posting.frequency)
                // Names count once per example, whatever the SQL's length; words saturate with repeats and
                // weigh less in a long question.
                let saturation =
                    isName
                    ? 1
                    : frequency * (Self.k1 + 1)
                        / (frequency + Self.k1
                            * (1 - Self.b + Self.b * questionLengths[index] / averageQuestionLength))
                scores[index] += weight * idf * saturation
            }
        }
        guard best > 0 else { return [] }
        var matches: [Match] = []
        for (index, score) in scores.enumerated() where score / best >= minimumScore {
            matches.append(Match(example: examples[index], score: score / best))
        }
        // `examples` is newest first, and the sort is stable: ties keep that order.
        return Array(matches.sorted { $0.score > $1.score }.prefix(limit))
    }

    /// The schema names (lower-cased) every part of which the question has: `customers` for "customer",
    /// `ordered_at` for "ordered", but not `customer_id` without "id".
    func mentionedNames(_ words: Set<String>) -> [String] {
        var candidates: Set<Int> = []
        for word in words { candidates.formUnion(namesByStem[word] ?? []) }
        return candidates.sorted().map { names[$0] }.filter { $0.stems.isSubset(of: words) }.map(\.name)
    }

    /// The words and quoted identifiers of `sql`, lower-cased and without quotes; keywords come along, but a
    /// question can only match one that is also a schema name.
    static func identifiers(in sql: String, tokenizer: SQLTokenizer) -> Set<String> {
        var names: Set<String> = []
        for token in tokenizer.tokenize(sql) {
            switch token.kind {
            case .word: names.insert(token.text.lowercased())
            case .quotedIdentifier where token.text.count > 2:
                let first = token.text.first == "U" || token.text.first == "u" ? 3 : 1
                names.insert(token.text.dropFirst(first).dropLast().lowercased())
            default: continue
            }
        }
        return names
    }

    /// BM25's idf, never negative; a term no example has is scored as if one had it, so a question's new
    /// words lower every score alike instead of swamping them.
    static func inverseDocumentFrequency(containing count: Int, of total: Int) -> Double {
        let n = Double(count)
        return log(1 + (Double(total) - n + 0.5) / (n + 0.5))
    }
}
