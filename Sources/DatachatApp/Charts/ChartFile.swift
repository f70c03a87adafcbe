import Render

#if canImport(Glibc)
    import Glibc
#endif

/// Writes a chart's SVG document, replacing the file; a failure is one line naming the file and the reason.
enum ChartFile {
    static func write(_ data: ChartData, title: String, to path: String) throws(CommandFailure) {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw failure(path) }
        let output = FileOutput(descriptor: descriptor)
        output.write(SVGChart.document(data, title: title))
        output.flush()
        let failed = output.failed
        guard close(descriptor) == 0, !failed else { throw failure(path) }
    }

    private static func failure(_ path: String) -> CommandFailure {
        CommandFailure("cannot write the chart to \(path): \(String(cString: strerror(errno)))")
    }
}

extension TextChartOptions {
    /// Sized to standard output's window (80 by 24 when it is not a terminal), coloured when it may be.
    static func forStandardOutput(color: Bool, unicode: Bool) -> TextChartOptions {
        let terminal = Terminal.outputIsTerminal
        return .fitting(
            columns: terminal ? Terminal.width : nil, rows: terminal ? Terminal.height : nil,
            color: terminal && color, unicode: unicode)
    }
}
