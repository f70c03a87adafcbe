import Synchronization

#if canImport(Glibc)
    import Glibc
#endif

/// When a long call should give up: someone asked it to stop (Ctrl-C), or its deadline passed.
///
/// The C calls datachat waits on (libcurl's transfer loop, SQLite's progress handler, libpq's `poll(2)`)
/// block their thread, so Swift's task cancellation cannot reach them: they poll this every few
/// milliseconds and stop themselves. Copies share one flag: `cancel()` on any is seen by all, and a layer
/// adds the deadline of its own timeout (`limited(by:)`) to the flag it was given.
public struct Cancellation: Sendable {
    /// Why a call should stop, which decides what it says: "cancelled" or its timeout.
    public enum Reason: Sendable, Equatable {
        case interrupted, deadlinePassed
    }

    /// nil for `.never` and its copies: nothing raises it.
    private let flag: Flag?
    public let deadline: ContinuousClock.Instant?

    /// Cancelled by `cancel()`, without a deadline.
    public init() { self.init(flag: Flag(), deadline: nil) }

    private init(flag: Flag?, deadline: ContinuousClock.Instant?) {
        self.flag = flag
        self.deadline = deadline
    }

    /// Never cancelled (`cancel()` does nothing to it): for calls nobody interrupts.
    public static let never = Cancellation(flag: nil, deadline: nil)

    /// The same flag, with `deadline` too (the earlier one, when this has one already).
    public func limited(by deadline: ContinuousClock.Instant?) -> Cancellation {
        guard let deadline else { return self }
        return Cancellation(flag: flag, deadline: min(self.deadline ?? deadline, deadline))
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

    /// Cancels every copy; one atomic store, so a signal handler may call it.
    public func cancel() { flag?.raised.store(true, ordering: .relaxed) }

    /// Lowers the flag again, for a session's next turn.
    public func reset() { flag?.raised.store(false, ordering: .relaxed) }

    /// Blocks the thread for `duration`, or until cancelled: it looks every 20 ms, so Ctrl-C is felt at
    /// once. False when cancelled first.
    @discardableResult
    public func sleep(for duration: Duration) -> Bool {
        let end = ContinuousClock.now + duration
        while !isCancelled {
            let left = ContinuousClock.now.duration(to: end)
            guard left > .zero else { return true }
            let step = canBeCancelled ? min(left, .milliseconds(20)) : left
            var request = timespec(
                tv_sec: Int(step.components.seconds), tv_nsec: Int(step.components.attoseconds / 1_000_000_000))
            var remaining = timespec()
            while nanosleep(&request, &remaining) != 0 && errno == EINTR { request = remaining }
        }
        return false
    }
}

private final class Flag: Sendable {
    let raised = Atomic<Bool>(false)
}
