import ArgumentParser
import Basics
import Databases
import LLM
import Render

/// `datachat doctor`: checks the endpoint and the database one step at a time, one line each, so a
/// broken setup says which part is broken.
///
/// Exit 0 when all is green (warnings included), 5 when anything about the endpoint is red, else 4 when the
/// database is.
struct DoctorCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "doctor",
        abstract:
            "Check the endpoint (reachable, key, model, a one-token answer) and the database (connect, query, read-only)."
    )

    @OptionGroup(title: "Database") var database: DatabaseOptions
    @OptionGroup(title: "Endpoint") var endpoint: EndpointOptions

    func run() throws {
        var settings = try Settings(database, endpoint)
        Signals.install()
        let report = DoctorReport(style: TextStyle(enabled: settings.color && Terminal.outputIsTerminal))
        switch settings.resolveLocalModel(say: { StandardError.write($0 + "\n") }) {
        case .notNeeded:
            checkEndpoint(settings.llm, report: report)
        case .using(let model):
            report.pass(.endpoint, "local model \(model) at \(settings.llm.baseURL) (no data leaves this machine)")
            checkEndpoint(settings.llm, report: report)
        case .notSetUp:
            report.fail(
                .endpoint,
                "no endpoint configured and no local model: run `\(LocalModel.setupCommand)`, or set OPENAI_API_KEY or OPENAI_BASE_URL"
            )
        case .unavailable(let message):
            report.fail(.endpoint, message)
        }
        checkDatabase(settings, report: report)
        if report.endpointFailed { throw ExitCode(ExitStatus.endpointError) }
        if report.databaseFailed { throw ExitCode(ExitStatus.databaseError) }
    }

    private func checkEndpoint(_ base: LLMConfiguration, report: DoctorReport) {
        if let warning = base.cleartextKeyWarning { report.fail(.endpoint, warning) }
        var configuration = base
        configuration.maxAttempts = 1
        configuration.totalTimeout = min(configuration.totalTimeout, 30)
        let client = ChatClient(configuration: configuration)
        let host = configuration.endpointHost
        let clock = ContinuousClock()
        // A model the list lacks is decided by the completion: llama.cpp's server lists the one model it has
        // and answers for any name, so an answer makes it a warning; no answer, the reason for the failure.
        var unlisted: String?

        if configuration.resolvedStyle == .openAI {
            let start = clock.now
            do {
                let models = try client.listModels(cancellation: Signals.interrupt)
                report.pass(
                    .endpoint, "endpoint \(host) reachable (\(Self.milliseconds(start.duration(to: clock.now))))")
                report.pass(.endpoint, (configuration.apiKey ?? "").isEmpty ? "no API key needed" : "API key accepted")
                if models.contains(configuration.model) {
                    report.pass(.endpoint, "model \"\(configuration.model)\" offered (\(models.count) models)")
                } else {
                    let shown = models.prefix(12).joined(separator: ", ") + (models.count > 12 ? ", …" : "")
                    unlisted = "model \"\(configuration.model)\" not offered; the endpoint has \(shown)"
                }
            } catch {
                switch error.code {
                case .unauthorized:
                    report.pass(.endpoint, "endpoint \(host) reachable")
                    report.fail(.endpoint, error.message)
                    return
                case .unreachable, .tls, .timeout, .missingKey, .invalidConfiguration, .cancelled:
                    report.fail(.endpoint, error.message)
                    return
                default:
                    // Reachable, but with no usable model list (some servers have none): the completion decides.
                    report.pass(.endpoint, "endpoint \(host) reachable (no model list: \(error.message))")
                }
            }
        }

        let start = clock.now
        do {
            let completion = try client.complete(
                [ChatMessage(.user, "Reply with the single word: ok")], maxTokens: 1,
                cancellation: Signals.interrupt)
            let elapsed = Self.milliseconds(start.duration(to: clock.now))
            // One token: the time is the time to the first token, prompt processing included.
            if let unlisted {
                report.warn(.endpoint, unlisted + ", but it answered: the server serves its model under any name")
            }
            report.pass(
                .endpoint, "one-token completion from \"\(completion.model)\" in \(elapsed) (time to first token)")
        } catch {
            if let unlisted { report.fail(.endpoint, unlisted + ": set DATACHAT_MODEL or --model") }
            report.fail(.endpoint, "one-token completion failed: \(error.message)")
        }
    }

    private func checkDatabase(_ settings: Settings, report: DoctorReport) {
        let location: DatabaseLocation
        do {
            location = try AppContext.resolveDatabase(settings).0
        } catch {
            report.fail(.database, error.message)
            return
        }
        let clock = ContinuousClock()
        var start = clock.now
        let database: any Database
        do {
            database = try DatabaseConnector.open(location, access: .readOnly)
        } catch {
            report.fail(.database, "cannot connect to \(location.redacted): \(error)")
            return
        }
        report.pass(
            .database, "database \(location.redacted) connected (\(Self.milliseconds(start.duration(to: clock.now))))")

        start = clock.now
        do {
            _ = try database.fetchAll(
                "SELECT 1", limits: QueryLimits(timeoutSeconds: 10, cancellation: Signals.interrupt))
            report.pass(.database, "query SELECT 1 in \(Self.milliseconds(start.duration(to: clock.now)))")
        } catch {
            report.fail(.database, "query SELECT 1 failed: \(error)")
        }

        // Read-only is proven, not assumed: a write on the read-only connection must be refused.
        do {
            try database.execute("CREATE TABLE datachat_doctor_probe (x INTEGER)")
            try? database.execute("DROP TABLE datachat_doctor_probe")
            report.fail(
                .database,
                "NOT READ-ONLY: CREATE TABLE succeeded on the read-only connection; do not use datachat on this database until it is fixed"
            )
        } catch let error as DatabaseError where error.code == .readOnly {
            report.pass(.database, "read-only: a CREATE TABLE was refused (\(error.message))")
        } catch {
            report.fail(.database, "read-only not proven: CREATE TABLE failed for another reason (\(error))")
        }
    }

    static func milliseconds(_ duration: Duration) -> String {
        let value = duration.milliseconds
        return value < 10 ? "\((value * 10).rounded() / 10) ms" : "\(Int(value.rounded())) ms"
    }
}

/// The doctor's lines, printed as they are decided, and whether each side had a red one.
final class DoctorReport {
    enum Part { case endpoint, database }

    private let style: TextStyle
    private(set) var endpointFailed = false
    private(set) var databaseFailed = false

    init(style: TextStyle) {
        self.style = style
    }

    func pass(_ part: Part, _ message: String) {
        print(style.green("ok  ") + " " + message)
    }

    /// Worth knowing, but it works: printed, and the exit code stays 0.
    func warn(_ part: Part, _ message: String) {
        print(style.yellow("warn") + " " + message.split(whereSeparator: \.isNewline).joined(separator: " "))
    }

    func fail(_ part: Part, _ message: String) {
        switch part {
        case .endpoint: endpointFailed = true
        case .database: databaseFailed = true
        }
        print(style.red("FAIL") + " " + message.split(whereSeparator: \.isNewline).joined(separator: " "))
    }
}
