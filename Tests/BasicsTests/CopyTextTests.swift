import Basics
import Testing

/// `CopyText`'s two directions: what it escapes reads back as it was, and it reads every escape `COPY ... FROM`
/// reads, the ones the server never writes included.
@Suite struct CopyTextTests {
    private func escaped(_ text: String) -> String {
        var output = ByteBuffer()
        Array(text.utf8).withUnsafeBufferPointer { CopyText.appendEscaped($0, to: &output) }
        return output.text
    }

    private func unescaped(_ text: String) -> String {
        var output = ByteBuffer()
        Array(text.utf8).withUnsafeBufferPointer { CopyText.appendUnescaped($0, to: &output) }
        return output.text
    }

    @Test func whatIsEscapedReadsBackAsItWas() {
        for text in ["", "plain", "tab\there", "new\nline\r\n", "back\\slash\\", "\\N", "\\\\t", "ünï\tcödé ✓"] {
            #expect(unescaped(escaped(text)) == text, "\(text.debugDescription)")
            #expect(!escaped(text).contains("\t") && !escaped(text).contains("\n"))
        }
        #expect(escaped("a\tb\\") == "a\\tb\\\\")
    }

    @Test func everyEscapeCopyReadsIsRead() {
        #expect(unescaped("\\b\\f\\n\\r\\t\\v\\\\") == "\u{8}\u{C}\n\r\t\u{B}\\")
        #expect(unescaped("\\101\\0627\\7") == "A27\u{7}", "octal: at most three digits")
        #expect(unescaped("\\x41\\x4a2\\xg") == "AJ2xg", "hex: at most two digits; \\x without one is x")
        #expect(unescaped("\\q\\.\\") == "q.\\", "any other byte stands for itself; a lone last backslash too")
    }
}
