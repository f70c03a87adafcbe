import Testing

@testable import LLM

@Suite struct SSEParserTests {
    static let stream =
        ": keep-alive\r\n\r\n" + "data: {\"a\":1}\r\n\r\n" + "event: message\ndata: first line\ndata: second ünï\n\n"
        + "id: 7\nretry: 100\ndata:no space\r\r" + "data: [DONE]\n\n"

    static let expected = [
        SSEEvent(data: Array("{\"a\":1}".utf8)),
        SSEEvent(name: "message", data: Array("first line\nsecond ünï".utf8)),
        SSEEvent(data: Array("no space".utf8)),
        SSEEvent(data: Array("[DONE]".utf8)),
    ]

    private func parse(_ chunks: [[UInt8]]) -> [SSEEvent] {
        var parser = SSEParser()
        var events: [SSEEvent] = []
        for chunk in chunks { parser.feed(chunk) { events.append($0) } }
        parser.finish { events.append($0) }
        return events
    }

    @Test func wholeStreamInOneChunk() {
        #expect(parse([Array(Self.stream.utf8)]) == Self.expected)
    }

    @Test func splitAtEveryPosition() {
        let bytes = Array(Self.stream.utf8)
        for cut in 0...bytes.count {
            #expect(parse([Array(bytes[..<cut]), Array(bytes[cut...])]) == Self.expected, "cut at \(cut)")
        }
    }

    @Test func splitAtEveryPairOfPositions() {
        let bytes = Array(Self.stream.utf8)
        for first in 0...bytes.count {
            for second in first...bytes.count {
                let chunks = [Array(bytes[..<first]), Array(bytes[first..<second]), Array(bytes[second...])]
                #expect(parse(chunks) == Self.expected)
            }
        }
    }

    @Test func oneByteAtATime() {
        #expect(parse(Self.stream.utf8.map { [$0] }) == Self.expected)
    }

    @Test func countsCommentsAsKeepAlives() {
        var parser = SSEParser()
        parser.feed(Array(": ping\n\n: ping\n\n".utf8)) { _ in Issue.record("no event expected") }
        #expect(parser.commentCount == 2)
    }

    @Test func anEventWithoutItsBlankLineIsHandedOverAtTheEnd() {
        #expect(parse([Array("data: last".utf8)]) == [SSEEvent(data: Array("last".utf8))])
    }
}
