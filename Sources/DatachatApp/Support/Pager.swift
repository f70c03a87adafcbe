#if canImport(Glibc)
    import Glibc
#endif

/// A pager process reading from a pipe: `sh -c COMMAND`, the way psql and git start `$PAGER`, so a
/// command with flags or a pipeline of its own works.
///
/// The pager shares our terminal and process group, so it reads keys from the terminal itself and
/// Ctrl-C reaches both of us. Whoever starts one must `close()` it, which also reaps the process.
final class Pager {
    /// What psql and git use: chop long lines (-S), pass colours (-R), quit when it all fits (-F),
    /// and leave the text on the screen afterwards (-X).
    static let defaultCommand = "less -SRFX"

    /// The pager from `PAGER`: unset means `less -SRFX`; set to an empty string means none.
    static func command(environment: [String: String]) -> String? {
        guard let pager = environment["PAGER"] else {
            // Without less (many containers), a pager would swallow the result: show it plainly.
            let path = environment["PATH"] ?? "/usr/bin:/bin"
            let hasLess = path.split(separator: ":").contains { access("\($0)/less", X_OK) == 0 }
            return hasLess ? defaultCommand : nil
        }
        return pager.allSatisfy(\.isWhitespace) ? nil : pager
    }

    let processID: pid_t
    /// The write end of the pipe to the pager's standard input; -1 once closed.
    private(set) var input: Int32

    /// Starts `sh -c command` reading a new pipe; nil when the pipe or the process cannot be made.
    ///
    /// A pager quitting early must turn our writes into EPIPE errors, not kill us, so SIGPIPE is
    /// ignored here (datachat's signal set-up does the same); the pager itself gets SIGPIPE back at
    /// its default, since an ignored signal would otherwise stay ignored across `exec`.
    init?(command: String) {
        signal(SIGPIPE, SIG_IGN)
        var ends: [Int32] = [-1, -1]
        guard pipe(&ends) == 0 else { return nil }
        // Neither end may leak into the pager (or any other child) beyond the dup2 below.
        _ = fcntl(ends[0], F_SETFD, FD_CLOEXEC)
        _ = fcntl(ends[1], F_SETFD, FD_CLOEXEC)

        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        // dup2 clears close-on-exec on the copy, so the pager keeps exactly this end as its input.
        posix_spawn_file_actions_adddup2(&actions, ends[0], STDIN_FILENO)

        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var defaults = sigset_t()
        sigemptyset(&defaults)
        sigaddset(&defaults, SIGPIPE)
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        var emptyMask = sigset_t()
        sigemptyset(&emptyMask)
        posix_spawnattr_setsigmask(&attributes, &emptyMask)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK))

        let arguments = ["sh", "-c", command].map { (argument: String) in strdup(argument) }
        defer { for argument in arguments { free(argument) } }
        let argv = arguments + [nil]
        var pid: pid_t = 0
        let status = posix_spawn(&pid, "/bin/sh", &actions, &attributes, argv, environ)
        _ = Glibc.close(ends[0])
        guard status == 0 else {
            _ = Glibc.close(ends[1])
            return nil
        }
        processID = pid
        input = ends[1]
    }

    deinit {
        close()
    }

    /// Closes the pipe, so the pager sees the end of its input, and waits for the person to leave it.
    func close() {
        guard input >= 0 else { return }
        _ = Glibc.close(input)
        input = -1
        var status: Int32 = 0
        while waitpid(processID, &status, 0) < 0, errno == EINTR {}
    }
}
