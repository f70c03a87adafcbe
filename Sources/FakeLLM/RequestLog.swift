import Foundation
import Synchronization

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The `--log` file: one JSON object per request, each line written whole by one `write` under a lock,
/// so tests reading it see every request that has been answered.
final class RequestLog: Sendable {
    private let descriptor: Mutex<Int32>

    init(path: String) throws(ScriptError) {
        let fd = open(path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0o644)
        guard fd >= 0 else {
            throw ScriptError(message: "cannot open log \(path): \(String(cString: strerror(errno)))")
        }
        descriptor = Mutex(fd)
    }

    /// `body` is the decoded JSON when the body parsed, else its text.
    func record(_ request: HTTPRequest, body: Any) {
        let entry: [String: Any] = [
            "method": request.method, "path": request.path, "query": request.query,
            "headers": request.headers, "body": body,
        ]
        guard JSONSerialization.isValidJSONObject(entry),
            var line = try? JSONSerialization.data(withJSONObject: entry, options: [.withoutEscapingSlashes])
        else { return }
        line.append(0x0A)
        descriptor.withLock { fd in
            line.withUnsafeBytes { raw in
                var offset = 0
                while offset < raw.count {
                    let written = write(fd, raw.baseAddress.map { $0 + offset }, raw.count - offset)
                    if written > 0 {
                        offset += written
                    } else if !(written < 0 && errno == EINTR) {
                        return
                    }
                }
            }
        }
    }
}
