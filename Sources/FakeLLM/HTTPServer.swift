import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A listening TCP socket that serves each accepted connection on a thread of its own.
///
/// One thread per connection keeps every connection's delays and stalls independent of the others,
/// and with keep-alive a benchmark pays the thread start once per connection, not once per request.
final class HTTPServer: Sendable {
    /// Why the server could not start listening.
    struct StartError: Error {
        let message: String
    }

    private let listener: Int32
    /// The bound port (the kernel's choice when 0 was asked for).
    let port: Int
    /// The host as it goes in a URL (IPv6 addresses in brackets).
    let urlHost: String

    init(host: String, port: Int) throws(StartError) {
        var hints = addrinfo()
        hints.ai_flags = AI_PASSIVE | AI_NUMERICSERV
        hints.ai_family = AF_UNSPEC
        #if canImport(Glibc)
            hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
        #else
            hints.ai_socktype = SOCK_STREAM
        #endif
        var list: UnsafeMutablePointer<addrinfo>?
        let status = getaddrinfo(host, String(port), &hints, &list)
        guard status == 0, let first = list else {
            throw StartError(message: "cannot resolve host \(host): \(String(cString: gai_strerror(status)))")
        }
        defer { freeaddrinfo(list) }

        var lastError = "no address"
        var candidate: UnsafeMutablePointer<addrinfo>? = first
        while let info = candidate {
            candidate = info.pointee.ai_next
            let fd = socket(info.pointee.ai_family, info.pointee.ai_socktype, info.pointee.ai_protocol)
            guard fd >= 0 else {
                lastError = String(cString: strerror(errno))
                continue
            }
            var one: Int32 = 1
            setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, socklen_t(MemoryLayout<Int32>.size))
            guard bind(fd, info.pointee.ai_addr, info.pointee.ai_addrlen) == 0, listen(fd, 1024) == 0 else {
                lastError = String(cString: strerror(errno))
                close(fd)
                continue
            }
            guard let bound = Self.boundPort(fd) else {
                lastError = String(cString: strerror(errno))
                close(fd)
                continue
            }
            listener = fd
            self.port = bound
            urlHost = info.pointee.ai_family == AF_INET6 ? "[\(host)]" : host
            return
        }
        throw StartError(message: "cannot listen on \(host):\(port): \(lastError)")
    }

    private static func boundPort(_ fd: Int32) -> Int? {
        var storage = sockaddr_storage()
        var length = socklen_t(MemoryLayout<sockaddr_storage>.size)
        let status = withUnsafeMutablePointer(to: &storage) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
        }
        guard status == 0 else { return nil }
        return withUnsafePointer(to: &storage) { pointer -> Int? in
            switch Int32(pointer.pointee.ss_family) {
            case AF_INET:
                pointer.withMemoryRebound(to: sockaddr_in.self, capacity: 1) {
                    Int(UInt16(bigEndian: $0.pointee.sin_port))
                }
            case AF_INET6:
                pointer.withMemoryRebound(to: sockaddr_in6.self, capacity: 1) {
                    Int(UInt16(bigEndian: $0.pointee.sin6_port))
                }
            default: nil
            }
        }
    }

    /// Accepts connections forever; `handle` runs on the connection's thread and returns whether the
    /// connection may take another request.
    func serve(_ handle: @escaping @Sendable (HTTPRequest, ResponseWriter) -> Bool) -> Never {
        while true {
            let fd = accept(listener, nil, nil)
            guard fd >= 0 else {
                // EINTR, a connection reset before accept, or out of descriptors: wait a moment and go on.
                if errno != EINTR && errno != ECONNABORTED { usleep(10_000) }
                continue
            }
            Self.configure(fd)
            let thread = Thread {
                HTTPConnection(socket: fd).serve(handle)
            }
            thread.stackSize = 8 << 20
            thread.start()
        }
    }

    /// No Nagle delay (small SSE events must leave at once) and bounded waits on a silent peer.
    private static func configure(_ fd: Int32) {
        var one: Int32 = 1
        setsockopt(fd, Int32(IPPROTO_TCP), TCP_NODELAY, &one, socklen_t(MemoryLayout<Int32>.size))
        var timeout = timeval(tv_sec: 300, tv_usec: 0)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
    }
}
