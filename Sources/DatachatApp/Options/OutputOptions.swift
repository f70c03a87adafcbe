import ArgumentParser
import Render

/// How rows are printed, for the commands that print rows.
struct OutputOptions: ParsableArguments, SettingsFlags {
    @Option(help: "How rows are printed (env DATACHAT_FORMAT; default table).")
    var format: OutputFormat?

    func apply(to flags: inout Settings.Flags) {
        flags.format = format
    }
}

extension OutputFormat: ExpressibleByArgument {}
