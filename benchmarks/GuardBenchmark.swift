// Times SQLGuard.check on a 10 KB analytic query and reports the corpus figures.
// Built by benchmarks/guard.sh straight from Sources/SQLGuard/*.swift with swiftc -O.

import Foundation

@main
enum GuardBenchmark {
    static func main() throws {
        let corpusFolder = CommandLine.arguments[1]
        let query = tenKilobyteQuery()
        for dialect in SQLDialect.allCases {
            precondition(SQLGuard.check(query, dialect: dialect).isAllowed, "the benchmark query must be allowed")
            // Warm up, then time batches of 100 checks; report the median batch per check.
            for _ in 0..<200 { _ = SQLGuard.check(query, dialect: dialect) }
            var perCheck: [Double] = []
            for _ in 0..<101 {
                let start = DispatchTime.now().uptimeNanoseconds
                for _ in 0..<100 { _ = SQLGuard.check(query, dialect: dialect) }
                perCheck.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 100 / 1_000)
            }
            perCheck.sort()
            let median = perCheck[perCheck.count / 2]
            print(
                "check, \(query.utf8.count)-byte query, \(dialect.rawValue): median \(String(format: "%.1f", median)) µs"
                    + " (min \(String(format: "%.1f", perCheck[0])), max \(String(format: "%.1f", perCheck[perCheck.count - 1])))"
            )
        }
        var honestTotal = 0
        var honestRejected = 0
        var adversarialTotal = 0
        var adversarialAllowed = 0
        for dialect in SQLDialect.allCases {
            let honest = try entries(corpusFolder + "/honest.\(dialect.rawValue).sql")
            let adversarial = try entries(corpusFolder + "/adversarial.\(dialect.rawValue).sql")
            let rejected = honest.filter { !SQLGuard.check($0, dialect: dialect).isAllowed }.count
            let allowed = adversarial.filter { SQLGuard.check($0, dialect: dialect).isAllowed }.count
            print(
                "\(dialect.rawValue): honest \(honest.count) (\(rejected) rejected), adversarial \(adversarial.count) (\(allowed) allowed)"
            )
            honestTotal += honest.count
            honestRejected += rejected
            adversarialTotal += adversarial.count
            adversarialAllowed += allowed
        }
        print(
            "total: honest \(honestTotal), false rejections \(honestRejected) (\(String(format: "%.2f", 100 * Double(honestRejected) / Double(honestTotal)))%);"
                + " adversarial \(adversarialTotal), missed \(adversarialAllowed)")
    }

    static func entries(_ path: String) throws -> [String] {
        try String(contentsOfFile: path, encoding: .utf8).components(separatedBy: "\n====\n")
            .filter { !$0.allSatisfy(\.isWhitespace) }
    }

    /// A realistic long query: a chain of CTEs with window functions, CASE, strings and comments,
    /// grown to just over 10 KB.
    static func tenKilobyteQuery() -> String {
        var parts: [String] = []
        var index = 0
        var length = 0
        while length < 10_000 {
            let part = """
                step_\(index) AS ( -- monthly revenue, step \(index)
                    SELECT o.customer_id, date_trunc('month', o.ordered_at) AS month,
                           sum(oi.quantity * oi.unit_price) AS revenue,
                           rank() OVER (PARTITION BY o.customer_id ORDER BY sum(oi.unit_price) DESC) AS position,
                           CASE WHEN o.status = 'delivered' THEN 'done' ELSE 'open; not DELETE' END AS "state"
                    FROM orders o JOIN order_items oi ON oi.order_id = o.order_id
                    WHERE o.customer_id > \(index) /* recent */ GROUP BY o.customer_id, 2, o.status
                )
                """
            parts.append(part)
            length += part.utf8.count + 2
            index += 1
        }
        return "WITH " + parts.joined(separator: ",\n") + "\nSELECT * FROM step_0 ORDER BY revenue DESC LIMIT 100"
    }
}
