import Foundation
import TestSupport
import Testing

/// A parent that stops datachat with SIGTERM (a test runner's timeout, a supervisor, `kill`) stops it, even
/// when that parent runs with SIGTERM blocked, as the test runner's threads do: a blocked mask is
/// inherited, and a datachat that kept running (building the sample, waiting on a model) piled up load.
@Suite struct TerminationTests {
    @Test func aTermSignalStopsItEvenWhenItsParentBlocksTheSignal() throws {
        let server = try FakeLLMServer(
            script: FakeLLMServer.script(rules: [["match": ".", "reply": "```sql\nSELECT 1\n```", "delay_ms": 60_000]]))
        let home = TemporaryDirectory("sigterm")
        let runner = DatachatRunner(
            home: home.path, environment: ["OPENAI_API_KEY": "sk-test", "OPENAI_BASE_URL": server.baseURL])
        let process = Process()
        process.executableURL = BuiltProducts.executable("datachat")
        process.arguments = ["-q", "how many orders?"]
        process.environment = runner.environment
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice

        var blocked = sigset_t()
        sigemptyset(&blocked)
        sigaddset(&blocked, SIGTERM)
        var previous = sigset_t()
        pthread_sigmask(SIG_BLOCK, &blocked, &previous)
        try process.run()
        pthread_sigmask(SIG_SETMASK, &previous, nil)

        Thread.sleep(forTimeInterval: 1)
        process.terminate()
        #expect(process.endsWithin(10), "SIGTERM did not stop datachat within 10 s")
        #expect(process.terminationReason == .uncaughtSignal && process.terminationStatus == SIGTERM)
    }
}
