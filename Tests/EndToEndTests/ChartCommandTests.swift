import Foundation
import TestSupport
import Testing

/// `--chart`, `--chart-out`, `\chart` and the HTML export's chart, through the built binary with FakeLLM
/// over loopback and the bundled sample database.
@Suite struct ChartCommandTests {
    let home = TemporaryDirectory("charts")

    static let script = FakeLLMServer.script(
        rules: [
            ("(?i)categor", "```sql\n\(OneShotTests.revenueSQL)\n```"),
            (
                "(?i)per month",
                "```sql\nSELECT substr(ordered_at, 1, 7) || '-01' AS month, count(*) AS orders FROM orders GROUP BY 1 ORDER BY 1\n```"
            ),
            ("(?i)statuses", "```sql\nSELECT status FROM orders GROUP BY status ORDER BY status\n```"),
        ],
        default: "```sql\nSELECT count(*) AS orders FROM orders\n```")

    func runner(_ server: FakeLLMServer) -> DatachatRunner {
        DatachatRunner(home: home.path, environment: ["OPENAI_API_KEY": "sk-test", "OPENAI_BASE_URL": server.baseURL])
    }

    @Test func barChartInsteadOfTheRows() throws {
        let server = try FakeLLMServer(script: Self.script)
        let result = try runner(server).run(["-q", "Top categories by revenue?", "--chart", "bar"])
        #expect(result.status == 0, "\(result.stderr)")
        let lines = result.stdout.split(separator: "\n").map(String.init)
        #expect(lines.first == "Top categories by revenue?")
        #expect(lines.count == 6)
        #expect(lines[1].hasPrefix("Perfume") && lines[1].contains("│█") && lines[1].hasSuffix(" 564907.5"))
        // Not a terminal: no colour, 80 columns.
        #expect(!result.stdout.contains("\u{1B}["))
        #expect(lines.allSatisfy { $0.count <= 80 })
    }

    @Test func autoDrawsALineOverMonthsAndWritesTheSVG() throws {
        let server = try FakeLLMServer(script: Self.script)
        let file = home.file("orders.svg")
        let result = try runner(server).run(["-q", "Orders per month?", "--chart", "auto", "--chart-out", file])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("┤"))
        #expect(result.stdout.contains("── orders"))
        let svg = try String(contentsOfFile: file, encoding: .utf8)
        #expect(svg.hasPrefix("<?xml"))
        #expect(svg.contains("<title>Orders per month?</title>"))
        #expect(svg.contains("<polyline"))
        #expect(!svg.contains("<script"))
    }

    @Test func aResultThatCannotBeChartedIsPrintedWithOneLineWhy() throws {
        let server = try FakeLLMServer(script: Self.script)
        let result = try runner(server).run(["-q", "Which statuses are there?", "--chart", "auto", "--format", "csv"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.hasPrefix("status\n"))
        #expect(
            result.stderr.contains(
                "datachat: no chart: a chart needs a label or time column and a number column; this result has 1; the rows follow"
            ))
    }

    @Test func chartOutAloneKeepsTheRowsAndAnUnwritableFileFails() throws {
        let server = try FakeLLMServer(script: Self.script)
        let runner = runner(server)
        let file = home.file("top.svg")
        let result = try runner.run(["-q", "Top categories by revenue?", "--chart-out", file])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("(5 rows)"))
        #expect(try String(contentsOfFile: file, encoding: .utf8).contains(">564907.5</text>"))
        let bad = try runner.run(["-q", "Top categories by revenue?", "--chart-out", home.path + "/no/such/dir/x.svg"])
        #expect(bad.status == 2)
        #expect(bad.stderr.contains("datachat: cannot write the chart to \(home.path)/no/such/dir/x.svg: No such file"))
        let notSVG = try runner.run(["-q", "Top categories by revenue?", "--chart-out", home.file("x.png")])
        #expect(notSVG.status == 2)
        #expect(notSVG.stderr.contains("--chart-out writes SVG"))
        let noQuestion = try runner.run(["--chart", "bar"])
        #expect(noQuestion.status == 2)
        #expect(noQuestion.stderr.contains("in a session, use \\chart"))
    }

    @Test func chartInASessionDrawsTheLastResult() throws {
        let server = try FakeLLMServer(script: Self.script)
        let file = home.file("session.svg")
        let input = "\\chart\nTop categories by revenue?\n\\chart\n\\chart line\n\\chart bar \(file)\n\\chart pie\n"
        let result = try runner(server).run([], stdin: input)
        #expect(result.stderr.contains("datachat: no chart: no result to chart yet"), "\(result.stderr)")
        #expect(result.stdout.contains("Top categories by revenue?\nPerfume"))
        #expect(
            result.stderr.contains(
                "datachat: no chart: a line chart needs dates, times or numbers in its first column (category)"))
        #expect(result.stderr.contains("chart written to \(file)"))
        #expect(result.stderr.contains("usage: \\chart [bar|line|auto] [FILE.svg]"))
        #expect(try String(contentsOfFile: file, encoding: .utf8).contains("<title>Top categories by revenue?</title>"))
    }

    @Test func theHTMLExportEmbedsTheChart() throws {
        let server = try FakeLLMServer(script: Self.script)
        let runner = runner(server)
        #expect(try runner.run(["-q", "Top categories by revenue?"]).status == 0)
        let file = home.file("session.html")
        let export = try runner.run(["export", "last", "--format", "html", "--output", file])
        #expect(export.status == 0, "\(export.stderr)")
        let page = try String(contentsOfFile: file, encoding: .utf8)
        #expect(page.contains("<figure class=\"chart\">\n<svg xmlns=\"http://www.w3.org/2000/svg\""))
        #expect(page.contains(">564907.5</text>"))
        #expect(!page.contains("<script"))
    }
}
