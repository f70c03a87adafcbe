import ArgumentParser
import Databases

/// The row cap: part of what the model is told, so `schema` and `prompt` take it as well as a question.
struct RowLimitOptions: ParsableArguments, SettingsFlags {
    @Option(
        name: .customLong("max-rows"),
        help: ArgumentHelp("Rows fetched at most (env DATACHAT_MAX_ROWS; default 1000).", valueName: "n"))
    var maxRows: Int?

    func validate() throws {
        if let maxRows, maxRows <= 0 { throw ValidationError("--max-rows must be a whole number above 0") }
    }

    func apply(to flags: inout Settings.Flags) {
        flags.maxRows = maxRows
    }
}

/// The limits of a query that runs: its rows and its time.
struct LimitOptions: ParsableArguments, SettingsFlags {
    @OptionGroup var rows: RowLimitOptions

    @Option(help: ArgumentHelp("Seconds a query may run (env DATACHAT_TIMEOUT; default 30).", valueName: "seconds"))
    var timeout: Int?

    func validate() throws {
        if let timeout, !QueryLimits.timeoutRange.contains(Double(timeout)) {
            throw ValidationError(
                "--timeout must be a number of seconds from \(Int(QueryLimits.timeoutRange.lowerBound)) to "
                    + "\(Int(QueryLimits.timeoutRange.upperBound)) (one day), not \(timeout)")
        }
    }

    func apply(to flags: inout Settings.Flags) {
        rows.apply(to: &flags)
        flags.timeout = timeout
    }
}
