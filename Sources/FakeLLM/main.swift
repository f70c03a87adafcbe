import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

// FakeLLM: a scriptable OpenAI-compatible server on loopback for datachat's tests and benchmarks.
// See docs/FAKELLM.md. Argument and script errors: one line on stderr, exit 2.

/// Writes straight to a descriptor: unbuffered, so the listening line reaches a waiting test at once.
func writeLine(_ text: String, to fd: Int32) {
    var bytes = Array((text + "\n").utf8)
    var offset = 0
    while offset < bytes.count {
        let written = bytes.withUnsafeMutableBytes { write(fd, $0.baseAddress.map { $0 + offset }, $0.count - offset) }
        if written > 0 {
            offset += written
        } else if !(written < 0 && errno == EINTR) {
            return
        }
    }
}

func fail(_ message: String, status: Int32 = 2) -> Never {
    writeLine("FakeLLM: \(message)", to: 2)
    exit(status)
}

let options: Options
do {
    switch try Options.parse(CommandLine.arguments) {
    case .help:
        writeLine(Options.usage, to: 1)
        exit(0)
    case .serve(let parsed):
        options = parsed
    }
} catch {
    fail(error.message)
}

let script: Script
let log: RequestLog?
do {
    script = try Script.load(path: options.scriptPath)
    log = try options.logPath.map { (path) throws(ScriptError) in try RequestLog(path: path) }
} catch {
    fail(error.message)
}

// A peer that hangs up mid-stream must not kill the server; SIGTERM and SIGINT end it at once (the log is
// written line by line with no buffer to lose). The signal mask is inherited across exec, and a parent such
// as a Swift test runner may block SIGTERM on the thread that spawns us: unblock everything first.
var noSignals = sigset_t()
sigemptyset(&noSignals)
sigprocmask(SIG_SETMASK, &noSignals, nil)
signal(SIGPIPE, SIG_IGN)
signal(SIGTERM) { _ in _exit(0) }
signal(SIGINT) { _ in _exit(0) }

let server: HTTPServer
do {
    server = try HTTPServer(host: options.host, port: options.port)
} catch {
    fail(error.message, status: 1)
}

if options.exitOnStdinEOF {
    Thread {
        var byte: UInt8 = 0
        while true {
            let count = read(0, &byte, 1)
            if count == 0 || (count < 0 && errno != EINTR) { _exit(0) }
        }
    }.start()
}

let router = Router(
    options: options,
    completions: ChatCompletions(script: script, counters: RuleCounters(ruleCount: script.rules.count)),
    log: log
)
writeLine("FakeLLM listening on http://\(server.urlHost):\(server.port)/v1", to: 1)
server.serve { request, writer in router.handle(request, writer: writer) }
