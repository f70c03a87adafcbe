import Basics

#if canImport(Glibc)
    import Glibc
#endif

/// Where rendered text goes.
public protocol TextOutput: AnyObject {
    func write(_ text: String)
    /// UTF-8 text as bytes: how streamed rows arrive, a line at a time, without becoming a `String`.
    func write(utf8 bytes: UnsafeBufferPointer<UInt8>)
    func flush()
    /// How long writes have so far waited for whoever reads this output (a pager the person is reading, a
    /// terminal, a pipe): their time, which the turn keeps out of the query's. No default: an output that
    /// wraps another must pass its time on.
    var waitedOnReader: Duration { get }
}

extension TextOutput {
    public func write(utf8 bytes: UnsafeBufferPointer<UInt8>) {
        write(String(decoding: bytes, as: UTF8.self))
    }
}

/// A buffered writer to a file descriptor: one `write(2)` per 64 KiB instead of one per cell.
public final class FileOutput: TextOutput {
    private let descriptor: Int32
    private let capacity = 1 << 16
    private var buffer: ByteBuffer
    /// Set when a write fails (a closed pipe): later writes are dropped.
    public private(set) var failed = false
    /// Whether the descriptor has a reader to wait for (a pipe, a terminal, a socket), whose writes are timed
    /// (once a 64 KiB `write(2)`); a regular file's writes are the turn's own time.
    private let hasReader: Bool
    public private(set) var waitedOnReader = Duration.zero

    public init(descriptor: Int32) {
        self.descriptor = descriptor
        buffer = ByteBuffer(capacity: capacity + 4096)
        var status = stat()
        hasReader = fstat(descriptor, &status) == 0 && status.st_mode & S_IFMT != S_IFREG
    }

    public static func standardOutput() -> FileOutput { FileOutput(descriptor: STDOUT_FILENO) }
    public static func standardError() -> FileOutput { FileOutput(descriptor: STDERR_FILENO) }

    deinit {
        flush()
    }

    public func write(_ text: String) {
        var text = text
        text.withUTF8 { write(utf8: $0) }
    }

    public func write(utf8 bytes: UnsafeBufferPointer<UInt8>) {
        buffer.append(bytes)
        if buffer.count >= capacity { flush() }
    }

    public func flush() {
        guard !buffer.isEmpty else { return }
        defer { buffer.removeAll() }
        guard !failed else { return }
        let start = hasReader ? ContinuousClock.now : nil
        defer { if let start { waitedOnReader += start.duration(to: .now) } }
        buffer.withBytes { bytes in
            var offset = 0
            while offset < bytes.count {
                let written = Glibc.write(descriptor, bytes.baseAddress! + offset, bytes.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    failed = true
                    return
                }
                offset += written
            }
        }
    }
}

/// Collects text in memory: for previews stored in the history, and for tests.
public final class StringOutput: TextOutput {
    public private(set) var text = ""

    public init() {}

    public func write(_ text: String) { self.text += text }
    public func flush() {}
    /// Memory has no reader to wait for.
    public var waitedOnReader: Duration { .zero }
}
