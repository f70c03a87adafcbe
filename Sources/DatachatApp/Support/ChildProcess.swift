#if canImport(Glibc)
    import Glibc
#endif

/// A program run to its end, sharing our standard input and error (so its progress lines reach the
/// user), its standard output either shared too or read into a string.
///
/// Ctrl-C reaches the child as it reaches us (same process group); our handler only records it, so
/// the child decides how to end and we report its exit code.
enum ChildProcess {
    struct Result {
        /// The exit code; 128 + N when signal N ended it; 127 when it could not be started.
        var status: Int32
        /// Standard output, when captured.
        var output: String
    }

    /// Runs `path` with `arguments` (argv[0] is `path`) and the given environment, waiting for it.
    static func run(_ path: String, _ arguments: [String], environment: [String: String], captureOutput: Bool)
        -> Result
    {
        var ends: [Int32] = [-1, -1]
        if captureOutput {
            guard pipe(&ends) == 0 else { return Result(status: 127, output: "") }
            _ = fcntl(ends[0], F_SETFD, FD_CLOEXEC)
            _ = fcntl(ends[1], F_SETFD, FD_CLOEXEC)
        }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        if captureOutput { posix_spawn_file_actions_adddup2(&actions, ends[1], STDOUT_FILENO) }

        // Signals we ignore (SIGPIPE) or catch must be back at their defaults in the child.
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var defaults = sigset_t()
        sigemptyset(&defaults)
        for signal in [SIGPIPE, SIGINT, SIGTERM, SIGHUP, SIGQUIT] { sigaddset(&defaults, signal) }
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        var emptyMask = sigset_t()
        sigemptyset(&emptyMask)
        posix_spawnattr_setsigmask(&attributes, &emptyMask)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK))

        let argv = ([path] + arguments).map { strdup($0) }
        let envp = environment.map { strdup("\($0.key)=\($0.value)") }
        defer {
            for pointer in argv { free(pointer) }
            for pointer in envp { free(pointer) }
        }
        var pid: pid_t = 0
        let spawned = posix_spawn(&pid, path, &actions, &attributes, argv + [nil], envp + [nil])
        if captureOutput { _ = close(ends[1]) }
        guard spawned == 0 else {
            if captureOutput { _ = close(ends[0]) }
            return Result(status: 127, output: "")
        }
        var output: [UInt8] = []
        if captureOutput {
            var chunk = [UInt8](repeating: 0, count: 4096)
            while true {
                let count = read(ends[0], &chunk, chunk.count)
                if count > 0 {
                    output += chunk[..<count]
                } else if count == 0 || errno != EINTR {
                    break
                }
            }
            _ = close(ends[0])
        }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0, errno == EINTR {}
        // WIFEXITED / WEXITSTATUS / WTERMSIG, which Swift does not import as macros.
        let code = (status & 0x7f) == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
        return Result(status: code, output: String(decoding: output, as: UTF8.self))
    }
}
