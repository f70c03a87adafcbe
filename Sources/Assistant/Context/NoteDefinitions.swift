import Basics

/// The definitions in the general part of the table notes ("- Revenue (the meaning of "revenue", "sales"
/// ...): SUM(...) over orders whose status IN (...)"), found for a question by the term they define, so
/// the one that applies can be repeated beside the question.
///
/// Why: the whole notes are in the system message, yet a 1.5B model asked "What was revenue in 2024?"
/// dropped the notes' status filter as soon as it had a date filter to write; with the definition next
/// to the question it kept it. This is the "evidence" of text-to-SQL benchmarks such as BIRD, taken from
/// the user's own notes rather than written per question.
///
/// A definition is a bullet (`- ` or `* `, with its indented continuation lines) of the notes outside any
/// table's section whose head (the text before its first `:`, `(` or `=`) is a term of at most
/// `maxTermWords` words once stop words are dropped. It applies when the question holds every word of that term, or every word of
/// one of the quoted names in the head ("sales", "GMV"), compared as `SearchTerms` (stemmed, stop words
/// dropped). A bullet that is a sentence ("Ids are integers assigned in time order: ...") defines nothing.
struct NoteDefinitions: Sendable, Hashable {
    struct Definition: Sendable, Hashable {
        /// The bullet as written in the notes, continuation lines joined by newlines.
        let text: String
        /// Each way of naming the term: the head's terms, then each quoted name's.
        let names: [Set<String>]
    }

    static let maxTermWords = 4
    /// At most this many definitions go beside one question, the most specific (most words matched) first.
    static let maxShown = 3

    let definitions: [Definition]

    /// `general` is the notes outside any table's section (`TableNotes.general`).
    init(general: String) {
        var definitions: [Definition] = []
        for bullet in Self.bullets(general) {
            let head = Self.head(of: bullet)
            let term = Set(SearchTerms.terms(head.term))
            guard !term.isEmpty, term.count <= Self.maxTermWords else { continue }
            let names = [term] + head.quoted.map { Set(SearchTerms.terms($0)) }.filter { !$0.isEmpty }
            definitions.append(Definition(text: bullet, names: names))
        }
        self.definitions = definitions
    }

    /// The definitions whose term the question uses, most specific first, at most `maxShown`.
    func applying(to question: String) -> [String] {
        let terms = Set(SearchTerms.terms(question))
        let matched = definitions.enumerated().compactMap { position, definition -> (Int, Int, String)? in
            let best = definition.names.filter { $0.isSubset(of: terms) }.map(\.count).max()
            return best.map { ($0, position, definition.text) }
        }
        return matched.sorted { ($0.0, -$0.1) > ($1.0, -$1.1) }.prefix(Self.maxShown).map(\.2)
    }

    /// The bullets of `text`: a line starting `- ` or `* ` and the indented lines after it.
    private static func bullets(_ text: String) -> [String] {
        var bullets: [String] = []
        var current: [Substring]?
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix("- ") || line.hasPrefix("* ") {
                if let current { bullets.append(current.joined(separator: "\n")) }
                current = [line]
            } else if current != nil, line.first == " " || line.first == "\t", !line.trimmed().isEmpty {
                current?.append(line)
            } else {
                if let current { bullets.append(current.joined(separator: "\n")) }
                current = nil
            }
        }
        if let current { bullets.append(current.joined(separator: "\n")) }
        return bullets.map { $0.trimmed() }
    }

    /// The term a bullet defines (before its first `:`, `(` or `=`) and the double-quoted names in the
    /// bullet's head (up to its first `:`).
    private static func head(of bullet: String) -> (term: String, quoted: [String]) {
        let body = bullet.dropFirst(2)
        let term = body.prefix { $0 != ":" && $0 != "(" && $0 != "=" && $0 != "\n" }
        let beforeColon = body.prefix { $0 != ":" && $0 != "\n" }
        let quoted = beforeColon.split(separator: "\"", omittingEmptySubsequences: false).enumerated()
            .filter { $0.offset % 2 == 1 }.map { String($0.element) }
        // An unpaired quote leaves the last piece unquoted.
        let paired = beforeColon.filter { $0 == "\"" }.count % 2 == 0 ? quoted : quoted.dropLast()
        return (String(term), paired)
    }
}
