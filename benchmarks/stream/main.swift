// Compiled by benchmarks/stream.sh together with Sources/LLM (one module), so it drives the real
// parser, assembler and transfer code. Two figures:
//   1. throughput: a 1 MB answer as OpenAI-style SSE, fed in chunks of 1 B to 16 KB, through the SSE
//      parser alone and through the whole reader (parser, JSON decoding, <think> filter);
//   2. added latency against FakeLLM: libcurl's write callback receiving bytes -> the text reaching onText.
import FoundationEssentials

#if canImport(Glibc)
    import Glibc
#endif

func fixed(_ value: Double, _ digits: Int = 1) -> String {
    let scale = Double([1, 10, 100][digits])
    let rounded = (value * scale).rounded() / scale
    return digits == 0 ? String(Int(rounded)) : String(rounded)
}

func median(_ values: [Double]) -> Double { values.sorted()[values.count / 2] }
func percentile(_ values: [Double], _ p: Double) -> Double {
    let sorted = values.sorted()
    return sorted[min(sorted.count - 1, Int(Double(sorted.count) * p))]
}

let arguments = CommandLine.arguments
let answerBytes = 1 << 20
var stream: [UInt8] = []
var answer = 0
let head = #"data: {"id":"chatcmpl-x","object":"chat.completion.chunk","created":1,"model":"m","choices":[{"index":0,"delta":{"content":""#
while answer < answerBytes {
    let piece = " word\(answer % 97)"
    stream += Array((head + piece + #""},"finish_reason":null}]}"# + "\n\n").utf8)
    answer += piece.utf8.count
}
stream += Array(#"data: {"choices":[{"index":0,"delta":{},"finish_reason":"stop"}]}"#.utf8) + Array("\n\ndata: [DONE]\n\n".utf8)
let megabytes = Double(stream.count) / 1e6
print("stream: \(fixed(megabytes)) MB of SSE carrying a \(answer / 1024) KB answer")

for chunk in [1, 16, 256, 4096, 16384] {
    var parserOnly: [Double] = []
    var whole: [Double] = []
    for _ in 0..<5 {
        let clock = ContinuousClock()
        var start = clock.now
        var parser = SSEParser()
        var events = 0
        stream.withUnsafeBytes { bytes in
            var offset = 0
            while offset < bytes.count {
                let end = min(offset + chunk, bytes.count)
                parser.feed(UnsafeRawBufferPointer(rebasing: bytes[offset..<end])) { _ in events += 1 }
                offset = end
            }
        }
        parserOnly.append(start.duration(to: clock.now).seconds)
        start = clock.now
        var text = 0
        var reader = ResponseReader(host: "bench", apiKey: nil, onText: { text += $0.utf8.count })
        let head = HTTPResponseHead(status: 200, headers: [("Content-Type", "text/event-stream")])
        stream.withUnsafeBytes { bytes in
            var offset = 0
            while offset < bytes.count {
                let end = min(offset + chunk, bytes.count)
                _ = reader.receive(head, UnsafeRawBufferPointer(rebasing: bytes[offset..<end]))
                offset = end
            }
        }
        try? reader.finish(body: [])
        whole.append(start.duration(to: clock.now).seconds)
        // The answer's leading space is trimmed, nothing else.
        precondition(text == answer - 1, "lost text: \(text) of \(answer)")
    }
    print(
        "chunks of \(chunk) B: parser \(fixed(megabytes / median(parserOnly), 0)) MB/s, "
            + "parser+JSON+think \(fixed(megabytes / median(whole))) MB/s")
}

if arguments.count > 1 {
    // Latency against FakeLLM at arguments[1] (a base URL): one delta every 2 ms.
    let easy = try CurlEasy()
    let body = Array(#"{"model":"fake-model","stream":true,"messages":[{"role":"user","content":"latency"}]}"#.utf8)
    var latencies: [Double] = []
    for _ in 0..<3 {
        var arrivedAt = ContinuousClock.now
        var reader = ResponseReader(host: "bench", apiKey: nil, onText: { _ in
            latencies.append(arrivedAt.duration(to: .now).seconds * 1e6)
        })
        let request = HTTPRequest(
            method: "POST", url: arguments[1] + "/chat/completions", headers: [("Content-Type", "application/json")],
            body: body,
            limits: TransferLimits(connect: 5, firstByte: 5, idle: 5, deadline: .now + .seconds(60), totalSeconds: 60),
            tls: TLSSettings())
        _ = try easy.perform(request, onData: { head, bytes in
            arrivedAt = .now
            return reader.receive(head, bytes)
        })
    }
    print(
        "added latency (curl write callback -> onText), \(latencies.count) deltas: "
            + "median \(fixed(median(latencies))) µs, p99 \(fixed(percentile(latencies, 0.99))) µs")
}
