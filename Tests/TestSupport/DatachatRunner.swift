import Foundation

/// Runs the built `datachat` binary as a user would, in an environment of the test's making: nothing
/// leaks in from the developer's own (no stray OPENAI_API_KEY), and every store lives in a temp folder.
public struct DatachatRunner: Sendable {
    public struct Result: Sendable {
        public var status: Int32
        public var stdout: String
        public var stderr: String
    }

    /// HOME, XDG_DATA_HOME, XDG_CACHE_HOME and XDG_STATE_HOME all live here.
    public let home: String
    public var environment: [String: String]
    public var workingDirectory: String

    public init(home: String, environment: [String: String] = [:]) {
        self.home = home
        self.workingDirectory = home
        var base = [
            "HOME": home, "XDG_DATA_HOME": home + "/data", "XDG_CACHE_HOME": home + "/cache",
            "XDG_STATE_HOME": home + "/state", "PATH": "/usr/bin:/bin", "USER": "tester", "LANG": "C.UTF-8",
            "DATACHAT_SAMPLE_DIR": Repository.sampleData, "DATACHAT_PROMPTS_DIR": Repository.prompts,
        ]
        base.merge(environment) { _, new in new }
        self.environment = base
    }

    /// The default history store of a run with this home.
    public var historyPath: String { home + "/data/datachat/history.sqlite" }

    public func run(_ arguments: [String], stdin: String? = nil, timeout: TimeInterval = 60) throws -> Result {
        let process = Process()
        process.executableURL = BuiltProducts.executable("datachat")
        process.arguments = arguments
        process.environment = environment
        process.currentDirectoryURL = URL(fileURLWithPath: workingDirectory)
        let output = Pipe()
        let errors = Pipe()
        let input = Pipe()
        process.standardOutput = output
        process.standardError = errors
        process.standardInput = input
        try process.run()
        if let stdin { input.fileHandleForWriting.write(Data(stdin.utf8)) }
        try input.fileHandleForWriting.close()
        // Read both pipes while the process runs, so a large output cannot block it.
        let outData = LockedData()
        let errData = LockedData()
        let group = DispatchGroup()
        for (pipe, sink) in [(output, outData), (errors, errData)] {
            group.enter()
            DispatchQueue.global().async {
                sink.set(pipe.fileHandleForReading.readDataToEndOfFile())
                group.leave()
            }
        }
        if group.wait(timeout: .now() + timeout) == .timedOut {
            process.terminate()
            throw RunnerTimeout(arguments: arguments)
        }
        process.waitUntilExit()
        return Result(
            status: process.terminationStatus, stdout: String(decoding: outData.get(), as: UTF8.self),
            stderr: String(decoding: errData.get(), as: UTF8.self))
    }

    public struct RunnerTimeout: Error, CustomStringConvertible {
        public var arguments: [String]
        public var description: String { "datachat \(arguments) did not finish in time" }
    }
}

final class LockedData: @unchecked Sendable {
    private let lock = NSLock()
    private var data = Data()
    func set(_ value: Data) { lock.withLock { data = value } }
    func get() -> Data { lock.withLock { data } }
}
