import SQLGuard
import Testing

/// Layer 1 alone against the corpora: every attack refused, every honest query accepted.
@Suite struct SQLGuardCorpusTests {
    @Test(arguments: SQLDialect.allCases)
    func everyAdversarialEntryIsRejected(dialect: SQLDialect) throws {
        let corpus = try Corpus.adversarial(dialect)
        #expect(corpus.entries.count >= 150)
        for (index, sql) in corpus.entries.enumerated() {
            let verdict = SQLGuard.check(sql, dialect: dialect)
            #expect(!verdict.isAllowed, "\(corpus.name) \(describe(index, sql)) was allowed")
            if let reason = verdict.reason { #expect(!reason.isEmpty) }
        }
    }

    @Test(arguments: SQLDialect.allCases)
    func everyHonestEntryIsAllowed(dialect: SQLDialect) throws {
        let corpus = try Corpus.honest(dialect)
        #expect(corpus.entries.count >= 140)
        for (index, sql) in corpus.entries.enumerated() {
            let verdict = SQLGuard.check(sql, dialect: dialect)
            #expect(verdict.isAllowed, "\(corpus.name) \(describe(index, sql)) was rejected: \(verdict.reason ?? "")")
        }
    }

    @Test func corporaHoldAtLeastThreeHundredEntriesEach() throws {
        let adversarial = try SQLDialect.allCases.map { try Corpus.adversarial($0).entries.count }.reduce(0, +)
        let honest = try SQLDialect.allCases.map { try Corpus.honest($0).entries.count }.reduce(0, +)
        #expect(adversarial >= 300)
        #expect(honest >= 300)
    }
}
