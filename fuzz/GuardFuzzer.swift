// libFuzzer entry point for the SQL guard: the tokenizer, the policy and the per-statement check,
// in both dialects, on arbitrary bytes. Built by scripts/fuzz-guard.sh straight from
// Sources/SQLGuard/*.swift; not part of the package.

@_cdecl("LLVMFuzzerTestOneInput")
public func guardFuzzerTestOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    guard let data else { return 0 }
    let sql = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    for dialect in SQLDialect.allCases {
        let tokens = SQLTokenizer(dialect: dialect).tokenize(sql)
        // The tokens cover the input exactly, in order.
        var offset = 0
        for token in tokens {
            precondition(token.offset == offset, "token at \(token.offset) expected at \(offset)")
            offset += token.text.utf8.count
        }
        precondition(offset == sql.utf8.count, "tokens cover \(offset) of \(sql.utf8.count) bytes")
        let verdict = SQLGuard.check(sql, dialect: dialect)
        if case .rejected(_, let position?) = verdict {
            precondition(position >= 0 && position <= sql.utf8.count, "position \(position) outside the input")
        }
        let checks = SQLGuard.checkEach(sql, dialect: dialect)
        // A script the guard allows as one statement is allowed statement by statement too.
        if verdict.isAllowed { precondition(checks.count == 1 && checks[0].verdict.isAllowed) }
    }
    return 0
}
