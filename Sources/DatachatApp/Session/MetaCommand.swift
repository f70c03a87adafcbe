import Basics

/// The psql-style backslash commands of a session: their names, what they take, and their help.
enum MetaCommand: String, CaseIterable {
    case help = "\\?"
    case quit = "\\q"
    case tables = "\\dt"
    case describe = "\\d"
    case sql = "\\sql"
    case expanded = "\\x"
    case format = "\\format"
    case output = "\\o"
    case history = "\\history"
    case sessions = "\\sessions"
    case resume = "\\resume"
    case new = "\\new"
    case model = "\\model"
    case usage = "\\usage"
    case explain = "\\explain"
    case good = "\\good"
    case confirm = "\\confirm"
    case replay = "\\replay"
    case rerun = "\\rerun"
    case chart = "\\chart"

    var usage: String {
        switch self {
        case .help: "\\?"
        case .quit: "\\q"
        case .tables: "\\dt"
        case .describe: "\\d NAME"
        case .sql: "\\sql QUERY"
        case .expanded: "\\x [on|off]"
        case .format: "\\format [FORMAT]"
        case .output: "\\o [FILE]"
        case .history: "\\history"
        case .sessions: "\\sessions"
        case .resume: "\\resume ID"
        case .new: "\\new"
        case .model: "\\model [NAME]"
        case .usage: "\\usage"
        case .explain: "\\explain"
        case .good: "\\good [off]"
        case .confirm: "\\confirm [on|off]"
        case .replay: "\\replay ID"
        case .rerun: "\\rerun N"
        case .chart: "\\chart [bar|line|auto] [FILE.svg]"
        }
    }

    var summary: String {
        switch self {
        case .help: "this help"
        case .quit: "quit (or Ctrl-D)"
        case .tables: "list the tables"
        case .describe: "a table's columns, keys and notes"
        case .sql: "run SQL directly, through the same read-only guard"
        case .expanded: "expanded display: one column per line"
        case .format: "table, expanded, csv, tsv, json, jsonl or markdown"
        case .output: "send results to FILE; no FILE: back to the screen"
        case .history: "the questions of this session"
        case .sessions: "recent sessions"
        case .resume: "continue a saved session"
        case .new: "start a new session"
        case .model: "show the model, or switch to NAME"
        case .usage: "tokens spent in this session"
        case .explain: "explain the last SQL in words"
        case .good: "mark the last answer as right: an example for similar questions (off: unmark)"
        case .confirm: "ask before running each query"
        case .replay: "run a saved session's SQL again and compare each result with the saved one"
        case .rerun: "run turn N of this session again and compare"
        case .chart: "draw the last result (FILE.svg: write it as SVG)"
        }
    }

    /// `\d orders` -> (.describe, "orders"); nil for a name that is not a command.
    static func parse(_ line: String) -> (command: MetaCommand, argument: String)? {
        let name = String(line.prefix(while: { !$0.isWhitespace }))
        guard let command = MetaCommand(rawValue: name) ?? aliases[name] else { return nil }
        return (command, line.dropFirst(name.count).trimmed())
    }

    private static let aliases: [String: MetaCommand] = ["\\h": .help, "\\help": .help, "\\quit": .quit]

    /// The command closest to a mistyped `name`, if one is close enough to be a likely typo.
    static func nearest(to name: String) -> MetaCommand? {
        let scored = allCases.map { ($0, editDistance(name.lowercased(), $0.rawValue)) }
        guard let best = scored.min(by: { $0.1 < $1.1 }), best.1 <= max(2, name.count / 2) else { return nil }
        return best.0
    }

    static func editDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a)
        let b = Array(b)
        var previous = Array(0...b.count)
        for i in 1...max(1, a.count) where !a.isEmpty {
            var current = [i] + Array(repeating: 0, count: b.count)
            for j in 1...max(1, b.count) where !b.isEmpty {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            previous = current
        }
        return previous[b.count]
    }

    static var helpText: String {
        let width = allCases.map(\.usage.count).max() ?? 0
        let lines = allCases.map {
            "  " + $0.usage + String(repeating: " ", count: width - $0.usage.count + 2) + $0.summary
        }
        return "Ask a question in plain words, or use a command:\n" + lines.joined(separator: "\n")
            + "\nTab completes commands, tables and columns; Ctrl-R searches earlier lines; Ctrl-C cancels.\n"
    }
}
