import ArgumentParser

/// The database a command reads: the one option every command that touches it shares.
struct DatabaseOptions: ParsableArguments, SettingsFlags {
    @Option(
        name: .customLong("database-url"),
        help: ArgumentHelp(
            "The database to ask about (env DATABASE_URL; default: the bundled sample).", valueName: "url"))
    var databaseURL: String?

    func apply(to flags: inout Settings.Flags) {
        flags.databaseURL = databaseURL
    }
}
