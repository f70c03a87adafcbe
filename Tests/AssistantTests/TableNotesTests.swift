import Assistant
import Testing

/// The table notes cut by table, and written back as a database's own comments.
@Suite struct TableNotesTests {
    static let notes = """
        # Shop notes

        - Revenue: SUM(quantity * price) of paid orders.

        ## customers
        One row per account.
        - customer_id: key.
        - city, state: the delivery address.
        - Business accounts re-order more: a note on the table.

        ## tags
        - tag: free text.
        """

    @Test func eachTablesWordsGoOnTheTableAndItsBulletsOnTheColumnsTheyName() {
        let comments = TableNotes(Self.notes, tables: ["customers", "tags"]).comments(
            columns: ["customers": ["customer_id", "city", "state"], "tags": ["tag"], "orders": ["order_id"]])
        #expect(
            comments == [
                .init(
                    table: "customers", column: nil,
                    text: "One row per account. Business accounts re-order more: a note on the table."),
                .init(table: "customers", column: "customer_id", text: "key."),
                .init(table: "customers", column: "city", text: "the delivery address."),
                .init(table: "customers", column: "state", text: "the delivery address."),
                .init(table: "tags", column: "tag", text: "free text."),
            ])
        #expect(!comments.contains { $0.text.contains("Revenue") }, "the general notes belong to no table")
    }
}
