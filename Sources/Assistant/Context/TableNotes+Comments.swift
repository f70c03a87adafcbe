import Basics

extension TableNotes {
    /// A note on a table (`column` nil) or on one of its columns, as a database keeps it with `COMMENT ON`.
    public struct Comment: Sendable, Hashable {
        public let table: String
        public let column: String?
        public let text: String

        public init(table: String, column: String?, text: String) {
            self.table = table
            self.column = column
            self.text = text
        }
    }

    /// The notes as comments, so a database loaded with the sample describes itself (`\dt`, `\d`, the schema
    /// the model is shown) without `--table-context`: each table section's words go on the table, and each
    /// `- column: text` bullet on the columns it names (`- city, state: ...` on both). A bullet that names
    /// no column of the table is the table's too. `columns`: each table's column names, by table name.
    ///
    /// The general part (conventions, definitions such as what revenue means) belongs to no table and is
    /// not among them: that still takes `--table-context`.
    public func comments(columns: [String: [String]]) -> [Comment] {
        var comments: [Comment] = []
        for (table, names) in columns.sorted(by: { $0.key < $1.key }) {
            guard let section = sections[table.lowercased()] else { continue }
            let known = Set(names.map { $0.lowercased() })
            var tableWords: [String] = []
            var columnWords: [(names: [String], text: String)] = []
            for line in section.split(separator: "\n").dropFirst() {
                let text = line.trimmed()
                guard text.hasPrefix("- "), let colon = text.firstIndex(of: ":") else {
                    if !text.isEmpty { tableWords.append(text) }
                    continue
                }
                let named = text[text.index(text.startIndex, offsetBy: 2)..<colon].split(separator: ",").map {
                    $0.trimmed()
                }
                if named.allSatisfy({ known.contains($0.lowercased()) }) {
                    columnWords.append((named, text[text.index(after: colon)...].trimmed()))
                } else {
                    tableWords.append(String(text.dropFirst(2)))
                }
            }
            if !tableWords.isEmpty {
                comments.append(Comment(table: table, column: nil, text: tableWords.joined(separator: " ")))
            }
            for (named, text) in columnWords {
                comments += named.map { Comment(table: table, column: $0, text: text) }
            }
        }
        return comments
    }
}
