import Basics
import Databases
import Render

/// Keeps the first rows of a result as CSV and hashes every row, for the history.
struct PreviewCollector {
    let limit: Int
    private(set) var csv = ""
    private var rows = 0
    private var fnv = FNV1a()
    private var renderer: ResultRenderer?
    private let output = StringOutput()

    init(limit: Int) {
        self.limit = limit
    }

    var hash: String { fnv.hexDigest }

    mutating func begin(columns: [Column]) {
        let renderer = ResultRenderer(options: RenderOptions(format: .csv), output: output)
        renderer.begin(columns: columns)
        self.renderer = renderer
        for column in columns { fnv.add(column.name + "\u{1F}") }
    }

    mutating func add(_ row: [DatabaseValue]) {
        // Each value's display text (NULL as a lone 0x00), unit-separated: cheap enough to run on every row
        // of a million-row answer, where rendering JSON for the hash alone cost as much as printing.
        for value in row {
            if let text = ValueFormatter.text(value) { fnv.add(text) } else { fnv.add(0x00) }
            fnv.add(0x1F)
        }
        fnv.add(0x1E)
        rows += 1
        if rows <= limit {
            renderer?.add(row: row)
            csv = output.text
        }
    }
}
