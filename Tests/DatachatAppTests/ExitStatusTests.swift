import Assistant
import Databases
import LLM
import Testing

@testable import DatachatApp

/// The exit codes of the command-line contract, one per kind of failure.
@Suite struct ExitStatusTests {
    @Test func eachFailureHasTheContractsCode() {
        #expect(ExitStatus.code(for: .noSQL(reply: "which year?")) == 6)
        #expect(ExitStatus.code(for: .rejected(reason: "DROP is not allowed")) == 3)
        #expect(ExitStatus.code(for: .database(DatabaseError(.readOnly, "read only"))) == 4)
        #expect(ExitStatus.code(for: .endpoint(LLMError(.missingKey, "no key"))) == 2)
        #expect(ExitStatus.code(for: .endpoint(LLMError(.unreachable, "down"))) == 5)
        #expect(ExitStatus.code(for: .cancelled) == 130)
        #expect(ExitStatus.code(for: .repeated(.rejected(reason: "x"))) == 3)
    }
}
