import Basics
import CSQLite

/// Stops a running statement at its deadline or when the user cancels, through SQLite's progress
/// handler, so that even a runaway recursive CTE ends.
///
/// https://www.sqlite.org/c3ref/progress_handler.html
final class SQLiteWatchdog {
    private let cancellation: Cancellation
    private let timeoutSeconds: Double?
    /// Why the handler stopped the statement, if it did.
    private var stoppedFor: Cancellation.Reason?

    init(limits: QueryLimits) {
        timeoutSeconds = limits.boundedTimeoutSeconds
        cancellation = limits.cancellation()
    }

    var isActive: Bool { cancellation.canBeCancelled }

    func install(on handle: OpaquePointer) {
        guard isActive else { return }
        let context = Unmanaged.passUnretained(self).toOpaque()
        sqlite3_progress_handler(
            handle, 4_000,
            { context in
                guard let context else { return 0 }
                let watchdog = Unmanaged<SQLiteWatchdog>.fromOpaque(context).takeUnretainedValue()
                return watchdog.shouldStop() ? 1 : 0
            }, context)
    }

    func remove(from handle: OpaquePointer) {
        guard isActive else { return }
        sqlite3_progress_handler(handle, 0, nil, nil)
    }

    private func shouldStop() -> Bool {
        stoppedFor = cancellation.reason
        return stoppedFor != nil
    }

    /// Turns the engine's "interrupted" into the reason it was interrupted.
    func explain(_ error: DatabaseError) -> DatabaseError {
        guard let stoppedFor else { return error }
        return .stopped(stoppedFor, timeoutSeconds: timeoutSeconds, sql: error.sql, engineCode: error.engineCode)
    }
}

extension Double {
    /// A short decimal rendering: 30, 2.5, 0.1.
    func formatted(maxFractionDigits: Int) -> String {
        if self == rounded() { return String(Int(self)) }
        var scale = 1.0
        for _ in 0..<maxFractionDigits { scale *= 10 }
        return String((self * scale).rounded() / scale)
    }
}
