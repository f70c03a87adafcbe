/// An option group that sets settings flags (`--database-url`, `--timeout`, ...): every command turns its
/// groups into `Settings` the same way, through `Settings(_:adjust:)`.
protocol SettingsFlags {
    func apply(to flags: inout Settings.Flags)
}

extension Settings {
    /// The settings of a command from its option groups (an absent one sets nothing) and what `adjust`
    /// sets beside them, against the process environment and `.env`.
    init(_ groups: (any SettingsFlags)?..., adjust: (inout Flags) -> Void = { _ in }) throws(CommandFailure) {
        var flags = Flags()
        for group in groups { group?.apply(to: &flags) }
        adjust(&flags)
        try self.init(flags: flags, environment: Self.environment())
    }
}
