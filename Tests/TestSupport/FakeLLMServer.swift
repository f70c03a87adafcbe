import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A running `FakeLLM` on 127.0.0.1 and an ephemeral port, for tests that go through real HTTP.
///
/// The server is stopped by `stop()` or when the value is released, so a failing test leaves no process
/// behind; should the test process itself die, the server sees its standard input close and exits.
/// Every request it gets is logged, and `requests()` reads them back.
public final class FakeLLMServer: @unchecked Sendable {
    /// `http://127.0.0.1:PORT/v1`, the value for `OPENAI_BASE_URL`.
    public let baseURL: String
    public let port: Int
    /// The JSON-lines request log (one object per request: method, path, query, headers, body).
    public let logPath: String

    private let process: Process
    /// Kept open for the server's lifetime: its closing tells the server to exit.
    private let keepAlive: Pipe
    private let folder: TemporaryDirectory
    private let lock = NSLock()
    private var stopped = false

    /// Why the server did not start; `output` is what it wrote to stderr.
    public struct StartError: Error, CustomStringConvertible {
        public let message: String
        public let output: String
        public var description: String { output.isEmpty ? message : "\(message): \(output)" }
    }

    /// Starts FakeLLM with `script` (the JSON text of a script, see docs/FAKELLM.md) and waits for it
    /// to listen.
    public init(script: String, requireKey: String? = nil, models: [String]? = nil) throws {
        let folder = TemporaryDirectory("fakellm")
        let scriptPath = try folder.write("script.json", script)
        let logPath = folder.file("requests.jsonl")
        let errorPath = folder.file("stderr.txt")
        _ = FileManager.default.createFile(atPath: errorPath, contents: nil)
        func errorOutput() -> String {
            let text = (try? String(contentsOfFile: errorPath, encoding: .utf8)) ?? ""
            return text.trimmingCharacters(in: .whitespacesAndNewlines)
        }

        let executable = BuiltProducts.executable("FakeLLM")
        guard FileManager.default.isExecutableFile(atPath: executable.path) else {
            throw StartError(
                message: "FakeLLM is not built at \(executable.path) (swift build --product FakeLLM)",
                output: "")
        }
        var arguments = [
            "--script", scriptPath, "--host", "127.0.0.1", "--port", "0", "--log", logPath,
            "--exit-on-stdin-eof",
        ]
        if let requireKey { arguments += ["--require-key", requireKey] }
        if let models { arguments += ["--models", models.joined(separator: ",")] }

        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        let output = Pipe()
        let input = Pipe()
        process.standardOutput = output
        process.standardInput = input
        process.standardError = FileHandle(forWritingAtPath: errorPath)
        try process.run()

        let line = Self.readLine(from: output.fileHandleForReading.fileDescriptor, timeout: 20)
        let prefix = "FakeLLM listening on "
        guard let line, line.hasPrefix(prefix), let url = URL(string: String(line.dropFirst(prefix.count))),
            let port = url.port
        else {
            Self.terminate(process)
            throw StartError(
                message: "FakeLLM did not start (\(line.map { "said: \($0)" } ?? "no listening line"))",
                output: errorOutput())
        }
        self.baseURL = url.absoluteString
        self.port = port
        self.logPath = logPath
        self.process = process
        self.keepAlive = input
        self.folder = folder
    }

    deinit {
        stop()
    }

    /// Stops the server (SIGTERM, SIGKILL after 5 s) and waits for it; calling it again does nothing.
    public func stop() {
        let first = lock.withLock {
            defer { stopped = true }
            return !stopped
        }
        guard first else { return }
        Self.terminate(process)
        try? keepAlive.fileHandleForWriting.close()
    }

    /// The requests received so far, oldest first, each as logged: `method`, `path`, `query`,
    /// `headers` (`[String: String]`, names lowercased) and `body` (the decoded JSON, or a string).
    public func requests() throws -> [[String: Any]] {
        let data = try Data(contentsOf: URL(fileURLWithPath: logPath))
        // Each line is written whole; a line still without its newline is not finished, so it is left out.
        guard let lastNewline = data.lastIndex(of: 0x0A) else { return [] }
        return try data[..<lastNewline].split(separator: 0x0A).compactMap { line in
            try JSONSerialization.jsonObject(with: Data(line)) as? [String: Any]
        }
    }

    // MARK: building scripts

    /// A script of plain rules (a regular expression searched in the last user message, and the reply)
    /// and a default reply, as JSON text.
    public static func script(rules: [(match: String, reply: String)], default defaultReply: String) -> String {
        script(rules: rules.map { ["match": $0.match, "reply": $0.reply] }, default: ["reply": defaultReply])
    }

    /// A script from rule objects with any of the fields of docs/FAKELLM.md (faults included), e.g.
    /// `["match": "(?i)busy", "status": 429, "retry_after": "1", "times": 1, "reply": "ok"]`.
    public static func script(rules: [[String: Any]], default defaultRule: [String: Any] = ["reply": ""]) -> String {
        let object: [String: Any] = ["rules": rules, "default": defaultRule]
        guard JSONSerialization.isValidJSONObject(object),
            let data = try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])
        else {
            // Not JSON-representable (a test passed a Date or similar): FakeLLM refuses it with a clear error.
            return "invalid script: rules must hold only JSON values"
        }
        return String(decoding: data, as: UTF8.self)
    }

    // MARK: process handling

    /// The first line the server prints, or `nil` on timeout or end of output.
    private static func readLine(from fd: Int32, timeout: TimeInterval) -> String? {
        let deadline = Date().addingTimeInterval(timeout)
        var bytes: [UInt8] = []
        var byte: UInt8 = 0
        while true {
            let remaining = deadline.timeIntervalSinceNow
            guard remaining > 0 else { return nil }
            var descriptor = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
            let ready = poll(&descriptor, 1, Int32(min(remaining, 1) * 1000))
            if ready < 0 && errno == EINTR { continue }
            guard ready >= 0 else { return nil }
            if ready == 0 { continue }
            let count = read(fd, &byte, 1)
            if count < 0 && errno == EINTR { continue }
            guard count == 1 else { return nil }
            if byte == 0x0A { return String(decoding: bytes, as: UTF8.self) }
            bytes.append(byte)
        }
    }

    private static func terminate(_ process: Process) {
        guard process.isRunning else {
            process.waitUntilExit()
            return
        }
        process.terminate()
        let deadline = Date().addingTimeInterval(5)
        while process.isRunning && Date() < deadline { usleep(2_000) }
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
        process.waitUntilExit()
    }
}
