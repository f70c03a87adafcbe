import Render

#if canImport(Glibc)
    import Glibc
#endif

/// Standard output that hands a result to `$PAGER` once it is taller than the screen.
///
/// It holds the text back until either it has more lines than the terminal has rows minus one (the
/// prompt's), and then starts the pager, gives it what it held and streams the rest; or the
/// text ends (`finish()`) still short, and then it goes to standard output as it is. When the person
/// quits the pager before the end, the rest is dropped quietly (the rows are capped by --max-rows, so
/// finishing the fetch costs little).
///
/// One `PagedOutput` carries one result: call `finish()` when it is complete (it waits for the pager).
final class PagedOutput: TextOutput {
    private enum Mode {
        /// Counting lines; the text is in `held`.
        case holding
        /// Writing to standard output (short text, no pager wanted, or the pager could not start).
        case direct
        case paging(Pager, FileOutput)
        case finished
    }

    private let pagerCommand: String?
    /// More lines than this start the pager. Text one line shorter than the screen shows whole with the
    /// prompt under it; paging it anyway would leave `less -F` waiting for a keypress, since less
    /// fills a screen from a pipe before it can see the end and know that everything fits.
    private let lineLimit: Int
    private let standardOutput: FileOutput
    private var mode: Mode
    private var held = ""
    private var lines = 0
    /// What the pager's pipe waited, once it is closed.
    private var pagerWaited = Duration.zero

    /// - Parameters:
    ///   - pagerCommand: what to run through `sh -c` (see `Pager.command(environment:)`); nil writes
    ///     straight to standard output.
    ///   - rows: the terminal's height (`Terminal.height`).
    init(pagerCommand: String?, rows: Int, descriptor: Int32 = STDOUT_FILENO) {
        self.pagerCommand = pagerCommand
        lineLimit = max(rows - 1, 1)
        standardOutput = FileOutput(descriptor: descriptor)
        mode = pagerCommand == nil ? .direct : .holding
    }

    deinit {
        finish()
    }

    func write(_ text: String) {
        switch mode {
        case .holding:
            held += text
            for byte in text.utf8 where byte == 0x0A { lines += 1 }
            if lines > lineLimit { startPager() }
        case .direct, .finished:
            standardOutput.write(text)
        case .paging(_, let pipe):
            pipe.write(text)
        }
    }

    /// Passes written text on, except while holding it back to decide whether to page.
    func flush() {
        switch mode {
        case .holding: break
        case .direct, .finished: standardOutput.flush()
        case .paging(_, let pipe): pipe.flush()
        }
    }

    var waitedOnReader: Duration {
        if case .paging(_, let pipe) = mode { return standardOutput.waitedOnReader + pipe.waitedOnReader }
        return standardOutput.waitedOnReader + pagerWaited
    }

    /// Shows what is still held, or lets the pager see the end of its input and waits until the person
    /// leaves it. Later writes go straight to standard output.
    func finish() {
        switch mode {
        case .holding:
            writeHeld(to: standardOutput)
        case .direct, .finished:
            standardOutput.flush()
        case .paging(let pager, let pipe):
            pipe.flush()
            pagerWaited = pipe.waitedOnReader
            pager.close()
        }
        mode = .finished
    }

    private func startPager() {
        guard let pagerCommand, let pager = Pager(command: pagerCommand) else {
            mode = .direct
            writeHeld(to: standardOutput)
            return
        }
        let pipe = FileOutput(descriptor: pager.input)
        mode = .paging(pager, pipe)
        writeHeld(to: pipe)
    }

    private func writeHeld(to output: FileOutput) {
        output.write(held)
        output.flush()
        held = ""
    }
}
