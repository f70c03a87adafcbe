import Basics

/// Watches one statement while datachat waits for it: the user's Ctrl-C, the deadline, and a cancel
/// request the server never answers.
///
/// The server's own `statement_timeout` normally ends a slow query first; the client deadline, a little
/// later, covers what the server cannot see (a stalled network, a read-write statement without one).
struct PostgresWatch {
    private let cancellation: Cancellation
    let timeoutSeconds: Double?
    /// Why the watch cancelled the statement, if it did (not when the caller stopped it).
    private(set) var stoppedFor: Cancellation.Reason?
    private var cancelSentAt: ContinuousClock.Instant?
    private var ticks = 0

    /// Seconds a cancel request may go unanswered before the connection is given up.
    static let cancelPatience = 10

    init(limits: QueryLimits) {
        timeoutSeconds = limits.boundedTimeoutSeconds
        cancellation = limits.cancellation(grace: .seconds(2))
    }

    static let unlimited = PostgresWatch(limits: .none)

    var hasGivenUp: Bool {
        guard let cancelSentAt else { return false }
        return cancelSentAt.duration(to: .now) > .seconds(Self.cancelPatience)
    }

    /// How long one `poll()` may sleep before the watch looks again.
    var sliceMilliseconds: Int32 {
        cancellation.canBeCancelled || cancelSentAt != nil ? 50 : 1_000
    }

    /// Looks now and then while rows arrive faster than they can be waited for.
    mutating func tick(_ connection: PostgresConnection) {
        ticks &+= 1
        if ticks & 1023 == 0 { check(connection) }
    }

    /// Cancels the statement when the user asked to or the deadline has passed.
    mutating func check(_ connection: PostgresConnection) {
        guard cancelSentAt == nil, let reason = cancellation.reason else { return }
        stoppedFor = reason
        stop(connection)
    }

    /// Cancels the rest of the statement (the row cap was reached, or the caller stopped reading).
    mutating func stop(_ connection: PostgresConnection) {
        guard cancelSentAt == nil else { return }
        connection.requestCancel()
        cancelSentAt = .now
    }
}
