import Synchronization

#if canImport(Glibc)
    import Glibc
#endif

/// Ctrl-C as a flag that the long calls poll (libcurl's progress callback, SQLite's progress handler),
/// so an interrupt cancels the request or query instead of killing the process.
enum Interrupt {
    private static let flag = Atomic<Bool>(false)

    static func install() {
        signal(SIGINT) { _ in Interrupt.flag.store(true, ordering: .relaxed) }
    }

    static var isRaised: Bool { flag.load(ordering: .relaxed) }

    static func reset() { flag.store(false, ordering: .relaxed) }

    /// What the long calls poll.
    static let check: @Sendable () -> Bool = { Interrupt.isRaised }
}
