import Foundation

/// The built `datachat` in a real terminal: a tmux server of its own, keys sent with `send-keys`,
/// the screen read with `capture-pane`. What the user sees is what the test checks.
public final class TerminalSession: @unchecked Sendable {
    public struct Timeout: Error, CustomStringConvertible {
        public let waitingFor: String
        public let screen: String
        public var description: String { "timed out waiting for \(waitingFor); the screen:\n\(screen)" }
    }

    private let socket = "datachat-test-\(UUID().uuidString.prefix(8))"
    public let home: String

    /// Starts `datachat ARGUMENTS` in a `columns` x `rows` window. The environment is built from
    /// nothing, like DatachatRunner's: HOME and the XDG folders under `home`, the repository's sample
    /// and prompts, no key and no endpoint unless `environment` gives them.
    public init(
        home: String, arguments: [String] = [], environment: [String: String] = [:], columns: Int = 100,
        rows: Int = 30
    ) throws {
        self.home = home
        var variables = DatachatRunner(home: home).environment
        variables["TERM"] = "xterm-256color"
        variables.merge(environment) { _, new in new }
        let command =
            ["env", "-i"] + variables.sorted(by: { $0.key < $1.key }).map { "\($0.key)=\($0.value)" }
            + [BuiltProducts.executable("datachat").path] + arguments
        try tmux(["-f", "/dev/null", "new-session", "-d", "-x", "\(columns)", "-y", "\(rows)", "-s", "test"])
        try tmux(["set-option", "-g", "remain-on-exit", "on"])
        try tmux(["set-option", "-g", "history-limit", "5000"])
        try tmux(["respawn-pane", "-k", "-t", "test"] + [command.map(Self.shellQuoted).joined(separator: " ")])
    }

    deinit {
        close()
    }

    /// Ends the terminal and everything in it.
    public func close() {
        _ = try? tmux(["kill-server"])
    }

    /// Types `text` literally.
    public func type(_ text: String) throws {
        try tmux(["send-keys", "-t", "test", "-l", text])
    }

    /// Presses keys by tmux's names: "Enter", "Tab", "C-c", "C-d", "C-r", "Up", "End".
    public func press(_ keys: String...) throws {
        try tmux(["send-keys", "-t", "test"] + keys)
    }

    /// Types `line` and presses Enter.
    public func enter(_ line: String) throws {
        try type(line)
        try press("Enter")
    }

    /// The visible screen, one string per row; `joinWrapped` joins rows the terminal wrapped.
    public func screen(joinWrapped: Bool = true) throws -> String {
        try tmux(["capture-pane", "-p", "-t", "test"] + (joinWrapped ? ["-J"] : []))
    }

    /// The screen and everything scrolled off it.
    public func scrollback() throws -> String {
        try tmux(["capture-pane", "-p", "-J", "-S", "-", "-t", "test"])
    }

    /// Waits until `text` is on the screen (scrollback included) `count` times; returns that text.
    @discardableResult
    public func waitFor(_ text: String, count: Int = 1, timeout: TimeInterval = 10) throws -> String {
        let deadline = Date().addingTimeInterval(timeout)
        while true {
            let shown = try scrollback()
            if shown.components(separatedBy: text).count - 1 >= count { return shown }
            if Date() > deadline { throw Timeout(waitingFor: "\"\(text)\" x\(count)", screen: shown) }
            Thread.sleep(forTimeInterval: 0.02)
        }
    }

    /// Waits for the prompt to be shown `count` times in all: the REPL is ready for the next line.
    @discardableResult
    public func waitForPrompt(count: Int, timeout: TimeInterval = 10) throws -> String {
        try waitFor("datachat> ", count: count, timeout: timeout)
    }

    /// Waits for datachat to exit; its exit status.
    public func waitForExit(timeout: TimeInterval = 10) throws -> Int32 {
        let deadline = Date().addingTimeInterval(timeout)
        while true {
            let state = try tmux(["display-message", "-p", "-t", "test", "#{pane_dead} #{pane_dead_status}"])
            let parts = state.split(separator: " ")
            if parts.first == "1", let status = parts.dropFirst().first.flatMap({ Int32($0) }) { return status }
            if Date() > deadline { throw Timeout(waitingFor: "the process to exit", screen: try scrollback()) }
            Thread.sleep(forTimeInterval: 0.02)
        }
    }

    public func resize(columns: Int, rows: Int) throws {
        try tmux(["resize-window", "-t", "test", "-x", "\(columns)", "-y", "\(rows)"])
    }

    @discardableResult
    private func tmux(_ arguments: [String]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["tmux", "-L", socket] + arguments
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let text = String(decoding: data, as: UTF8.self)
        if process.terminationStatus != 0, arguments.first != "kill-server" {
            throw TmuxFailure(arguments: arguments, output: text)
        }
        return text
    }

    static func shellQuoted(_ word: String) -> String {
        "'" + word.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }

    public struct TmuxFailure: Error, CustomStringConvertible {
        public let arguments: [String]
        public let output: String
        public var description: String { "tmux \(arguments.prefix(3).joined(separator: " ")) failed: \(output)" }
    }
}
