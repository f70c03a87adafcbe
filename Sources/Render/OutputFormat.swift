/// The ways a result can be printed.
public enum OutputFormat: String, Sendable, Hashable, CaseIterable {
    /// Aligned columns, as psql prints them.
    case table
    /// One block per row, a line per column (psql's `\x`).
    case expanded
    case csv
    case tsv
    /// One array of objects with native JSON types.
    case json
    /// One object a line.
    case jsonl
    /// A GitHub-flavoured markdown table.
    case markdown

    /// Written row by row as the rows arrive, rather than held to measure the columns.
    public var isStreamed: Bool {
        switch self {
        case .csv, .tsv, .json, .jsonl: return true
        case .table, .expanded, .markdown: return false
        }
    }
}

/// How to print: the format and what the terminal allows.
public struct RenderOptions: Sendable {
    public var format: OutputFormat
    /// ANSI styling (bold headers, dim NULLs); off for NO_COLOR and non-terminals.
    public var color: Bool
    /// Columns available; nil when the output is not a terminal, so nothing is cut.
    public var terminalWidth: Int?
    /// Whether the table format ends with a "(N rows)" footer.
    public var showRowCount: Bool

    public init(format: OutputFormat, color: Bool = false, terminalWidth: Int? = nil, showRowCount: Bool = true) {
        self.format = format
        self.color = color
        self.terminalWidth = terminalWidth
        self.showRowCount = showRowCount
    }
}
