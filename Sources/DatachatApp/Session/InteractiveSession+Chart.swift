import Render

extension InteractiveSession {
    /// `\chart [bar|line|auto] [FILE.svg]`: the last result drawn on the screen, or written as SVG.
    func chart(_ argument: String) {
        var kind = ChartKind.auto
        var path: String?
        for word in argument.split(whereSeparator: \.isWhitespace).map(String.init) {
            if let named = ChartKind(rawValue: word.lowercased()) {
                kind = named
            } else if word.lowercased().hasSuffix(".svg") {
                path = word
            } else {
                _ = usage(.chart)
                return
            }
        }
        let data: ChartData
        do throws(ChartRefusal) {
            data = try recentResult.chart(kind)
        } catch {
            StandardError.error("no chart: \(error.reason)")
            return
        }
        let title = data.title(question: recentResult.question)
        if let path {
            do throws(CommandFailure) {
                try ChartFile.write(data, title: title, to: path)
                StandardError.write("chart written to \(path)\n")
            } catch {
                StandardError.error(error.message)
            }
            return
        }
        let output = FileOutput.standardOutput()
        output.write(
            TextChart.render(
                data, title: title,
                options: .forStandardOutput(color: view.color, unicode: context.settings.unicode)))
        output.flush()
    }
}
