import ArgumentParser

/// The model's endpoint; the key comes from the environment only (OPENAI_API_KEY), never a flag.
struct EndpointOptions: ParsableArguments, SettingsFlags {
    @Option(
        name: .customLong("base-url"),
        help: ArgumentHelp("The OpenAI-compatible API root (env OPENAI_BASE_URL).", valueName: "url"))
    var baseURL: String?

    @Option(help: ArgumentHelp("The model to ask (env DATACHAT_MODEL).", valueName: "name"))
    var model: String?

    func apply(to flags: inout Settings.Flags) {
        flags.baseURL = baseURL
        flags.model = model
    }
}
