import Databases
import Render
import TestSupport
import Testing

@testable import Assistant

/// The history's hashes must never change for the same rows: replay --check compares them with those saved by
/// every earlier version. The expected digests were computed before the row loop was rewritten.
@Suite struct PreviewCollectorTests {
    func collect(_ rows: [[DatabaseValue]], limit: Int = 2) -> PreviewCollector {
        var preview = PreviewCollector(limit: limit)
        preview.begin(columns: EdgeValueRows.columns)
        var text = RowText()
        for row in rows {
            text.set(row)
            preview.add(row, text: text)
        }
        return preview
    }

    @Test func hashesAreThoseOfEveryEarlierVersion() {
        let preview = collect(EdgeValueRows.rows)
        #expect(preview.hash == "3e817b5f847493f3")
        #expect(preview.setHash == "3a3b2b6b85d3ccda")
        #expect(preview.rowCount == 6)
    }

    @Test func theSetHashIgnoresOrderAndTheHashDoesNot() {
        let reversed = collect(EdgeValueRows.rows.reversed())
        let preview = collect(EdgeValueRows.rows)
        #expect(reversed.setHash == preview.setHash)
        #expect(reversed.hash != preview.hash)
    }

    @Test func thePreviewKeepsTheFirstRowsAsCSV() {
        #expect(
            collect(EdgeValueRows.rows).csv
                == "i,t,r,b,x,n,o\n9223372036854775807,\"naïve, \"\"quoted\"\"\nline\",0.3,true,\\x00ff10,123456789012345678901234567890.5,\n-9223372036854775808,日本🙂,-1e-300,false,\\x,NaN,\"\"\n"
        )
        // No row, no preview: the columns are saved beside it (as every earlier version did).
        #expect(collect([]).csv == "")
    }
}
