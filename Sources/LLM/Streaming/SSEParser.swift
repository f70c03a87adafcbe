/// One server-sent event: its `event:` name, if any, and its `data:` lines joined by newlines.
public struct SSEEvent: Sendable, Hashable {
    public var name: String?
    public var data: [UInt8]

    public init(name: String? = nil, data: [UInt8]) {
        self.name = name
        self.data = data
    }

    public var text: String { String(decoding: data, as: UTF8.self) }
}

/// Splits a server-sent event stream into events, whatever the chunk boundaries: a line, a line
/// ending (`\n`, `\r\n` or `\r`, even `\r` and `\n` in different chunks) or a field name may be cut
/// anywhere.
///
/// Follows the WHATWG event-stream rules (https://html.spec.whatwg.org/multipage/server-sent-events.html):
/// comments (`: keep-alive`) are skipped, `id` and `retry` are ignored (a chat answer is never
/// resumed), and an event is dispatched at a blank line. Bytes stay bytes until an event is whole, so
/// a multi-byte character split between chunks is never mangled.
public struct SSEParser: Sendable {
    /// The start of a line whose end has not arrived yet.
    private var partialLine: [UInt8] = []
    /// The data of the event being built.
    private var data: [UInt8] = []
    private var hasData = false
    private var name: String?
    /// The last chunk ended in `\r`: a `\n` starting the next one belongs to the same line ending.
    private var skipLineFeed = false
    /// Comment lines seen, which servers send as keep-alives.
    public private(set) var commentCount = 0

    public init() {}

    /// Parses `bytes`, handing each completed event to `onEvent`.
    public mutating func feed<Failure: Error>(
        _ bytes: UnsafeRawBufferPointer, onEvent: (SSEEvent) throws(Failure) -> Void
    ) throws(Failure) {
        guard let base = bytes.baseAddress?.assumingMemoryBound(to: UInt8.self) else { return }
        let count = bytes.count
        var index = 0
        if skipLineFeed {
            skipLineFeed = false
            if base[0] == 0x0A { index = 1 }
        }
        while index < count {
            // Find the end of the line.
            var end = index
            while end < count {
                let byte = base[end]
                if byte == 0x0A || byte == 0x0D { break }
                end += 1
            }
            if end == count {
                partialLine.append(contentsOf: UnsafeBufferPointer(start: base + index, count: count - index))
                return
            }
            if partialLine.isEmpty {
                try processLine(UnsafeBufferPointer(start: base + index, count: end - index), onEvent: onEvent)
            } else {
                partialLine.append(contentsOf: UnsafeBufferPointer(start: base + index, count: end - index))
                let line = partialLine
                partialLine.removeAll(keepingCapacity: true)
                try processLine(line, onEvent: onEvent)
            }
            if base[end] == 0x0D {
                if end + 1 < count {
                    if base[end + 1] == 0x0A { end += 1 }
                } else {
                    skipLineFeed = true
                }
            }
            index = end + 1
        }
    }

    /// Convenience for byte arrays (tests, benchmarks).
    public mutating func feed<Failure: Error>(
        _ bytes: [UInt8], onEvent: (SSEEvent) throws(Failure) -> Void
    ) throws(Failure) {
        let copy = bytes
        var result: Result<Void, Failure> = .success(())
        copy.withUnsafeBytes { buffer in
            do throws(Failure) {
                try feed(buffer, onEvent: onEvent)
            } catch {
                result = .failure(error)
            }
        }
        try result.get()
    }

    /// The stream ended: an event whose blank line never came is still handed over, since servers that
    /// close right after their last `data:` line mean it as finished.
    public mutating func finish<Failure: Error>(onEvent: (SSEEvent) throws(Failure) -> Void) throws(Failure) {
        if !partialLine.isEmpty {
            let line = partialLine
            partialLine.removeAll()
            try processLine(line, onEvent: onEvent)
        }
        try dispatch(onEvent)
        skipLineFeed = false
    }

    /// A line carried over from earlier chunks.
    private mutating func processLine<Failure: Error>(
        _ line: [UInt8], onEvent: (SSEEvent) throws(Failure) -> Void
    ) throws(Failure) {
        var result: Result<Void, Failure> = .success(())
        line.withUnsafeBufferPointer { buffer in
            do throws(Failure) {
                try processLine(buffer, onEvent: onEvent)
            } catch {
                result = .failure(error)
            }
        }
        try result.get()
    }

    private mutating func processLine<Failure: Error>(
        _ line: UnsafeBufferPointer<UInt8>, onEvent: (SSEEvent) throws(Failure) -> Void
    ) throws(Failure) {
        if line.isEmpty {
            try dispatch(onEvent)
            return
        }
        if line[0] == 0x3A {  // ':' a comment
            commentCount += 1
            return
        }
        var colon = 0
        while colon < line.count, line[colon] != 0x3A { colon += 1 }
        var valueStart = Swift.min(colon + 1, line.count)
        if valueStart < line.count, line[valueStart] == 0x20 { valueStart += 1 }
        let field = UnsafeBufferPointer(rebasing: line[0..<colon])
        let value = UnsafeBufferPointer(rebasing: line[valueStart...])
        if Self.equals(field, "data") {
            if hasData { data.append(0x0A) }
            data.append(contentsOf: value)
            hasData = true
        } else if Self.equals(field, "event") {
            name = String(decoding: value, as: UTF8.self)
        }
        // id, retry and unknown fields are ignored.
    }

    private mutating func dispatch<Failure: Error>(_ onEvent: (SSEEvent) throws(Failure) -> Void) throws(Failure) {
        defer {
            data.removeAll(keepingCapacity: true)
            hasData = false
            name = nil
        }
        guard hasData else { return }
        try onEvent(SSEEvent(name: name, data: data))
    }

    private static func equals(_ bytes: UnsafeBufferPointer<UInt8>, _ text: StaticString) -> Bool {
        guard bytes.count == text.utf8CodeUnitCount else { return false }
        let other = text.utf8Start
        for index in 0..<bytes.count where bytes[index] != other[index] { return false }
        return true
    }
}
