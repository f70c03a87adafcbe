import Databases
import TestSupport
import Testing

@testable import Assistant

@Suite struct PromptTemplateTests {
    @Test func fillsKnownPlaceholdersAndKeepsOthers() {
        let template = PromptTemplate(name: "t", text: "A {{dialect}} and {{ schema }}; {{unknown}} {{ no close")
        #expect(
            template.render(["dialect": "SQLite", "schema": "CREATE TABLE t (x)"])
                == "A SQLite and CREATE TABLE t (x); {{unknown}} {{ no close")
    }

    @Test func valuesAreNotReexpanded() {
        let template = PromptTemplate(name: "t", text: "{{a}}")
        #expect(template.render(["a": "{{b}}", "b": "no"]) == "{{b}}")
    }

    @Test func shippedPromptsHaveEveryDocumentedPlaceholder() throws {
        let prompts = try PromptSet.load(from: Repository.prompts)
        for placeholder in ["{{dialect}}", "{{dialect_notes}}", "{{schema}}", "{{table_notes}}", "{{max_rows}}"] {
            #expect(prompts.system.text.contains(placeholder), "\(placeholder)")
        }
        // The date changes once a day: it ends the system message, after everything that never changes.
        let today = try #require(prompts.system.text.range(of: "{{today}}"))
        let notes = try #require(prompts.system.text.range(of: "{{table_notes}}"))
        #expect(notes.upperBound < today.lowerBound)
        #expect(prompts.question.text.contains("{{question}}") && !prompts.question.text.contains("{{today}}"))
        #expect(prompts.dialectNotes(for: .sqlite).contains("strftime('%Y', x)"))
        #expect(prompts.dialectNotes(for: .postgres).contains("date_trunc"))
        #expect(prompts.repair.text.contains("{{sql}}"))
        #expect(prompts.repair.text.contains("{{error}}"))
        for placeholder in ["{{dialect}}", "{{schema}}", "{{table_notes}}"] {
            #expect(prompts.explain.text.contains(placeholder), "\(placeholder)")
        }
    }

    @Test func missingTemplateIsAClearError() {
        #expect(throws: AssistantError.self) { try PromptSet.load(from: "/nonexistent") }
    }
}

@Suite struct SchemaDescriberTests {
    @Test func writesCompactDDLWithKeysAndComments() {
        let schema = Schema(tables: [
            Table(
                name: "orders",
                columns: [
                    TableColumn(name: "order_id", typeName: "INTEGER", isNullable: false, isPrimaryKey: true),
                    TableColumn(name: "customer_id", typeName: "INTEGER", isNullable: false, isPrimaryKey: false),
                    TableColumn(
                        name: "note", typeName: "", isNullable: true, isPrimaryKey: false, comment: "free text"),
                ],
                foreignKeys: [
                    ForeignKey(columns: ["customer_id"], referencedTable: "customers", referencedColumns: ["id"])
                ],
                comment: "one row per order", estimatedRows: 60745)
        ])
        #expect(
            SchemaDescriber.describe(schema) == """
                -- one row per order
                -- about 60745 rows
                CREATE TABLE orders (
                  order_id INTEGER PRIMARY KEY,
                  customer_id INTEGER NOT NULL REFERENCES customers(id),
                  note ANY -- free text
                );
                """)
    }

    @Test func fingerprintFollowsTheSchema() {
        let one = Schema(tables: [Table(name: "a", columns: [])])
        let two = Schema(tables: [Table(name: "b", columns: [])])
        #expect(SchemaDescriber.fingerprint(one) == SchemaDescriber.fingerprint(one))
        #expect(SchemaDescriber.fingerprint(one) != SchemaDescriber.fingerprint(two))
    }
}
