import Foundation

extension Process {
    /// Waits up to `seconds` for the process to end by itself; past that, kills it (SIGKILL, so a test never
    /// leaves it behind) and reports that it did not end in time.
    public func endsWithin(_ seconds: TimeInterval) -> Bool {
        let deadline = Date().addingTimeInterval(seconds)
        while isRunning && Date() < deadline { Thread.sleep(forTimeInterval: 0.05) }
        let ended = !isRunning
        if !ended { kill(processIdentifier, SIGKILL) }
        waitUntilExit()
        return ended
    }
}
