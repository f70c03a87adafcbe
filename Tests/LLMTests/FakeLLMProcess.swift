import Foundation
import TestSupport

/// FakeLLM started on port 0 for one test, stopped when released.
///
/// Kept local to these tests until TestSupport's shared `FakeLLMServer` lands on main.
final class FakeLLMProcess: @unchecked Sendable {
    let baseURL: String
    private let process = Process()
    private let input = Pipe()
    private let directory = TemporaryDirectory("llmtests")
    let logPath: String

    init(script: String, arguments: [String] = []) throws {
        let scriptPath = try directory.write("script.json", script)
        logPath = directory.file("requests.log")
        let root = Repository.root
        let candidates = [root + "/.build/debug/FakeLLM", root + "/.build/release/FakeLLM"]
        guard let binary = candidates.first(where: { FileManager.default.isExecutableFile(atPath: $0) }) else {
            throw FakeLLMError(message: "FakeLLM is not built: swift build --product FakeLLM")
        }
        process.executableURL = URL(fileURLWithPath: binary)
        process.arguments = ["--script", scriptPath, "--log", logPath, "--exit-on-stdin-eof"] + arguments
        let output = Pipe()
        process.standardOutput = output
        process.standardInput = input
        try process.run()
        var line = Data()
        while !line.contains(0x0A) {
            let chunk = output.fileHandleForReading.availableData
            if chunk.isEmpty { break }
            line.append(chunk)
        }
        let text = String(decoding: line, as: UTF8.self)
        guard let range = text.range(of: "http://") else {
            throw FakeLLMError(message: "FakeLLM did not start: \(text)")
        }
        baseURL = String(text[range.lowerBound...]).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// Chat requests the server has received (model listings not counted).
    func requestCount() -> Int {
        loggedText().split(separator: "\n").filter { $0.contains(#""method":"POST""#) }.count
    }

    func loggedText() -> String {
        (try? String(contentsOfFile: logPath, encoding: .utf8)) ?? ""
    }

    /// Closing standard input ends the server (`--exit-on-stdin-eof`); SIGKILL in case it is wedged.
    deinit {
        try? input.fileHandleForWriting.close()
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
    }
}

struct FakeLLMError: Error {
    let message: String
}
