import Databases
import Foundation
import Testing

@testable import Render

/// The terminal charts compared whole with committed goldens in `ChartGoldens/`, so every change to how a
/// chart looks is a diff to read. After a deliberate change, `DATACHAT_RECORD_CHARTS=1 swift test --filter
/// TextChartTests` rewrites them (and fails once, so a recording never passes as a test).
@Suite struct TextChartTests {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent(
        "ChartGoldens")

    static let regions: [[DatabaseValue]] = [
        [.text("North"), .real(1234.5)],
        [.text("South"), .real(-300)],
        [.text("東京 Tōkyō 🚀"), .integer(800)],
        [.text("West"), .null],
        [.text("A region with a very long name that cannot fit in a third of the window"), .numeric("50.25")],
    ]
    static let monthly: [[DatabaseValue]] = [
        [.text("2024-01-01"), .real(120), .integer(80)],
        [.text("2024-02-01"), .real(150), .integer(95)],
        [.text("2024-03-01"), .null, .integer(60)],
        [.text("2024-04-01"), .real(90), .integer(-20)],
        [.text("2024-05-01"), .real(210), .null],
        [.text("2024-06-01"), .real(180), .integer(130)],
    ]

    func draw(
        _ columns: [String], _ rows: [[DatabaseValue]], _ kind: ChartKind = .auto, width: Int = 80, height: Int = 10,
        color: Bool = false, unicode: Bool = true
    ) throws -> String {
        let data = try ChartData.make(columns: columns.map { Column(name: $0) }, rows: rows, kind: kind)
        return TextChart.render(
            data, title: data.title(question: nil),
            options: TextChartOptions(width: width, plotHeight: height, color: color, unicode: unicode))
    }

    func expectGolden(_ name: String, _ text: String) throws {
        let file = Self.folder.appendingPathComponent(name + ".txt")
        if ProcessInfo.processInfo.environment["DATACHAT_RECORD_CHARTS"] == "1" {
            try FileManager.default.createDirectory(at: Self.folder, withIntermediateDirectories: true)
            try text.write(to: file, atomically: true, encoding: .utf8)
            Issue.record("recorded \(name): run again without DATACHAT_RECORD_CHARTS")
            return
        }
        let golden = try String(contentsOf: file, encoding: .utf8)
        #expect(text == golden, "\(name) differs from its golden:\n\(text)")
    }

    @Test(arguments: [40, 80, 120])
    func barsAtSeveralWidths(width: Int) throws {
        let text = try draw(["region", "revenue"], Self.regions, width: width)
        try expectGolden("bar-\(width)", text)
        for line in text.split(separator: "\n") {
            #expect(DisplayWidth.of(String(line)) <= width, "too wide: \(line)")
        }
    }

    @Test func barsKeepEveryValueExactAndShowNullAsNull() throws {
        let lines = try draw(["region", "revenue"], Self.regions).split(separator: "\n").map(String.init)
        #expect(lines[0] == "revenue by region")
        #expect(lines[1].hasSuffix(" 1234.5"))
        #expect(lines[2].hasSuffix(" -300.0"))
        #expect(lines[4].hasSuffix(" NULL"))
        #expect(lines[5].hasSuffix(" 50.25"))
        // The negative bar is left of the axis, the positive ones right of it.
        let axis = try #require(lines[1].firstIndex(of: "│"))
        #expect(lines[2][..<(lines[2].firstIndex(of: "│") ?? axis)].contains("█"))
        #expect(!lines[1][..<axis].contains("█"))
    }

    @Test func aSingleRow() throws {
        try expectGolden("bar-single", try draw(["status", "orders"], [[.text("delivered"), .integer(42)]]))
    }

    @Test func hugeAndTinyNumbers() throws {
        let rows: [[DatabaseValue]] = [
            [.text("huge"), .real(1e300)], [.text("tiny"), .real(1e-300)], [.text("zero"), .integer(0)],
            [.text("big int"), .integer(Int64.max)],
        ]
        let text = try draw(["name", "value"], rows)
        try expectGolden("bar-huge-tiny", text)
        #expect(text.contains("1e+300"))
        #expect(text.contains("9223372036854775807"))
    }

    @Test func asciiWhereTheLocaleCannotShowBlocks() throws {
        let text = try draw(["region", "revenue"], Self.regions, unicode: false)
        try expectGolden("bar-ascii", text)
        #expect(!text.contains("█") && !text.contains("│") && !text.contains("▏"))
        #expect(text.contains("#"))
    }

    @Test func colourOnlyWhenAsked() throws {
        let plain = try draw(["region", "revenue"], Self.regions)
        let coloured = try draw(["region", "revenue"], Self.regions, color: true)
        #expect(!plain.contains("\u{1B}["))
        #expect(coloured.contains("\u{1B}[36m"))
        #expect(coloured.replacingOccurrences(of: "\u{1B}\\[[0-9;]*m", with: "", options: .regularExpression) == plain)
    }

    @Test func barsStopAtTheMaximumAndSaySo() throws {
        let rows = (1...100).map { [DatabaseValue.text("item \($0)"), .integer(Int64($0))] }
        let text = try draw(["item", "n"], rows)
        #expect(text.split(separator: "\n").count == ChartData.maximumBars + 2)
        #expect(text.hasSuffix("(first 60 of 100 rows)\n"))
    }

    @Test(arguments: [50, 100])
    func linesOverTimeWithAGap(width: Int) throws {
        let text = try draw(["month", "revenue", "refunds"], Self.monthly, width: width)
        try expectGolden("line-\(width)", text)
        let lines = text.split(separator: "\n").map(String.init)
        #expect(lines.last == "── revenue   ╌╌ refunds")
        #expect(lines.contains { $0.contains("2024-01-01") })
        #expect(lines.contains { $0.hasPrefix("   0 ┤") || $0.hasPrefix("  0 ┤") })
        for line in lines { #expect(DisplayWidth.of(line) <= width + 10, "too wide: \(line)") }
    }

    @Test func linesOfTinyNumbersOverANumberAxis() throws {
        let rows = (0..<20).map { [DatabaseValue.integer(Int64($0)), .real(Double($0 * $0) * 1e-9)] }
        let text = try draw(["step", "error"], rows, .line, width: 60, height: 8)
        try expectGolden("line-tiny", text)
        #expect(text.contains("e-7"))
    }

    @Test func autoPicksLineForTimesAndBarForLabels() throws {
        let columns = ["month", "revenue"].map { Column(name: $0) }
        #expect(
            try ChartData.make(columns: columns, rows: Self.monthly.map { Array($0.prefix(2)) }, kind: .auto).kind
                == .line)
        #expect(try ChartData.make(columns: columns, rows: Self.regions, kind: .auto).kind == .bar)
        let typed: [[DatabaseValue]] = [
            [.date("2024-01-01"), .integer(1)], [.timestamp("2024-01-02 10:00:00"), .integer(2)],
        ]
        #expect(try ChartData.make(columns: columns, rows: typed, kind: .auto).kind == .line)
        // One row over time is a bar: a line needs two points.
        #expect(try ChartData.make(columns: columns, rows: [typed[0]], kind: .auto).kind == .bar)
    }

    @Test func autoSaysWhyItCannot() {
        func reason(_ columns: [String], _ rows: [[DatabaseValue]], _ kind: ChartKind = .auto) -> String? {
            do {
                _ = try ChartData.make(columns: columns.map { Column(name: $0) }, rows: rows, kind: kind)
                return nil
            } catch { return error.reason }
        }
        #expect(
            reason(["n"], [[.integer(1)]])
                == "a chart needs a label or time column and a number column; this result has 1")
        #expect(reason(["a", "b"], []) == "no rows to chart")
        #expect(reason(["a", "b"], [[.text("x"), .text("y")]]) == "no number column after the first one (a) to chart")
        #expect(
            reason(["a", "b"], [[.text("x"), .integer(1)], [.text("y"), .integer(2)]], .line)
                == "a line chart needs dates, times or numbers in its first column (a)")
        #expect(
            reason(["a", "b"], [[.text("2024-01-01"), .integer(1)]], .line)
                == "a line chart needs at least two rows; this result has one")
    }

    @Test func heldRowsStopAtTheLimit() throws {
        let rows = ChartRows()
        rows.expect(question: "orders by day")
        rows.begin(columns: [Column(name: "day"), Column(name: "n")])
        #expect(rows.question == "orders by day")
        for index in 0...ChartRows.limit { rows.add([.integer(Int64(index)), .integer(1)]) }
        #expect(rows.overflowed)
        #expect(rows.rows.isEmpty)
        #expect(throws: ChartRefusal(ChartRows.tooManyRows)) { try rows.chart(.auto) }
        rows.begin(columns: [Column(name: "day")])
        #expect(rows.question == nil)
        #expect(!rows.overflowed)
    }

    @Test func calendarTimeReadsTheFormsSQLiteAndPostgreSQLPrint() {
        #expect(CalendarTime.seconds("1970-01-01") == 0)
        #expect(CalendarTime.seconds("2024-03-01") == 1_709_251_200)
        #expect(CalendarTime.seconds("2024-03-01 10:30:00") == 1_709_289_000.0)
        #expect(CalendarTime.seconds("2024-03-01T10:30:00+02:00") == 1_709_281_800.0)
        #expect(CalendarTime.seconds("2024-03-01 10:30:00.5Z") == 1_709_289_000.5)
        #expect(CalendarTime.seconds("2024-03") == 1_709_251_200)
        #expect(CalendarTime.seconds("1969-12-31") == -86_400)
        #expect(CalendarTime.seconds("North") == nil)
        #expect(CalendarTime.seconds("2024-13-01") == nil)
        #expect(CalendarTime.seconds("2024-03-01 junk") == nil)
        #expect(CalendarTime.text(1_709_251_200, span: 86_400 * 30) == "2024-03-01")
        #expect(CalendarTime.text(1_709_251_200 + 37_800, span: 3600) == "2024-03-01 10:30")
        #expect(CalendarTime.text(-86_400, span: 86_400 * 30) == "1969-12-31")
    }

    @Test func ticksAreRound() {
        #expect(AxisScale(minimum: 0, maximum: 97, count: 5).ticks == [0, 20, 40, 60, 80, 100])
        #expect(AxisScale(minimum: -0.3, maximum: 0.25, count: 5).ticks.contains(0))
        #expect(CompactNumber.text(1500) == "1.5k")
        #expect(CompactNumber.text(-2_000_000) == "-2M")
        #expect(CompactNumber.text(0.25) == "0.25")
        #expect(CompactNumber.text(3e-9) == "3e-9")
    }
}
