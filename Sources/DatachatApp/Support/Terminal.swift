#if canImport(Glibc)
    import Glibc
#endif

/// What the terminal on the other end of standard output allows.
enum Terminal {
    static var outputIsTerminal: Bool { isatty(STDOUT_FILENO) == 1 }
    static var inputIsTerminal: Bool { isatty(STDIN_FILENO) == 1 }

    /// Columns of the terminal on standard output, nil when it is not one.
    static var width: Int? { windowSize().map { Int($0.ws_col) } }

    /// Rows of the terminal on standard output, nil when it is not one: when to start the pager.
    static var height: Int? { windowSize().map { Int($0.ws_row) } }

    /// Asked anew each time, so a resized window is followed.
    private static func windowSize() -> winsize? {
        guard outputIsTerminal else { return nil }
        var size = winsize()
        guard ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0, size.ws_row > 0 else { return nil }
        return size
    }
}
