import FoundationEssentials

/// The environment settings are read from: the process's variables over those of `.env`, and which
/// came from where, so a bad value is reported by the name the user can fix.
struct SettingsEnvironment: Sendable {
    /// Every variable, the process's winning over `.env`'s.
    let values: [String: String]
    /// The variables whose value came from `.env` (the process did not set them).
    let fromDotEnv: Set<String>

    init(process: [String: String], dotEnv: [String: String] = [:]) {
        values = dotEnv.merging(process) { _, processValue in processValue }
        fromDotEnv = Set(dotEnv.keys.filter { process[$0] == nil })
    }

    /// This process's environment and the working directory's `.env`, read once: every setting of a
    /// run comes from the same values.
    static let process = SettingsEnvironment(
        process: ProcessInfo.processInfo.environment,
        dotEnv: DotEnv.load(path: FileManager.default.currentDirectoryPath + "/.env"))

    /// The value of `variable`; nil when it is unset or empty (an empty variable means "not set").
    subscript(variable: String) -> String? {
        guard let value = values[variable], !value.isEmpty else { return nil }
        return value
    }

    /// Where a variable's value came from, as messages name it: `DATACHAT_TIMEOUT` or `DATACHAT_TIMEOUT in .env`.
    func source(of variable: String) -> String {
        fromDotEnv.contains(variable) ? variable + " in .env" : variable
    }

    /// A whole number above 0 (or 0 too, with `allowZero`); nil when unset.
    func wholeNumber(_ variable: String, allowZero: Bool = false) throws(CommandFailure) -> Int? {
        guard let text = self[variable] else { return nil }
        guard let number = Int(text), number > 0 || (allowZero && number == 0) else {
            throw CommandFailure(
                "\(source(of: variable)) must be a whole number\(allowZero ? "" : " above 0"), not \"\(text)\"")
        }
        return number
    }

    /// One of an enumeration's names, in any case; nil when unset.
    func choice<Choice: RawRepresentable<String> & CaseIterable>(_ variable: String, of type: Choice.Type)
        throws(CommandFailure) -> Choice?
    {
        guard let text = self[variable] else { return nil }
        guard let choice = Choice(rawValue: text.lowercased()) else {
            let names = Choice.allCases.map(\.rawValue).joined(separator: ", ")
            throw CommandFailure("\(source(of: variable)) must be one of \(names), not \"\(text)\"")
        }
        return choice
    }
}
