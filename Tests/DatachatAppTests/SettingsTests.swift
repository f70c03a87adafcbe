import Testing

@testable import DatachatApp

/// Settings resolved from flags, the environment and `.env`, a bad value named by where it came from.
@Suite struct SettingsTests {
    let base = ["HOME": "/tmp/settings-home", "DATACHAT_PROMPTS_DIR": "/p", "DATACHAT_SAMPLE_DIR": "/s"]

    func settings(_ flags: Settings.Flags = .init(), process: [String: String] = [:], dotEnv: [String: String] = [:])
        throws(CommandFailure) -> Settings
    {
        try Settings(
            flags: flags,
            environment: SettingsEnvironment(process: base.merging(process) { _, new in new }, dotEnv: dotEnv))
    }

    func failure(_ body: () throws(CommandFailure) -> Settings) -> String? {
        do {
            _ = try body()
            return nil
        } catch {
            return error.message
        }
    }

    @Test func flagsWinOverTheEnvironmentWhichWinsOverDotEnv() throws {
        var flags = Settings.Flags()
        flags.maxRows = 5
        #expect(try settings(flags, process: ["DATACHAT_MAX_ROWS": "7"]).maxRows == 5)
        #expect(try settings(process: ["DATACHAT_MAX_ROWS": "7"], dotEnv: ["DATACHAT_MAX_ROWS": "9"]).maxRows == 7)
        #expect(try settings(dotEnv: ["DATACHAT_MAX_ROWS": "9"]).maxRows == 9)
        #expect(try settings().maxRows == 1_000)
    }

    @Test func aBadValueIsNamedByItsSource() {
        #expect(
            failure { () throws(CommandFailure) in try settings(process: ["DATACHAT_TIMEOUT": "-1"]) }
                == "DATACHAT_TIMEOUT must be a number of seconds from 1 to 86400 (one day), not \"-1\"")
        #expect(
            failure { () throws(CommandFailure) in try settings(dotEnv: ["DATACHAT_TIMEOUT": "soon"]) }
                == "DATACHAT_TIMEOUT in .env must be a number of seconds from 1 to 86400 (one day), not \"soon\"")
        #expect(
            failure { () throws(CommandFailure) in
                try settings(process: ["DATACHAT_TIMEOUT": "9223372036854775807"])
            } == "DATACHAT_TIMEOUT must be a number of seconds from 1 to 86400 (one day), not \"9223372036854775807\"")
        #expect(
            failure { () throws(CommandFailure) in try settings(process: ["DATACHAT_FORMAT": "xml"]) }
                == "DATACHAT_FORMAT must be one of table, expanded, csv, tsv, json, jsonl, markdown, not \"xml\"")
        #expect(
            failure { () throws(CommandFailure) in try settings(process: ["DATACHAT_LLM_IDLE_TIMEOUT": "0"]) }
                == "DATACHAT_LLM_IDLE_TIMEOUT must be a number of seconds above 0, not \"0\"")
    }

    @Test func aFlagMeansTheVariableIsNotRead() throws {
        var flags = Settings.Flags()
        flags.timeout = 4
        #expect(try settings(flags, process: ["DATACHAT_TIMEOUT": "-1"]).statementTimeout == 4)
    }

    @Test func anEmptyVariableIsUnset() throws {
        #expect(try settings(process: ["DATACHAT_MAX_ROWS": ""]).maxRows == 1_000)
        #expect(try settings(process: ["DATACHAT_MAX_REPAIRS": "0"]).maxRepairs == 0, "zero repairs is allowed")
    }
}
