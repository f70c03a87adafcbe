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
        try tmux(["set-option", "-g", "history-limit", "5000"])
        // The shell reports datachat's exit on the screen itself: a tmux server started from a test
        // runner has been seen to leave its exited child unreaped, so `pane_dead` never came.
        let line = command.map(Self.shellQuoted).joined(separator: " ")
        try tmux(["respawn-pane", "-k", "-t", "test", "\(line); echo \"\(Self.exitMarker)$?]\"; sleep 60"])
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

    static let exitMarker = "[datachat exited with status "

    /// Waits for datachat to exit; its exit status.
    public func waitForExit(timeout: TimeInterval = 10) throws -> Int32 {
        let deadline = Date().addingTimeInterval(timeout)
        while true {
            let shown = try scrollback()
            if let marker = shown.range(of: Self.exitMarker) {
                let digits = shown[marker.upperBound...].prefix(while: \.isNumber)
                if let status = Int32(digits) { return status }
            }
            if Date() > deadline {
                throw Timeout(waitingFor: "the process to exit", screen: shown + diagnostics())
            }
            Thread.sleep(forTimeInterval: 0.02)
        }
    }

    /// What the process in the pane is doing, for a test that timed out: its state and signal masks.
    private func diagnostics() -> String {
        guard
            let shell = try? tmux(["display-message", "-p", "-t", "test", "#{pane_pid}"]),
            let children = try? String(
                contentsOfFile: "/proc/\(shell.trimmingCharacters(in: .whitespacesAndNewlines))/task/"
                    + "\(shell.trimmingCharacters(in: .whitespacesAndNewlines))/children", encoding: .utf8),
            let pid = children.split(separator: " ").first,
            let status = try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8)
        else { return "" }
        let wanted = status.split(separator: "\n").filter {
            $0.hasPrefix("State") || $0.hasPrefix("Sig") || $0.hasPrefix("Shd")
        }
        let channel = (try? String(contentsOfFile: "/proc/\(pid)/wchan", encoding: .utf8)) ?? ""
        return "\n[pid \(pid) waiting in \(channel)] " + wanted.joined(separator: "; ")
    }

    /// `stty -a` of the pane's terminal: the modes datachat left it in.
    public func terminalModes() throws -> String {
        let tty = try tmux(["display-message", "-p", "-t", "test", "#{pane_tty}"]).trimmingCharacters(
            in: .whitespacesAndNewlines)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/stty")
        process.arguments = ["-F", tty, "-a"]
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self).replacingOccurrences(of: "\n", with: " ")
    }

    public func resize(columns: Int, rows: Int) throws {
        try tmux(["resize-window", "-t", "test", "-x", "\(columns)", "-y", "\(rows)"])
    }

    /// Runs tmux and waits for it with posix_spawn and waitpid: Foundation's Process has been seen
    /// to miss the exit of a tmux client whose server forked away, hanging the test.
    @discardableResult
    private func tmux(_ arguments: [String]) throws -> String {
        // A file, not a pipe: the server that `new-session` forks keeps its descriptors open, and a
        // pipe would never reach its end.
        let outputPath = NSTemporaryDirectory() + "\(socket)-\(UUID().uuidString).out"
        defer { try? FileManager.default.removeItem(atPath: outputPath) }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, outputPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_adddup2(&actions, 1, 2)
        let argv = (["tmux", "-L", socket] + arguments).map { strdup($0) } + [nil]
        defer { for argument in argv { free(argument) } }
        // The test runner may block signals, and a child inherits its mask: a tmux server with SIGCHLD
        // blocked never sees datachat exit. Start tmux with none blocked and default handlers.
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var none = sigset_t()
        sigemptyset(&none)
        var all = sigset_t()
        sigfillset(&all)
        posix_spawnattr_setsigmask(&attributes, &none)
        posix_spawnattr_setsigdefault(&attributes, &all)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
        var pid: pid_t = 0
        let spawned = posix_spawnp(&pid, "tmux", &actions, &attributes, argv, environ)
        guard spawned == 0 else { throw TmuxFailure(arguments: arguments, output: "cannot start tmux (\(spawned))") }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        let text = (try? String(contentsOfFile: outputPath, encoding: .utf8)) ?? ""
        let exitedCleanly = status & 0x7F == 0 && (status >> 8) & 0xFF == 0
        if !exitedCleanly, arguments.first != "kill-server" {
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
