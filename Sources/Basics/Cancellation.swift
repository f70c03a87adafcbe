import Synchronization

/// When a long call should give up: someone asked it to stop (Ctrl-C), or its deadline passed.
///
/// The C calls datachat waits on (libcurl's transfer loop, SQLite's progress handler, libpq's `poll(2)`)
/// block the thread that made them, so Swift's task cancellation cannot reach them: they poll this value
/// every few milliseconds instead, and stop themselves. Copies share one flag, so `cancel()` on any copy
/// is seen by all of them, and a layer adds its own deadline (`limited(by:)`) without a flag of its own.
public struct Cancellation: Sendable {
    /// Why a call should stop, which decides what it says: "cancelled" or its timeout.
    public enum Reason: Sendable, Equatable {
        /// `cancel()` was called: the user interrupted.
        case interrupted
        /// The deadline passed.
        case deadlinePassed
    }

    /// nil for `.never` and for a deadline alone: nothing can raise it.
    private let flag: Flag?
    /// The instant from which the call is cancelled; nil: no deadline.
    public let deadline: ContinuousClock.Instant?

    /// A cancellation that `cancel()` raises, without a deadline.
    public init() {
        self.init(flag: Flag(), deadline: nil)
    }

    private init(flag: Flag?, deadline: ContinuousClock.Instant?) {
        self.flag = flag
        self.deadline = deadline
    }

    /// Never cancelled, and `cancel()` does nothing to it: for calls no one interrupts (the history store,
    /// introspection, tests).
    public static let never = Cancellation(flag: nil, deadline: nil)

    /// The same flag, with `deadline` too (the earlier one, when this already has one); nil adds nothing.
    public func limited(by deadline: ContinuousClock.Instant?) -> Cancellation {
        guard let deadline else { return self }
        return Cancellation(flag: flag, deadline: self.deadline.map { min($0, deadline) } ?? deadline)
    }

    /// Why the call should stop now, or nil while it may go on; an interrupt wins over a deadline.
    public var reason: Reason? {
        if flag?.raised.load(ordering: .relaxed) == true { return .interrupted }
        if let deadline, ContinuousClock.now >= deadline { return .deadlinePassed }
        return nil
    }

    public var isCancelled: Bool { reason != nil }

    /// False for `.never`: a wait that nothing can cancel need not wake to look.
    public var canBeCancelled: Bool { flag != nil || deadline != nil }

    /// Cancels every copy. Safe in a signal handler once the value exists: one atomic store.
    public func cancel() {
        flag?.raised.store(true, ordering: .relaxed)
    }

    /// Lowers the flag again, for the next turn of a session.
    public func reset() {
        flag?.raised.store(false, ordering: .relaxed)
    }
}

/// The flag copies share.
private final class Flag: Sendable {
    let raised = Atomic<Bool>(false)
}
