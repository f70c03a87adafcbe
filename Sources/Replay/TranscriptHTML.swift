import Basics
import Databases
import History
import Render

/// A transcript as one self-contained HTML page (`export --format html`): the styles inline, no scripts,
/// no external assets, every piece of text escaped, so it opens the same in any browser, offline.
public enum TranscriptHTML {
    public static func page(_ session: SessionRecord, turns: [TranscriptTurn]) -> String {
        var html = """
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>\(escape(session.title))</title>
            <style>
            body { font-family: system-ui, sans-serif; max-width: 60rem; margin: 2rem auto; padding: 0 1rem; color: #222; }
            h1 { font-size: 1.4rem; } h2 { font-size: 1.1rem; margin-top: 2rem; }
            .meta, .status { color: #666; font-size: 0.9rem; }
            pre { background: #f5f5f5; padding: 0.75rem; overflow-x: auto; }
            table { border-collapse: collapse; margin: 0.5rem 0; font-size: 0.9rem; }
            th, td { border: 1px solid #ccc; padding: 0.2rem 0.5rem; text-align: left; }
            td.number { text-align: right; font-variant-numeric: tabular-nums; }
            td.null { color: #999; }
            .error { color: #a00; }
            </style>
            </head>
            <body>
            <h1>\(escape(session.title))</h1>
            <p class="meta">Session <code>\(escape(session.id))</code> · \(escape(session.createdAt)) · \
            \(escape(session.model)) · \(escape(session.dataSource))</p>

            """
        for turn in turns { html += section(turn) }
        return html + "</body>\n</html>\n"
    }

    static func section(_ turn: TranscriptTurn) -> String {
        var html = "<section>\n<h2>\(turn.number). \(escape(turn.question))</h2>\n"
        for paragraph in turn.words.split(separator: "\n", omittingEmptySubsequences: true) {
            html += "<p>\(escape(String(paragraph)))</p>\n"
        }
        if let sql = turn.sql { html += "<pre><code>\(escape(sql))</code></pre>\n" }
        if let result = turn.result, !result.columns.isEmpty {
            html += chart(result, question: turn.question)
            html += table(result)
        }
        let status = TranscriptWriter(format: .table).statusLine(turn).dropFirst(3)
        let kind = turn.error == nil ? "status" : "status error"
        html += "<p class=\"\(kind)\">\(escape(String(status)))</p>\n"
        if turn.confirmed { html += "<p class=\"status\">confirmed as right (\\good)</p>\n" }
        if let check = turn.check { html += "<p class=\"status\">check: \(escape(check.line))</p>\n" }
        return html + "</section>\n"
    }

    /// The result drawn as an SVG chart (bar or line, as `auto` picks) when its columns chart; nothing when not.
    /// Drawn from the rows the transcript holds, which may be the saved preview's first rows.
    static func chart(_ result: QueryResult, question: String) -> String {
        guard let data = try? ChartData.make(columns: result.columns, rows: result.rows, kind: .auto) else {
            return ""
        }
        return "<figure class=\"chart\">\n" + SVGChart.element(data, title: data.title(question: question))
            + "</figure>\n"
    }

    static func table(_ result: QueryResult) -> String {
        var html = "<table>\n<tr>" + result.columns.map { "<th>\(escape($0.name))</th>" }.joined() + "</tr>\n"
        for row in result.rows {
            html += "<tr>"
            for value in row {
                if case .null = value {
                    html += "<td class=\"null\">NULL</td>"
                } else {
                    let text = ValueFormatter.text(value) ?? ""
                    html +=
                        ValueFormatter.isNumeric(value)
                        ? "<td class=\"number\">\(escape(text))</td>" : "<td>\(escape(text))</td>"
                }
            }
            html += "</tr>\n"
        }
        return html + "</table>\n"
    }

    /// Text safe in an element and in a quoted attribute.
    public static func escape(_ text: String) -> String { MarkupText.escaped(text) }
}
