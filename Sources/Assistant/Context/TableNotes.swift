import Basics
import Databases

/// The table-notes document (`--table-context`), cut into the part about each table (the Markdown
/// section headed with its name) and the rest (conventions, definitions), so a pruned prompt can carry
/// the notes of the tables it shows and the general ones.
public struct TableNotes: Sendable, Hashable {
    /// The document as written.
    public let text: String
    /// Everything outside a table's section, headings included.
    public let general: String
    /// Each table's section with its heading, by lowercased table name.
    public let sections: [String: String]

    /// `tables` are the names a heading may match, qualified or not.
    public init(_ text: String, tables: [String]) {
        self.text = text
        let names = Set(tables.map { $0.lowercased() })
        var general: [Substring] = []
        var sections: [String: [Substring]] = [:]
        var current: (name: String, level: Int)?
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if let heading = Self.heading(line) {
                if let open = current, heading.level <= open.level { current = nil }
                if current == nil, names.contains(heading.text.lowercased()) {
                    current = (heading.text.lowercased(), heading.level)
                }
            }
            if let current { sections[current.name, default: []].append(line) } else { general.append(line) }
        }
        self.general = general.joined(separator: "\n").trimmed()
        self.sections = sections.mapValues { $0.joined(separator: "\n").trimmed() }
    }

    /// The notes on `table`, `#` heading included; nil when it has none.
    public func section(for table: Table) -> String? {
        sections[table.qualifiedName.lowercased()] ?? sections[table.name.lowercased()]
    }

    /// The body of the section headed `table` in `notes`, without its heading: what `\d table` shows.
    public static func section(for table: String, in notes: String?) -> String? {
        guard let notes else { return nil }
        let body = TableNotes(notes, tables: [table]).sections[table.lowercased()]?
            .split(separator: "\n", omittingEmptySubsequences: false).dropFirst().joined(separator: "\n").trimmed()
        return body?.isEmpty == false ? body : nil
    }

    private static func heading(_ line: Substring) -> (level: Int, text: String)? {
        guard line.hasPrefix("#") else { return nil }
        let level = line.prefix(while: { $0 == "#" }).count
        return (level, line.dropFirst(level).trimmed())
    }
}
