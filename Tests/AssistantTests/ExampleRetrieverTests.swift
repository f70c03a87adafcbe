import Testing

@testable import Assistant

/// The ranking of confirmed examples: which ones a new question is shown, and which never.
@Suite struct ExampleRetrieverTests {
    let schema = ["sales", "id", "region", "amount", "sold_at", "customers", "customer_id", "segment"]

    func example(_ question: String, _ sql: String = "SELECT 1") -> ExampleRetriever.Example {
        ExampleRetriever.Example(question: question, sql: sql)
    }

    @Test func stemsFoldTheFormsAnAnalystWrites() {
        let pairs = [
            ("orders", "ordered"), ("ordering", "order"), ("shipped", "shipping"), ("categories", "category"),
            ("deliveries", "delivered"), ("monthly", "months"), ("created", "create"), ("statuses", "status"),
            ("cities", "city"),
        ]
        for (a, b) in pairs { #expect(SearchTerms.stem(a) == SearchTerms.stem(b), "\(a) / \(b)") }
        #expect(SearchTerms.stem("status") != SearchTerms.stem("stat"))
        #expect(
            SearchTerms.terms("Show me the customer's orders in São Paulo!") == ["customer", "order", "são", "paulo"])
        #expect(SearchTerms.nameTerms("ordered_at") == ["order"])
        #expect(SearchTerms.nameTerms("PetType") == ["pet", SearchTerms.stem("type")])
    }

    @Test func schemaNamesAreFoundInSQLAsWholeWordsWhateverTheirCase() {
        let table = SchemaNameTable(["sales", "region", "sold_at"])
        var found: [Int] = []
        table.forEachName(in: "SELECT s.Region, \"SOLD_AT\" FROM Sales s WHERE regions_x = 'region' AND sold_at2 > 1") {
            found.append($0)
        }
        // Region, SOLD_AT, Sales, and the word in the string literal; never regions_x or sold_at2.
        #expect(found == [1, 2, 0, 1])
    }

    @Test func theSimilarExampleComesFirstAndUnrelatedOnesNotAtAll() {
        let retriever = ExampleRetriever(
            examples: [
                example("total amount of sales by region", "SELECT region, sum(amount) FROM sales GROUP BY region"),
                example("how many customers are in each segment", "SELECT segment, count(*) FROM customers GROUP BY 1"),
                example("what is the weather like", "SELECT 'sunny'"),
            ], schemaNames: schema)
        let matches = retriever.matches(for: "What was the total sales amount per region last year?")
        #expect(matches.map(\.index) == [0])
        #expect(matches[0].score > 0.5)
        #expect(retriever.matches(for: "which segments have the most customers?").map(\.index) == [1])
        #expect(retriever.matches(for: "tell me a joke about penguins").isEmpty)
        #expect(retriever.matches(for: "the of and a").isEmpty, "stop words alone match nothing")
    }

    @Test func aSchemaNameTheQuestionMentionsFavoursTheExamplesWhoseSQLUsesIt() {
        // Both questions share "amount"; only the first example's SQL touches region.
        let retriever = ExampleRetriever(
            examples: [
                example("amount per area", "SELECT region, sum(amount) FROM sales GROUP BY region"),
                example("amount per day", "SELECT sold_at, sum(amount) FROM sales GROUP BY sold_at"),
            ], schemaNames: schema)
        #expect(retriever.mentionedNames(in: "amount for each region") == ["amount", "region"])
        #expect(retriever.mentionedNames(in: "the customers") == ["customers"], "customer_id needs \"id\" too")
        #expect(retriever.matches(for: "amount for each region").map(\.index) == [0])
        var everything = retriever
        everything.minimumScore = 0
        let matches = everything.matches(for: "amount for each region")
        #expect(matches.map(\.index) == [0, 1])
        #expect(matches[0].score > 2 * matches[1].score)
    }

    @Test func theLimitTheMinimumAndDuplicatesAreHonoured() {
        let examples =
            (0..<10).map { example("revenue by region number \($0)", "SELECT \($0)") }
            + [example("Revenue by region number 3?", "SELECT 3")]
        let retriever = ExampleRetriever(examples: examples, schemaNames: schema, limit: 3)
        #expect(retriever.count == 10, "the same question and SQL again is kept once")
        let matches = retriever.matches(for: "revenue by region")
        #expect(matches.count == 3)
        // Equal scores: the newest first, and the duplicate counts as the newest.
        #expect(matches.map(\.index) == [10, 9, 8])
        let strict = ExampleRetriever(examples: examples, schemaNames: schema, minimumScore: 0.99)
        #expect(strict.matches(for: "revenue by region in the north of the country").isEmpty)
        #expect(ExampleRetriever(examples: [], schemaNames: schema).matches(for: "revenue").isEmpty)
    }

    @Test func aWordNoExampleHasLowersTheScoreButCannotSwampIt() {
        var examples = (0..<2_000).map { example("number of orders for seller \($0)") }
        examples.append(example("late deliveries for delivered orders"))
        let retriever = ExampleRetriever(examples: examples, schemaNames: schema)
        let matches = retriever.matches(for: "how many orders were delivered late in March?")
        #expect(matches.first?.index == 2_000)
        #expect((matches.first?.score ?? 0) < 1)
    }
}
