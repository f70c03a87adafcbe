import Render
import SQLGuard

#if canImport(Glibc)
    import Glibc
#endif

/// How results are shown in a session; changed by `\x`, `\format`, `\o` and `\confirm`.
struct SessionView {
    var format: OutputFormat
    /// The format `\x off` goes back to.
    var unexpandedFormat: OutputFormat
    var confirm: Bool
    /// `\o FILE`: results go there instead of the screen.
    var outputPath: String?
    /// Colour on the screen (a terminal, and no NO_COLOR).
    var color: Bool
    var dialect: SQLDialect
    /// $PAGER; nil: no pager.
    var pager: String?
}

/// Where one result goes: the `\o` file, or the screen through the pager when taller than the window.
final class ResultDestination {
    let output: TextOutput
    let renderOptions: RenderOptions
    private let paged: PagedOutput?
    private let view: SessionView
    private var finished = false

    init(view: SessionView) {
        self.view = view
        if let path = view.outputPath {
            let descriptor = open(path, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0o644)
            output = descriptor >= 0 ? OwnedFileOutput(descriptor: descriptor) : FileOutput.standardOutput()
            renderOptions = RenderOptions(format: view.format)
            paged = nil
        } else if Terminal.outputIsTerminal {
            let paged = PagedOutput(pagerCommand: view.pager, rows: Terminal.height ?? 24)
            self.paged = paged
            output = paged
            renderOptions = RenderOptions(format: view.format, color: view.color, terminalWidth: Terminal.width)
        } else {
            output = FileOutput.standardOutput()
            renderOptions = RenderOptions(format: view.format)
            paged = nil
        }
    }

    /// True when `lines` lines will go through the pager: a table that tall needs no fitting to the
    /// window's width, since `less -S` scrolls sideways, and cutting its cells would lose data.
    func willPage(lines: Int) -> Bool {
        paged != nil && view.pager != nil && lines > (Terminal.height ?? 24) - 1
    }

    func finish() {
        guard !finished else { return }
        finished = true
        output.flush()
        paged?.finish()
    }
}

/// A file opened for `\o`, closed when the result is written.
final class OwnedFileOutput: TextOutput {
    private let file: FileOutput
    private let descriptor: Int32

    init(descriptor: Int32) {
        self.descriptor = descriptor
        file = FileOutput(descriptor: descriptor)
    }

    deinit {
        file.flush()
        close(descriptor)
    }

    func write(_ text: String) { file.write(text) }
    func write(utf8 bytes: UnsafeBufferPointer<UInt8>) { file.write(utf8: bytes) }
    func flush() { file.flush() }
    /// A FIFO or terminal named with `\\o` is waited for as standard output would be; a regular file is not.
    var waitedOnReader: Duration { file.waitedOnReader }
}
