/// Watches one statement while datachat waits for it: the user's Ctrl-C, the deadline, and a cancel
/// request the server never answers.
///
/// The server's own `statement_timeout` normally ends a slow query first; the client deadline, a little
/// later, covers what the server cannot see (a stalled network, a read-write statement without one).
struct PostgresWatch {
    private let deadline: ContinuousClock.Instant?
    let timeoutSeconds: Double?
    private let isCancelled: (@Sendable () -> Bool)?
    private(set) var cancelledByUser = false
    private(set) var timedOut = false
    private var cancelSentAt: ContinuousClock.Instant?
    private var ticks = 0

    /// Seconds a cancel request may go unanswered before the connection is given up.
    static let cancelPatience = 10

    init(limits: QueryLimits) {
        timeoutSeconds = limits.boundedTimeoutSeconds
        deadline = timeoutSeconds.map {
            ContinuousClock.now.advanced(by: .milliseconds(Int64($0 * 1000) + 2_000))
        }
        isCancelled = limits.isCancelled
    }

    static let unlimited = PostgresWatch(limits: .none)

    var hasGivenUp: Bool {
        guard let cancelSentAt else { return false }
        return cancelSentAt.duration(to: .now) > .seconds(Self.cancelPatience)
    }

    /// How long one `poll()` may sleep before the watch looks again.
    var sliceMilliseconds: Int32 {
        isCancelled != nil || deadline != nil || cancelSentAt != nil ? 50 : 1_000
    }

    /// Looks now and then while rows arrive faster than they can be waited for.
    mutating func tick(_ connection: PostgresConnection) {
        ticks &+= 1
        if ticks & 1023 == 0 { check(connection) }
    }

    /// Cancels the statement when the user asked to or the deadline has passed.
    mutating func check(_ connection: PostgresConnection) {
        guard cancelSentAt == nil else { return }
        if let isCancelled, isCancelled() {
            cancelledByUser = true
            stop(connection)
        } else if let deadline, ContinuousClock.now >= deadline {
            timedOut = true
            stop(connection)
        }
    }

    /// Cancels the rest of the statement (the row cap was reached, or the caller stopped reading).
    mutating func stop(_ connection: PostgresConnection) {
        guard cancelSentAt == nil else { return }
        connection.requestCancel()
        cancelSentAt = .now
    }
}
