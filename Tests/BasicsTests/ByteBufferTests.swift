import Basics
import Testing

/// `ByteBuffer` is the one type whose unsafe pointer code the streamed output runs on: every way of appending,
/// across growth, gives back exactly the bytes put in.
@Suite struct ByteBufferTests {
    @Test func appendsKeepTheirOrderAcrossGrowth() {
        var buffer = ByteBuffer(capacity: 1)
        var expected: [UInt8] = []
        for round in 0..<200 {
            let byte = UInt8(truncatingIfNeeded: round)
            buffer.append(byte)
            expected.append(byte)
            let piece = (0..<(round % 37)).map { UInt8(truncatingIfNeeded: $0 &* 7 &+ round) }
            piece.withUnsafeBufferPointer { buffer.append($0) }
            expected += piece
            buffer.append("é,\(round)")
            expected += Array("é,\(round)".utf8)
            buffer.append("null" as StaticString)
            expected += Array("null".utf8)
        }
        #expect(buffer.count == expected.count)
        #expect(buffer.array == expected)
        buffer.withBytes { #expect(Array($0) == expected) }
    }

    @Test func removeAllEmptiesAndTheMemoryIsReused() {
        var buffer = ByteBuffer(capacity: 16)
        buffer.append(String(repeating: "x", count: 1_000))
        buffer.removeAll()
        let empty = buffer.isEmpty  // #expect's property check needs a copyable value
        #expect(empty)
        buffer.append("after")
        #expect(buffer.text == "after")
    }

    @Test func inPlaceWritesCountOnlyWhatWasWritten() {
        var buffer = ByteBuffer(capacity: 16)
        buffer.append("ab")
        buffer.append(maximum: 100) { room in
            #expect(room.count == 100)
            room[0] = UInt8(ascii: "c")
            room[1] = UInt8(ascii: "d")
            return 2
        }
        buffer.append(maximum: 3) { _ in 0 }
        #expect(buffer.text == "abcd")
    }

    @Test func emptyAndOtherBuffersAppend() {
        var buffer = ByteBuffer()
        buffer.append(UnsafeBufferPointer<UInt8>(start: nil, count: 0))
        buffer.append("")
        #expect(buffer.count == 0)
        var other = ByteBuffer()
        other.append("tail")
        buffer.append(other)
        buffer.append(other)
        #expect(buffer.text == "tailtail")
        #expect(other.text == "tail")
    }

    @Test func invalidUTF8IsRepairedOnlyWhenReadAsText() {
        var buffer = ByteBuffer()
        buffer.append(0xFF)
        buffer.append("a")
        #expect(buffer.array == [0xFF, UInt8(ascii: "a")])
        #expect(buffer.text == "\u{FFFD}a")
    }
}
