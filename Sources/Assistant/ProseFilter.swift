/// The model's words as they stream, without its fenced code blocks (the SQL is shown on its own,
/// highlighted) and without runs of blank lines that the removed blocks leave behind. What a fence is
/// comes from `CodeFence`, the rule `SQLExtractor` reads the whole reply by.
///
/// Text is held back only while it could still be the start of a fence at the beginning of a line, so
/// prose appears word by word as it arrives.
public struct ProseFilter {
    private var inFence = false
    private var atLineStart = true
    /// Characters at the start of a line that may yet turn out to be a fence.
    private var held = ""
    /// After a fence marker, the rest of its line (the language tag) is dropped.
    private var skippingMarkerLine = false
    /// Newlines not yet written: written (at most two) only when more text follows.
    private var pendingNewlines = 0
    private var wroteText = false

    public init() {}

    /// True inside a fenced block: what streams now is code, held from the words (a session shows its status).
    public var isInsideFence: Bool { inFence }

    /// The visible part of `delta`.
    public mutating func feed(_ delta: String) -> String {
        var visible = ""
        for character in delta {
            if skippingMarkerLine {
                if character == "\n" {
                    skippingMarkerLine = false
                    atLineStart = true
                }
                continue
            }
            if atLineStart {
                held.append(character)
                if character != "\n", CodeFence.mayOpen(lineStart: held[...]) {
                    if CodeFence.language(ofLine: held[...]) != nil {
                        inFence.toggle()
                        held = ""
                        atLineStart = false
                        skippingMarkerLine = true
                    }
                    continue
                }
                atLineStart = character == "\n"
                if !inFence { emit(held, into: &visible) }
                held = ""
                continue
            }
            if !inFence { emit(String(character), into: &visible) }
            if character == "\n" { atLineStart = true }
        }
        return visible
    }

    /// What is left at the end of the answer: held text, and a final newline if anything was written.
    ///
    /// The filter starts afresh after it, so the next answer (a repair) is read from the start of a line
    /// outside any fence: an answer that ended on its closing fence must not leave the next one's
    /// opening fence taken for the rest of that marker's line.
    public mutating func finish() -> String {
        var visible = ""
        if !inFence { emit(held, into: &visible) }
        if wroteText { visible += "\n" }
        self = ProseFilter()
        return visible
    }

    private mutating func emit(_ text: String, into visible: inout String) {
        for character in text {
            if character == "\n" {
                pendingNewlines += 1
                continue
            }
            if wroteText, pendingNewlines > 0 { visible += String(repeating: "\n", count: min(2, pendingNewlines)) }
            pendingNewlines = 0
            visible.append(character)
            wroteText = true
        }
    }
}

extension ProseFilter {
    /// The words of a whole answer without its code blocks, trimmed: what a transcript shows beside the SQL.
    public static func prose(of reply: String) -> String {
        var filter = ProseFilter()
        return (filter.feed(reply) + filter.finish()).trimmed()
    }

    /// What to show of an answer in words (no SQL in it): its prose or, when the model put all of its words
    /// in a block, the block's lines without the fence markers, so such an answer is never shown as nothing.
    public static func words(ofAnswerInWords reply: String) -> String {
        let words = prose(of: reply)
        guard words.isEmpty else { return words }
        return reply.split(separator: "\n", omittingEmptySubsequences: false)
            .filter { CodeFence.language(ofLine: $0) == nil }.joined(separator: "\n").trimmed()
    }
}
