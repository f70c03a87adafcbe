import Basics
import Synchronization

#if canImport(Glibc)
    import Glibc
#endif

/// The signals datachat handles itself, each reported twice: Ctrl-C as the `interrupt` cancellation the long
/// calls poll (so it stops the request or the query, not the process), and every signal as a byte on a
/// self-pipe for the line editor, which waits in `poll(2)` on the terminal and this pipe.
///
/// Handlers are installed without SA_RESTART, so a blocking read returns EINTR instead of swallowing
/// the key. Only async-signal-safe work happens in a handler: an atomic store and a `write(2)`.
enum Signals {
    /// Cancelled by SIGINT once `install` has run; a session resets it before each line.
    static let interrupt = Cancellation()

    /// What a byte on the pipe means.
    enum Event: UInt8 {
        case interrupt = 0x69  // i
        case resize = 0x77  // w
        case suspend = 0x7A  // z
    }

    /// The pipe's ends: [read, write], both non-blocking; -1 before `install`.
    private static let readEnd = Atomic<Int32>(-1)
    private static let writeEnd = Atomic<Int32>(-1)

    /// The descriptor the line editor polls beside the terminal.
    static var descriptor: Int32 { readEnd.load(ordering: .relaxed) }

    static func install() {
        // Touched here, not first inside a handler, where its lazy initialisation must not run.
        interrupt.reset()
        _ = descriptor
        if readEnd.load(ordering: .relaxed) < 0 {
            var ends: [Int32] = [-1, -1]
            if pipe(&ends) == 0 {
                for end in ends {
                    _ = fcntl(end, F_SETFL, fcntl(end, F_GETFL) | O_NONBLOCK)
                    _ = fcntl(end, F_SETFD, FD_CLOEXEC)
                }
                readEnd.store(ends[0], ordering: .relaxed)
                writeEnd.store(ends[1], ordering: .relaxed)
            }
        }
        // A closed pipe (a pager quit early) is a failed write, not a dead process.
        signal(SIGPIPE, SIG_IGN)
        handle(SIGINT) { _ in
            Signals.interrupt.cancel()
            Signals.post(.interrupt)
        }
        // A test runner or a parent may start us with these blocked; we want them. SIGTERM, SIGHUP and
        // SIGQUIT keep their default action (an ignored one stays ignored, as `nohup` asks): blocked, a
        // parent's `kill` or timeout would leave datachat running, building the sample or waiting on a model.
        var set = sigset_t()
        sigemptyset(&set)
        for number in [SIGINT, SIGWINCH, SIGTSTP, SIGCONT, SIGTERM, SIGHUP, SIGQUIT] { sigaddset(&set, number) }
        sigprocmask(SIG_UNBLOCK, &set, nil)
    }

    /// Window size changes, caught once a line editor exists (and from then on): a piped run must not
    /// have its blocking reads interrupted by them.
    static func catchResize() {
        handle(SIGWINCH) { _ in Signals.post(.resize) }
    }

    /// While the line editor owns the terminal, Ctrl-Z comes here so the editor can give the terminal
    /// back before stopping; elsewhere it stops the process as usual.
    static func catchSuspend(_ on: Bool) {
        if on {
            handle(SIGTSTP) { _ in Signals.post(.suspend) }
        } else {
            signal(SIGTSTP, SIG_DFL)
        }
    }

    /// The terminal modes to put back if Ctrl-\\, SIGTERM or SIGHUP ends the process while the line
    /// editor has the terminal raw; nil when it does not.
    nonisolated(unsafe) private static var exitModes = termios()
    nonisolated(unsafe) private static var restoresModes = false

    static func restoreTerminalOnExit(_ modes: termios?) {
        if let modes {
            exitModes = modes
            restoresModes = true
            for signal in [SIGQUIT, SIGTERM, SIGHUP] {
                handle(signal) { signal in
                    // tcsetattr and raise are async-signal-safe.
                    if Signals.restoresModes { tcsetattr(STDIN_FILENO, TCSANOW, &Signals.exitModes) }
                    Glibc.signal(signal, SIG_DFL)
                    raise(signal)
                }
            }
        } else {
            restoresModes = false
            for signal in [SIGQUIT, SIGTERM, SIGHUP] { Glibc.signal(signal, SIG_DFL) }
        }
    }

    /// The events posted since the last call, oldest first.
    static func drain() -> [Event] {
        let fd = descriptor
        guard fd >= 0 else { return [] }
        var events: [Event] = []
        var buffer = [UInt8](repeating: 0, count: 64)
        while true {
            let count = read(fd, &buffer, buffer.count)
            if count <= 0 {
                if count < 0, errno == EINTR { continue }
                break
            }
            events += buffer[0..<count].compactMap(Event.init(rawValue:))
        }
        return events
    }

    private static func post(_ event: Event) {
        let fd = writeEnd.load(ordering: .relaxed)
        guard fd >= 0 else { return }
        let saved = errno
        var byte = event.rawValue
        _ = write(fd, &byte, 1)
        errno = saved
    }

    private static func handle(_ signal: Int32, _ handler: @escaping @convention(c) (Int32) -> Void) {
        var action = sigaction()
        action.__sigaction_handler.sa_handler = handler
        sigemptyset(&action.sa_mask)
        action.sa_flags = 0
        sigaction(signal, &action, nil)
    }
}
