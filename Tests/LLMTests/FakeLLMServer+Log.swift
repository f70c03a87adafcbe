import Foundation
import TestSupport

extension FakeLLMServer {
    /// Chat requests the server has received (model listings not counted).
    func requestCount() -> Int {
        loggedText().split(separator: "\n").filter { $0.contains(#""method":"POST""#) }.count
    }

    /// The request log as written, one JSON object a line.
    func loggedText() -> String {
        (try? String(contentsOfFile: logPath, encoding: .utf8)) ?? ""
    }
}
