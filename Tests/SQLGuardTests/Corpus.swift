import Foundation
import SQLGuard

/// One of the corpus files under Tests/SQLGuardTests/Corpus: entries separated by a line `====`.
struct Corpus {
    let name: String
    let entries: [String]

    init(_ name: String) throws {
        let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Corpus")
        let text = try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
        self.name = name
        entries = text.components(separatedBy: "\n====\n").filter { !$0.allSatisfy(\.isWhitespace) }
    }

    static func adversarial(_ dialect: SQLDialect) throws -> Corpus {
        try Corpus("adversarial.\(dialect.rawValue).sql")
    }
    static func honest(_ dialect: SQLDialect) throws -> Corpus { try Corpus("honest.\(dialect.rawValue).sql") }
}

/// The entry numbered as in failure messages, and short enough to read there.
func describe(_ index: Int, _ sql: String) -> String {
    let flat = sql.split(whereSeparator: \.isNewline).joined(separator: " ")
    return "entry \(index + 1): \(flat.count > 160 ? String(flat.prefix(160)) + "…" : flat)"
}
