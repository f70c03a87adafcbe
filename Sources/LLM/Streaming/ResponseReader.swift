/// Reads one successful answer as its bytes arrive: as server-sent events when the server streams,
/// or as one JSON body when it ignored `stream: true` (some proxies and older servers do).
///
/// Lives inside libcurl's write callback, which cannot throw: the first failure is kept in `failure`
/// and stops the transfer.
struct ResponseReader {
    var assembler: CompletionAssembler
    private var parser = SSEParser()
    private let onText: (String) -> Void
    /// Settled by the first bytes: events or one JSON body.
    private(set) var isStream = false
    private var decided = false
    private var whole: [UInt8] = []
    private(set) var failure: LLMError?
    private(set) var firstTextAt: ContinuousClock.Instant?

    init(host: String, apiKey: String?, onText: @escaping (String) -> Void) {
        assembler = CompletionAssembler(host: host, apiKey: apiKey)
        self.onText = onText
    }

    /// Takes body bytes; returns false to stop the transfer after a failure.
    mutating func receive(_ head: HTTPResponseHead, _ bytes: UnsafeRawBufferPointer) -> Bool {
        guard failure == nil else { return false }
        if !decided {
            decided = true
            isStream = Self.isEventStream(contentType: head.header("Content-Type"), firstBytes: bytes)
        }
        guard isStream else {
            whole.append(contentsOf: bytes)
            return true
        }
        // The parser is moved out while it calls back into `self`, so the two never overlap.
        var parser = SSEParser()
        swap(&parser, &self.parser)
        defer { swap(&parser, &self.parser) }
        do throws(LLMError) {
            try parser.feed(bytes) { event throws(LLMError) in
                deliver(try assembler.consume(event))
            }
            return true
        } catch {
            failure = error
            return false
        }
    }

    /// The body is complete (`body` holds it when nothing was streamed through `receive`).
    mutating func finish(body: [UInt8]) throws(LLMError) {
        if !decided {
            // Not streamed through the callback: a plain request, or an empty body.
            whole = body
        }
        if isStream {
            var parser = SSEParser()
            swap(&parser, &self.parser)
            try parser.finish { event throws(LLMError) in
                deliver(try assembler.consume(event))
            }
        } else if !whole.isEmpty {
            deliver(try assembler.consumeWhole(whole))
        }
        deliver(assembler.finish())
    }

    private mutating func deliver(_ text: String) {
        guard !text.isEmpty else { return }
        if firstTextAt == nil { firstTextAt = .now }
        onText(text)
    }

    /// `text/event-stream` says so; without a useful Content-Type, a body opening with `{` is JSON.
    static func isEventStream(contentType: String?, firstBytes: UnsafeRawBufferPointer) -> Bool {
        if let type = contentType?.lowercased() {
            if type.contains("text/event-stream") { return true }
            if type.contains("json") { return false }
        }
        let first = firstBytes.first(where: { $0 != 0x20 && $0 != 0x0A && $0 != 0x0D && $0 != 0x09 })
        return first != 0x7B
    }
}
