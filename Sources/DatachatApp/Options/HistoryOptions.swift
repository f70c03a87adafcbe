import ArgumentParser

/// Where sessions are saved, for the commands that read or write them.
struct HistoryOptions: ParsableArguments, SettingsFlags {
    @Option(
        name: .customLong("history-url"),
        help: ArgumentHelp("Where sessions are saved (env DATACHAT_HISTORY_URL).", valueName: "url"))
    var historyURL: String?

    func apply(to flags: inout Settings.Flags) {
        flags.historyURL = historyURL
    }
}
