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

    /// Logs the request; `bodyIsJSON` says the body parsed as JSON, so it goes in as a JSON value, else as
    /// a string.
    ///
    /// A JSON body is copied in as the bytes the client sent rather than re-serialized: for a body of
    /// hundreds of kilobytes that is most of the cost of a request. Its line breaks can only be whitespace
    /// between tokens (inside strings they are escaped), so turning them into spaces keeps it one line.
    func record(_ request: HTTPRequest, bodyIsJSON: Bool) {
        var entry: [String: Any] = [
            "method": request.method, "path": request.path, "query": request.query, "headers": request.headers,
        ]
        let rawBody = bodyIsJSON && (request.body.first.map { $0 > 0 && $0 < 0x80 } ?? false)
        if !rawBody { entry["body"] = String(decoding: request.body, as: UTF8.self) }
        guard var line = try? JSONSerialization.data(withJSONObject: entry, options: [.withoutEscapingSlashes]),
            line.last == UInt8(ascii: "}")
        else { return }
        if rawBody {
            line.removeLast()
            line.append(contentsOf: #","body":"#.utf8)
            line.append(contentsOf: request.body.map { $0 == 0x0A || $0 == 0x0D ? 0x20 : $0 })
            line.append(UInt8(ascii: "}"))
        }
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
