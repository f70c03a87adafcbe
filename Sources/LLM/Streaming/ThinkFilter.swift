/// Keeps `<think>…</think>` blocks, which reasoning models (DeepSeek-R1, Qwen3, …) write into the
/// answer itself, out of the text a user sees and the SQL extractor reads.
///
/// Works on deltas: a tag cut between two deltas (`<thi` + `nk>`) is still recognised, because a
/// tail that could be the start of a tag is held back until the next delta settles it.
struct ThinkFilter {
    private static let open = Array("<think>".utf8)
    private static let close = Array("</think>".utf8)

    private var pending: [UInt8] = []
    private var inside = false
    /// Nothing visible has been let through yet: whitespace left by a leading block is dropped.
    private var atStart = true
    /// Characters of reasoning dropped, for the token estimate.
    private(set) var hiddenBytes = 0

    /// The visible part of `delta` that is settled ("" when it is all reasoning or held back).
    mutating func filter(_ delta: String) -> String {
        // The common case: no tag in sight, nothing held back.
        if !inside, pending.isEmpty, !delta.utf8.contains(0x3C) {
            return visible(Array(delta.utf8))
        }
        pending.append(contentsOf: delta.utf8)
        var output: [UInt8] = []
        while true {
            let tag = inside ? Self.close : Self.open
            if let found = Self.firstRange(of: tag, in: pending) {
                if inside {
                    hiddenBytes += found.lowerBound
                } else {
                    output.append(contentsOf: pending[..<found.lowerBound])
                }
                pending.removeSubrange(..<found.upperBound)
                inside.toggle()
                continue
            }
            let keep = Self.longestSuffixThatStarts(tag, in: pending)
            let settled = pending.count - keep
            if inside {
                hiddenBytes += settled
            } else {
                output.append(contentsOf: pending[..<settled])
            }
            pending.removeSubrange(..<settled)
            break
        }
        return visible(output)
    }

    /// The end of the answer: a held-back tail that never became a tag is text after all; an
    /// unclosed block stays hidden.
    mutating func finish() -> String {
        defer { pending.removeAll() }
        if inside {
            hiddenBytes += pending.count
            return ""
        }
        return visible(pending)
    }

    private mutating func visible(_ bytes: [UInt8]) -> String {
        var bytes = bytes[...]
        if atStart {
            bytes = bytes.drop(while: { $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 })
            if bytes.isEmpty { return "" }
            atStart = false
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    private static func firstRange(of tag: [UInt8], in bytes: [UInt8]) -> Range<Int>? {
        guard bytes.count >= tag.count else { return nil }
        var start = 0
        while start <= bytes.count - tag.count {
            if bytes[start] == tag[0] {
                var matched = 1
                while matched < tag.count, bytes[start + matched] == tag[matched] { matched += 1 }
                if matched == tag.count { return start..<(start + tag.count) }
            }
            start += 1
        }
        return nil
    }

    /// How many bytes at the end of `bytes` could be the beginning of `tag`.
    private static func longestSuffixThatStarts(_ tag: [UInt8], in bytes: [UInt8]) -> Int {
        var length = min(tag.count - 1, bytes.count)
        while length > 0 {
            if bytes[(bytes.count - length)...].elementsEqual(tag[..<length]) { return length }
            length -= 1
        }
        return 0
    }
}
