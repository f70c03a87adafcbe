import Testing

@testable import Databases

@Suite struct CSVReaderTests {
    func records(_ text: String) -> [[DatabaseValue]] {
        var reader = CSVReader(bytes: Array(text.utf8))
        var all: [[DatabaseValue]] = []
        while let record = reader.nextRecord() { all.append(record) }
        return all
    }

    @Test func emptyUnquotedFieldIsNullAndQuotedEmptyIsText() {
        #expect(records("a,,\"\"\n") == [[.text("a"), .null, .text("")]])
    }

    @Test func quotedFieldsKeepCommasQuotesAndNewlines() {
        #expect(
            records("1,\"say \"\"hi\"\", then\nleave\",x\n2,y,z\n") == [
                [.text("1"), .text("say \"hi\", then\nleave"), .text("x")],
                [.text("2"), .text("y"), .text("z")],
            ])
    }

    @Test func crlfAndMissingFinalNewline() {
        #expect(records("a,b\r\nc,d") == [[.text("a"), .text("b")], [.text("c"), .text("d")]])
    }

    @Test func unicodeSurvives() {
        #expect(records("São Paulo,🙂\n") == [[.text("São Paulo"), .text("🙂")]])
    }
}
