import Basics

/// Sends a completion as server-sent events the way OpenAI does, with the rule's stream faults.
///
/// The stream is first planned as a list of steps (events, pauses, a cut-off), then played. Without
/// pauses the whole stream leaves in one `send` together with the headers.
struct SSEWriter {
    let writer: ResponseWriter
    /// Chunked transfer encoding (HTTP/1.1), else the body ends at close (HTTP/1.0).
    let chunked: Bool
    let rule: Rule

    enum Step: Equatable {
        case event(String)
        case pause(milliseconds: Int)
        /// Close the connection here: no finish chunk, no `[DONE]`, no end of the chunked body.
        case cutOff
    }

    /// Plays the stream; returns whether the connection may take another request.
    func stream(_ completion: Completion, includeUsage: Bool, keepAlive: Bool) -> Bool {
        let canKeepAlive = keepAlive && chunked
        var headers = [("Content-Type", "text/event-stream; charset=utf-8"), ("Cache-Control", "no-cache")]
        if chunked { headers.append(("Transfer-Encoding", "chunked")) }
        writer.appendHead(status: 200, headers: headers, close: !canKeepAlive)

        var first = true
        for step in plan(completion, includeUsage: includeUsage) {
            switch step {
            case .event(let data):
                if !first {
                    if rule.keepalive { appendChunk(": keep-alive\n\n") }
                    if rule.chunkDelayMs > 0 {
                        guard writer.flush() else { return false }
                        Cancellation.never.sleep(for: .milliseconds(rule.chunkDelayMs))
                    }
                }
                first = false
                appendChunk("data: " + data + "\n\n")
            case .pause(let milliseconds):
                guard writer.flush() else { return false }
                Cancellation.never.sleep(for: .milliseconds(milliseconds))
            case .cutOff:
                writer.flush()
                return false
            }
        }
        if chunked { writer.append("0\r\n\r\n") }
        return writer.flush() && canKeepAlive
    }

    private func appendChunk(_ text: String) {
        if chunked {
            writer.append(String(text.utf8.count, radix: 16) + "\r\n" + text + "\r\n")
        } else {
            writer.append(text)
        }
    }

    /// The events in order, with the rule's pauses, malformed event and cut-off placed by character count.
    func plan(_ completion: Completion, includeUsage: Bool) -> [Step] {
        let sendUsage = includeUsage && completion.usage != nil
        let chunkHead =
            #"{"id":"\#(completion.id)","object":"chat.completion.chunk","created":\#(completion.created),"#
            + #""model":\#(JSONText.quoted(completion.model)),"system_fingerprint":"fp_fakellm","choices":"#
        let chunkTail = sendUsage ? #","usage":null}"# : "}"
        func chunk(delta: String, finishReason: String? = nil) -> Step {
            .event(
                chunkHead + #"[{"index":0,"delta":\#(delta),"logprobs":null,"finish_reason":"#
                    + JSONText.quotedOrNull(finishReason) + "}]" + chunkTail)
        }

        var steps: [Step] = []
        if completion.emptyChoices {
            steps.append(.event(chunkHead + "[]" + chunkTail))
        } else {
            steps.append(chunk(delta: #"{"role":"assistant","content":"","refusal":null}"#))
            for piece in pieces(of: completion.reasoning ?? "") {
                steps.append(chunk(delta: #"{"reasoning_content":\#(JSONText.quoted(piece))}"#))
            }
            let contentSteps = contentPlan(completion.content) {
                chunk(delta: #"{"content":\#(JSONText.quoted($0))}"#)
            }
            steps += contentSteps
            if steps.last == .cutOff { return steps }
            steps.append(chunk(delta: "{}", finishReason: completion.finishReason))
        }
        if sendUsage, let usage = completion.usage {
            steps.append(.event(chunkHead + #"[],"usage":"# + usage.json + "}"))
        }
        if !rule.omitDone { steps.append(.event("[DONE]")) }
        return steps
    }

    /// Content deltas, with the stall, the cut-off and the malformed event in place.
    private func contentPlan(_ content: String, delta: (String) -> Step) -> [Step] {
        let total = content.count
        let stallAt = rule.stallAfterChars.map { min($0, total) }
        let cutAt = rule.truncateAfterChars.map { min($0, total) }
        let parts = pieces(of: content, splittingAt: [stallAt, cutAt].compactMap { $0 })
        let malformedAfter = rule.malformed ? parts.count / 2 : nil

        var steps: [Step] = []
        var sent = 0
        func marks() -> Bool {
            if sent == stallAt && rule.stallMs > 0 { steps.append(.pause(milliseconds: rule.stallMs)) }
            if sent == cutAt {
                steps.append(.cutOff)
                return true
            }
            return false
        }
        if marks() { return steps }
        for (index, part) in parts.enumerated() {
            if index == malformedAfter { steps.append(.event(#"{"choices": ["#)) }
            steps.append(delta(part))
            sent += part.count
            if marks() { return steps }
        }
        if malformedAfter == parts.count { steps.append(.event(#"{"choices": ["#)) }
        return steps
    }

    /// `text` cut into deltas: `chunk_bytes` characters each, or about a word each (a word with the
    /// whitespace before it, as model tokens come), also cut at each of `offsets` (in characters).
    func pieces(of text: String, splittingAt offsets: [Int] = []) -> [String] {
        var pieces: [String] = []
        var current = ""
        var currentCount = 0
        var position = 0
        var sawWord = false
        for character in text {
            let wordBoundary = rule.chunkChars == nil && character.isWhitespace && sawWord
            let sizeBoundary = rule.chunkChars.map { currentCount == $0 } ?? false
            if currentCount > 0 && (wordBoundary || sizeBoundary || offsets.contains(position)) {
                pieces.append(current)
                current = ""
                currentCount = 0
                sawWord = false
            }
            current.append(character)
            currentCount += 1
            position += 1
            if !character.isWhitespace { sawWord = true }
        }
        if currentCount > 0 { pieces.append(current) }
        return pieces
    }
}
