import Basics

/// Finds the SQL in a model's answer.
///
/// The prompt asks for one ```sql block; models sometimes use a bare ``` fence or answer with the
/// query alone, and those are accepted too when they are plainly a query.
public enum SQLExtractor {
    public static func extract(from reply: String) -> String? {
        let blocks = fencedBlocks(in: reply)
        if let sql = blocks.first(where: {
            $0.language == "sql" || $0.language == "sqlite" || $0.language == "postgresql"
        }) {
            return clean(sql.body)
        }
        if let plain = blocks.first(where: { $0.language.isEmpty && startsLikeQuery($0.body) }) {
            return clean(plain.body)
        }
        if blocks.isEmpty, startsLikeQuery(reply) {
            return clean(reply)
        }
        return nil
    }

    struct Block {
        var language: String
        var body: String
    }

    static func fencedBlocks(in text: String) -> [Block] {
        var blocks: [Block] = []
        var current: Block?
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if let language = CodeFence.language(ofLine: line) {
                if let open = current {
                    blocks.append(open)
                    current = nil
                } else {
                    current = Block(language: language, body: "")
                }
            } else if current != nil {
                current!.body += (current!.body.isEmpty ? "" : "\n") + line
            }
        }
        if let unterminated = current, !unterminated.body.isEmpty { blocks.append(unterminated) }
        return blocks
    }

    static func startsLikeQuery(_ text: String) -> Bool {
        let first = text.drop(while: { $0.isWhitespace }).prefix(while: { $0.isLetter }).uppercased()
        return ["SELECT", "WITH", "VALUES"].contains(first)
    }

    static func clean(_ sql: String) -> String? {
        let trimmed = sql.trimmed()
        return trimmed.isEmpty ? nil : trimmed
    }
}
