import Databases
import SQLGuard

#if canImport(Glibc)
    import Glibc
#endif

/// How much each table has to do with a question: the question's words looked up in each table's name,
/// columns, comments, notes and values, weighted by where they were found and by how rare the word is
/// across the schema (a word every table has, like `id` or `created`, says little).
///
/// Built once per schema and reused for every question, so scoring a question is a few dictionary
/// lookups a table.
struct TableRelevance {
    /// Each word of each table with the weight of the best place it was found.
    private let weights: [[String: Double]]
    /// log(1 + tables / tables with the word).
    private let rarity: [String: Double]
    /// Each table's columns with their stemmed words, for the columns a question names.
    private let columnWords: [[(name: String, words: [String])]]
    private let tableIndex: [String: Int]

    static let nameWeight = 3.0
    static let columnWeight = 1.5
    static let textWeight = 0.6

    init(schema: Schema, notes: TableNotes?, statistics: SchemaStatistics, share: SharingLevel) {
        var weights: [[String: Double]] = []
        var columnWords: [[(name: String, words: [String])]] = []
        var tableIndex: [String: Int] = [:]
        var frequency: [String: Int] = [:]
        for (index, table) in schema.tables.enumerated() {
            var found: [String: Double] = [:]
            func add(_ text: String, _ weight: Double) {
                for word in Self.words(text) where (found[word] ?? 0) < weight { found[word] = weight }
            }
            if share >= .schema {
                table.comment.map { add($0, Self.textWeight) }
                notes?.section(for: table).map { add($0, Self.textWeight) }
            }
            var columns: [(name: String, words: [String])] = []
            for column in table.columns {
                if share >= .schema { column.comment.map { add($0, Self.textWeight) } }
                if share >= .values, let facts = statistics.column(column.name, of: table) {
                    add(facts.values.joined(separator: " "), Self.textWeight)
                }
                add(column.name, Self.columnWeight)
                columns.append((column.name, Self.words(column.name)))
            }
            add(table.name, Self.nameWeight)
            for word in found.keys { frequency[word, default: 0] += 1 }
            weights.append(found)
            columnWords.append(columns)
            tableIndex[table.name.lowercased()] = tableIndex[table.name.lowercased()] ?? index
            tableIndex[table.qualifiedName.lowercased()] = index
        }
        let count = Double(max(1, schema.tables.count))
        rarity = frequency.mapValues { log(1 + count / Double($0)) }
        self.weights = weights
        self.columnWords = columnWords
        self.tableIndex = tableIndex
    }

    /// A score per table, in schema order; 0 for a table the question has nothing in common with.
    func scores(for question: String) -> [Double] {
        let words = Set(Self.words(question))
        return weights.map { found in
            words.reduce(0) { sum, word in sum + (found[word].map { $0 * (rarity[word] ?? 0) } ?? 0) }
        }
    }

    /// The columns of table `index` that `question` names: every word of the column's name is in it.
    func namedColumns(in question: String, table index: Int) -> Set<String> {
        let words = Set(Self.words(question))
        return Set(
            columnWords[index].filter { !$0.words.isEmpty && $0.words.allSatisfy(words.contains) }.map(\.name))
    }

    /// The tables an earlier query read, by index: its words and quoted names that are table names.
    func tables(in sql: String, dialect: SQLDialect) -> [Int] {
        var seen: Set<Int> = []
        var found: [Int] = []
        for token in SQLTokenizer(dialect: dialect).tokenize(sql)
        where token.kind == .word || token.kind == .quotedIdentifier {
            let name = token.text.filter { !"\"`[]".contains($0) }.lowercased()
            if let index = tableIndex[name], seen.insert(index).inserted { found.append(index) }
        }
        return found
    }

    private static let stopWords: Set<String> = [
        "a", "an", "and", "are", "as", "at", "be", "by", "did", "do", "does", "each", "for", "from", "give", "had",
        "has", "have", "how", "in", "is", "it", "its", "list", "many", "me", "much", "of", "on", "or", "per", "show",
        "than", "that", "the", "their", "them", "there", "these", "they", "this", "those", "to", "was", "we", "were",
        "what", "when", "where", "which", "who", "whose", "why", "with", "our", "all", "any", "one", "not", "no",
    ]

    /// Lowercased, stemmed words: split at anything not a letter or digit and at camelCase humps, the
    /// plural and -ed/-ing endings dropped, then cut to six letters so `delivered`, `delivery` and
    /// `deliveries` meet.
    static func words(_ text: String) -> [String] {
        var words: [String] = []
        var current = ""
        var previousLower = false
        func flush() {
            if !current.isEmpty, !stopWords.contains(current) { words.append(stem(current)) }
            current = ""
        }
        for character in text {
            if character.isLetter || character.isNumber {
                if character.isUppercase && previousLower { flush() }
                current.append(contentsOf: character.lowercased())
                previousLower = character.isLowercase || character.isNumber
            } else {
                flush()
                previousLower = false
            }
        }
        flush()
        return words
    }

    static func stem(_ word: String) -> String {
        var word = Substring(word)
        if word.count > 4, word.hasSuffix("ies") {
            word = word.dropLast(3) + "y"
        } else if word.count > 3, word.hasSuffix("s"), !word.hasSuffix("ss") {
            word = word.dropLast()
        }
        if word.count > 5, word.hasSuffix("ing") {
            word = word.dropLast(3)
        } else if word.count > 4, word.hasSuffix("ed") {
            word = word.dropLast(2)
        }
        return String(word.prefix(6))
    }
}
