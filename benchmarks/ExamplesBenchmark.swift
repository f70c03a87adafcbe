// Times ExampleRetriever on 10,000 confirmed examples over the sample's schema: building the index, and
// ranking it for a question. Built by benchmarks/examples.sh with swiftc -O straight from
// Sources/Assistant/SearchTerms.swift, SchemaNameTable.swift and ExampleRetriever.swift.

import Foundation

@main
enum ExamplesBenchmark {
    static func main() throws {
        let schemaFile = CommandLine.arguments[1]
        let count = CommandLine.arguments.count > 2 ? Int(CommandLine.arguments[2]) ?? 10_000 : 10_000
        let names = try schemaNames(schemaFile)
        let examples = generatedExamples(count)
        let questions = [
            "What was the revenue per category in 2024?", "how many orders were delivered late in March?",
            "top 10 sellers by number of items sold", "average review score by customer segment",
            "which payment methods are used most for orders over 500?", "monthly count of new customers in 2023",
            "show the cities with the most cancelled orders", "freight value per state in 2022",
        ]

        var builds: [Double] = []
        var retriever = ExampleRetriever(examples: examples, schemaNames: names)
        for _ in 0..<7 {
            let start = DispatchTime.now().uptimeNanoseconds
            retriever = ExampleRetriever(examples: examples, schemaNames: names)
            builds.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1_000_000)
        }

        // Warm up, then time every question 101 times; the median of all of them.
        for question in questions { _ = retriever.matches(for: question) }
        var perQuestion: [Double] = []
        var shown = 0
        for _ in 0..<101 {
            for question in questions {
                let start = DispatchTime.now().uptimeNanoseconds
                let matches = retriever.matches(for: question)
                perQuestion.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1_000)
                shown += matches.count
            }
        }
        print("\(retriever.count) distinct confirmed examples, \(names.count) schema names")
        print("index build: median \(format(median(builds))) ms (min \(format(builds.min() ?? 0)), 7 runs)")
        print(
            "retrieval per question: median \(format(median(perQuestion))) µs (min \(format(perQuestion.min() ?? 0)),"
                + " max \(format(perQuestion.max() ?? 0)), \(perQuestion.count) runs over \(questions.count) questions)"
        )
        for question in questions.prefix(3) {
            let top = retriever.matches(for: question).map { "\(format($0.score)) \(examples[$0.index].question)" }
            print("  \(question) -> \(top.joined(separator: " | "))")
        }
        precondition(shown > 0, "the benchmark questions must find examples")
    }

    static func median(_ values: [Double]) -> Double {
        let sorted = values.sorted()
        return sorted[sorted.count / 2]
    }

    static func format(_ value: Double) -> String { String(format: "%.3f", value) }

    /// Table and column names of a CREATE TABLE script, one statement per table as the sample's are written.
    static func schemaNames(_ path: String) throws -> [String] {
        var names: [String] = []
        let skip: Set<String> = ["PRIMARY", "CHECK", "FOREIGN", "UNIQUE", "CONSTRAINT", ")", ");"]
        for line in try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n") {
            let words = line.split(whereSeparator: { $0 == " " || $0 == "(" })
            if line.hasPrefix("CREATE TABLE"), words.count > 2 {
                names.append(String(words[2]))
            } else if line.hasPrefix("    "), let first = words.first, !skip.contains(String(first)) {
                names.append(String(first))
            }
        }
        return names
    }

    /// Analyst questions and their SQL, made from a measure, a grouping, a filter and a year, so that
    /// 10,000 of them are mostly distinct and share words the way real ones do.
    static func generatedExamples(_ count: Int) -> [ExampleRetriever.Example] {
        let measures: [(words: String, sql: String)] = [
            ("revenue", "round(sum(oi.quantity * oi.unit_price), 2) AS revenue"),
            ("number of orders", "count(DISTINCT o.order_id) AS orders"),
            ("average review score", "round(avg(r.score), 2) AS average_score"),
            ("freight value", "round(sum(oi.freight_value), 2) AS freight"),
            ("items sold", "sum(oi.quantity) AS items"), ("payment amount", "round(sum(p.amount), 2) AS paid"),
            ("late deliveries", "sum(o.delivered_at > o.estimated_delivery_date) AS late"),
        ]
        let groupings: [(words: String, sql: String)] = [
            ("per category", "c.name"), ("by seller", "s.name"), ("by customer segment", "cu.segment"),
            ("per state", "cu.state"), ("by city", "cu.city"), ("by payment method", "p.method"),
            ("per month", "substr(o.ordered_at, 1, 7)"), ("by order status", "o.status"),
            ("per product", "pr.name"), ("by installments", "p.installments"),
        ]
        let filters: [(words: String, sql: String)] = [
            ("", "1 = 1"), ("for delivered orders", "o.status = 'delivered'"),
            ("for cancelled orders", "o.status = 'cancelled'"), ("for corporate customers", "cu.segment = 'corporate'"),
            ("paid by credit card", "p.method = 'credit_card'"), ("in São Paulo", "cu.state = 'SP'"),
            ("for active products", "pr.is_active = 1"), ("with a five-star review", "r.score = 5"),
        ]
        let openings = ["What was the", "Show the", "Give me the", "", "List the", "How much was the"]
        var examples: [ExampleRetriever.Example] = []
        examples.reserveCapacity(count)
        var index = 0
        while examples.count < count {
            let measure = measures[index % measures.count]
            let grouping = groupings[(index / measures.count) % groupings.count]
            let filter = filters[(index / (measures.count * groupings.count)) % filters.count]
            let opening = openings[index % openings.count]
            let year = 2018 + (index / 560) % 18
            let question =
                [opening, measure.words, grouping.words, filter.words, "in \(year)"]
                .filter { !$0.isEmpty }.joined(separator: " ") + "?"
            let sql = """
                SELECT \(grouping.sql) AS label, \(measure.sql)
                FROM orders o JOIN order_items oi ON oi.order_id = o.order_id
                JOIN products pr ON pr.product_id = oi.product_id JOIN categories c ON c.category_id = pr.category_id
                JOIN sellers s ON s.seller_id = oi.seller_id JOIN customers cu ON cu.customer_id = o.customer_id
                LEFT JOIN payments p ON p.order_id = o.order_id LEFT JOIN reviews r ON r.order_id = o.order_id
                WHERE \(filter.sql) AND o.ordered_at >= '\(year)-01-01' AND o.ordered_at < '\(year + 1)-01-01'
                GROUP BY 1 ORDER BY 2 DESC
                """
            examples.append(ExampleRetriever.Example(question: question, sql: sql))
            index += 1
        }
        return examples
    }
}
