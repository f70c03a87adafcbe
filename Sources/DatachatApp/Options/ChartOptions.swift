import ArgumentParser
import Render

/// Charts of a one-shot answer, drawn by datachat from the rows (nothing the model writes is run).
struct ChartOptions: ParsableArguments {
    @Option(help: "Draw the result instead of printing its rows: bar, line, or auto (chosen from the columns).")
    var chart: ChartKind?

    @Option(
        name: .customLong("chart-out"),
        help: ArgumentHelp("Also write the result's chart as a standalone SVG file.", valueName: "file.svg"))
    var chartOut: String?

    func validate() throws {
        if let chartOut, !chartOut.lowercased().hasSuffix(".svg") {
            throw ValidationError("--chart-out writes SVG: give a file name ending in .svg")
        }
    }

    var request: ChartRequest { ChartRequest(kind: chart, svgPath: chartOut) }
}

extension ChartKind: ExpressibleByArgument {}
