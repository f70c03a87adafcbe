#if canImport(Glibc)
    import Glibc
#endif

/// Messages for people: everything that is not data goes to standard error.
enum StandardError {
    static func write(_ text: String) {
        var text = text
        text.withUTF8 { buffer in
            var offset = 0
            while offset < buffer.count {
                let written = Glibc.write(STDERR_FILENO, buffer.baseAddress! + offset, buffer.count - offset)
                if written <= 0 {
                    if errno == EINTR { continue }
                    return
                }
                offset += written
            }
        }
    }

    /// `datachat: <message>` on one line: server text with newlines must not spill over several.
    static func error(_ message: String) {
        let oneLine = message.split(whereSeparator: { $0 == "\n" || $0 == "\r" }).joined(separator: " ")
        write("datachat: \(oneLine)\n")
    }

    static var isTerminal: Bool { isatty(STDERR_FILENO) == 1 }
}
