import ArgumentParser
import Databases
import History

/// `datachat stats`: how the saved turns went, from the history store alone.
struct StatsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "stats",
        abstract: "How the saved turns went: outcomes, timings and tokens, per day or per session.",
        discussion: """
            One row a day (UTC) or a session, then one for all of them. A turn is a question and its answers; \
            it ended as its last answer did. The *_pct columns are the shares of turns that ended answered \
            (ok), refused by the guard, with an error, with words and no SQL, or cancelled; a turn whose \
            answer was never saved counts in none of them. Timings, in milliseconds, are the median (p50) \
            and the 95th percentile over the turns that have them, interpolated as PostgreSQL's \
            percentile_cont: first_token is the wait for the first answer's first token, model the time the \
            model took over every attempt, query the time the SQL ran. tokens_in and tokens_out add up every \
            request. Exit codes: 0 printed, 2 a bad flag or unknown session, 4 history store error.
            """)

    @OptionGroup(title: "History") var history: HistoryOptions
    @OptionGroup(title: "Output") var output: OutputOptions
    @Option(help: ArgumentHelp("Count only the turns asked on or after this UTC day.", valueName: "yyyy-mm-dd"))
    var since: String?
    @Option(help: "Count only this session's turns (an id, the start of one, or last).") var session: String?
    @Option(help: "One row a day or a session.") var by: UsageStats.Grouping = .day

    func validate() throws {
        if let since, !Self.isDay(since) {
            throw ValidationError("--since takes a day as yyyy-mm-dd (2026-12-01), not \"\(since)\"")
        }
    }

    func run() throws {
        let settings = try Settings(history, output)
        let store = try openHistoryStore(settings)
        let sessionID = try session.map { try loadSession($0, from: store).record.id }
        let turns: [UsageStats.Turn]
        do {
            turns = try store.turns(since: since, sessionID: sessionID)
        } catch {
            throw CommandFailure("cannot read the history store: \(error)", exitCode: ExitStatus.databaseError)
        }
        let stats = UsageStats(turns, by: by)
        SessionsCommand.print(
            columns: Self.columns(by), rows: stats.groups.map { Self.row($0, by) }, settings: settings)
    }

    static func columns(_ grouping: UsageStats.Grouping) -> [String] {
        [
            grouping.rawValue, "turns", "ok_pct", "rejected_pct", "error_pct", "no_sql_pct", "cancelled_pct",
            "first_token_p50_ms", "first_token_p95_ms", "model_p50_ms", "model_p95_ms", "query_p50_ms",
            "query_p95_ms", "tokens_in", "tokens_out",
        ]
    }

    static func row(_ group: UsageStats.Group, _ grouping: UsageStats.Grouping) -> [DatabaseValue] {
        func rounded(_ value: Double?) -> DatabaseValue {
            value.map { .real(($0 * 10).rounded() / 10) } ?? .null
        }
        // A session by the start of its id, as `sessions list` shows it.
        let label = grouping == .session && group.label != "all" ? String(group.label.prefix(8)) : group.label
        return [.text(label), .integer(Int64(group.turns))]
            + [MessageStatus.ok, .rejected, .error, .noSQL, .cancelled].map { rounded(group.percent($0)) }
            + [group.firstToken, group.model, group.query].flatMap { [rounded($0?.p50), rounded($0?.p95)] }
            + [.integer(Int64(group.tokensIn)), .integer(Int64(group.tokensOut))]
    }

    /// `text` is a real day of the calendar written yyyy-mm-dd.
    static func isDay(_ text: String) -> Bool {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
            parts.allSatisfy({ $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }),
            let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2]), (1...12).contains(month)
        else { return false }
        let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
        let days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]
        return (1...days).contains(day)
    }
}

extension UsageStats.Grouping: ExpressibleByArgument {}
