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
    /// One confirmed turn as the retriever sees it.
    public struct Example: Sendable, Hashable {
        public var question: String
        public var sql: String

        public init(question: String, sql: String) {
            self.question = question
            self.sql = sql
        }
    }

    /// An example, by its position in what the retriever was built from, and how well it matched: from 0
    /// (nothing shared) up (1: every term, once, in a question of average length; more for repeats and short
    /// questions).
    public struct Match: Sendable, Hashable {
        public var index: Int
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

    /// The positions, in what `init` was given, of the examples kept: duplicates are dropped.
    private let kept: [Int]
    /// Question term -> the examples whose question has it, with how often.
    private let wordPostings: [String: [Posting]]
    /// For each schema name, the examples whose SQL uses it.
    private let namePostings: [[Int32]]
    private let questionLengths: [Double]
    private let averageQuestionLength: Double
    /// Stem -> the schema names (positions in `names`) that have it among their parts.
    private let namesByStem: [String: [Int]]
    /// Each schema name (lower-cased) and the stems of its parts.
    private let names: [(name: String, stems: Set<String>)]

    private struct Posting: Sendable {
        var example: Int32
        var frequency: Float
    }

    /// Indexes `examples` (one database's, oldest first) and the names of its schema's tables and columns.
    /// The same question and SQL confirmed twice is kept once, the newest.
    public init(
        examples: [Example], schemaNames: [String], limit: Int = 3, minimumScore: Double = 0.3
    ) {
        self.limit = limit
        self.minimumScore = minimumScore
        struct Written: Hashable {
            var words: [String]
            var sql: String
        }
        var seen: Set<Written> = []
        var kept: [Int] = []
        var keptWords: [[(word: String, isASCII: Bool)]] = []
        for index in examples.indices.reversed() {
            let words = SearchTerms.words(examples[index].question)
            if seen.insert(Written(words: words.map(\.word), sql: examples[index].sql)).inserted {
                kept.append(index)
                keptWords.append(words)
            }
        }
        self.kept = kept

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
        let nameTable = SchemaNameTable(names.map(\.name))

        var wordPostings: [String: [Posting]] = [:]
        var namePostings = [[Int32]](repeating: [], count: names.count)
        var lengths: [Double] = []
        lengths.reserveCapacity(kept.count)
        for (index, position) in kept.enumerated() {
            let example = examples[position]
            let terms = SearchTerms.terms(of: keptWords[index])
            lengths.append(Double(terms.count))
            // A question has a handful of terms: counting them in a list beats a dictionary.
            var counted: [(term: String, frequency: Float)] = []
            for term in terms {
                if let at = counted.firstIndex(where: { $0.term == term }) {
                    counted[at].frequency += 1
                } else {
                    counted.append((term, 1))
                }
            }
            for (term, frequency) in counted {
                wordPostings[term, default: []].append(Posting(example: Int32(index), frequency: frequency))
            }
            nameTable.forEachName(in: example.sql) { id in
                // Once per example: this example's postings are the last ones appended.
                if namePostings[id].last != Int32(index) { namePostings[id].append(Int32(index)) }
            }
        }
        self.wordPostings = wordPostings
        self.namePostings = namePostings
        questionLengths = lengths
        averageQuestionLength = max(1, lengths.reduce(0, +) / Double(max(1, lengths.count)))
    }

    /// How many distinct examples the index holds.
    public var count: Int { kept.count }

    /// The best `limit` examples for `question` scoring at least `minimumScore`, best first (newest first
    /// among equals).
    public func matches(for question: String) -> [Match] {
        guard !kept.isEmpty, limit > 0 else { return [] }
        let words = Set(SearchTerms.terms(question))
        // Each term of the question: the examples that have it (with how often), its weight, and whether it
        // is a schema name (counted once per example) or a word (saturating, and lighter in long questions).
        var found: [(postings: [Posting], weight: Double, isName: Bool)] = words.map {
            (wordPostings[$0] ?? [], 1, false)
        }
        for id in mentionedNames(words) {
            found.append((namePostings[id].map { Posting(example: $0, frequency: 1) }, Self.nameWeight, true))
        }
        // A term no example has cannot tell examples apart, but it is part of what the question asks: it counts
        // in the best score as much as the question's most specific known term, so that an example sharing only
        // the common words scores low, and a new word cannot swamp a large collection's scores.
        let idfs = found.map { Self.inverseDocumentFrequency(containing: $0.postings.count, of: kept.count) }
        let unseenIDF = zip(found, idfs).filter { !$0.0.postings.isEmpty }.map(\.1).max() ?? 0
        var scores = [Double](repeating: 0, count: kept.count)
        var best = 0.0
        for (term, idf) in zip(found, idfs) {
            guard !term.postings.isEmpty else {
                best += term.weight * unseenIDF
                continue
            }
            best += term.weight * idf
            for posting in term.postings {
                let index = Int(posting.example)
                let frequency = Double(posting.frequency)
                // Names count once per example, whatever the SQL's length; words saturate with repeats and
                // weigh less in a long question.
                let saturation =
                    term.isName
                    ? 1
                    : frequency * (Self.k1 + 1)
                        / (frequency + Self.k1
                            * (1 - Self.b + Self.b * questionLengths[index] / averageQuestionLength))
                scores[index] += term.weight * idf * saturation
            }
        }
        guard best > 0 else { return [] }
        var passing: [(rank: Int, score: Double)] = []
        for (rank, score) in scores.enumerated() where score / best >= minimumScore { passing.append((rank, score)) }
        // `kept` is newest first: among equal scores the newer example wins.
        passing.sort { $0.score != $1.score ? $0.score > $1.score : $0.rank < $1.rank }
        return passing.prefix(limit).map { Match(index: kept[$0.rank], score: $0.score / best) }
    }

    /// The schema names (positions in `names`) every part of which the question has: `customers` for
    /// "customer", `ordered_at` for "ordered", but not `customer_id` without "id".
    func mentionedNames(_ words: Set<String>) -> [Int] {
        var candidates: Set<Int> = []
        for word in words { candidates.formUnion(namesByStem[word] ?? []) }
        return candidates.sorted().filter { names[$0].stems.isSubset(of: words) }
    }

    /// The schema names (lower-cased) `question` mentions.
    func mentionedNames(in question: String) -> [String] {
        mentionedNames(Set(SearchTerms.terms(question))).map { names[$0].name }
    }

    /// BM25's idf (the Lucene form, never negative).
    static func inverseDocumentFrequency(containing count: Int, of total: Int) -> Double {
        let n = Double(count)
        return log(1 + (Double(total) - n + 0.5) / (n + 0.5))
    }
}
