import CEdit

#if canImport(Glibc)
    import Glibc
#endif

/// libedit's line editor with a persistent history: emacs keys (vi from the user's editrc), Ctrl-R
/// reverse search, Tab completion, and Ctrl-C, Ctrl-Z and window resizes handled by datachat itself.
///
/// libedit's own signal handling (EL_SIGNAL) is left off on purpose: it re-sends every signal to the
/// whole process group and switches the terminal modes behind our back. Instead libedit reads keys
/// through `nextCharacter`, which waits in `poll(2)` on the terminal and on the `Signals` pipe, so a
/// Ctrl-C ends the line at once and a resize redraws it. The only owner of the EditLine and History
/// handles. https://man.netbsd.org/editline.3
final class LineEditor {
    /// What one call to `readLine` came to.
    enum Input: Equatable {
        case line(String)
        /// Ctrl-C: the line typed so far is dropped.
        case interrupted
        /// Ctrl-D on an empty line, or the terminal went away.
        case end
    }

    /// Completes the text before the cursor: how many characters at its end the candidates replace,
    /// and the candidates, in the order they are shown.
    typealias Completer = (_ textBeforeCursor: String) -> (wordLength: Int, candidates: [String])

    private let editLine: OpaquePointer
    private let history: OpaquePointer
    private let historyFile: String?
    private var event = HistEvent()
    private let completer: Completer?
    /// The prompt as C text, at a stable address for the prompt callback.
    private var promptBuffer: UnsafeMutablePointer<CChar>
    /// Characters handed to libedit before the terminal's: the text `readLine(initial:)` puts up for editing.
    private var pending: [wchar_t] = []
    private var interrupted = false
    /// A byte read too far while decoding UTF-8, given back first.
    private var pushedBack: UInt8?
    /// The terminal's modes outside the editor, restored before a Ctrl-Z stops the process.
    private var cookedModes = termios()

    init?(program: String, historyFile: String?, completer: Completer?) {
        // libedit converts its wide-character line with the C library's multibyte functions: in the
        // default "C" locale they drop every non-ASCII character (für -> fr).
        Self.useUTF8Locale()
        let outputToStderr: Int32 = isatty(STDOUT_FILENO) == 1 ? 0 : 1
        guard let editLine = dc_el_init(program, outputToStderr) else { return nil }
        guard let history = history_init() else {
            el_end(editLine)
            return nil
        }
        self.editLine = editLine
        self.history = history
        self.historyFile = historyFile
        self.completer = completer
        promptBuffer = strdup("> ")
        tcgetattr(STDIN_FILENO, &cookedModes)
        _ = dc_history_set_size(history, &event, 1_000)
        _ = dc_history_set_unique(history, &event, 1)
        if let historyFile { _ = dc_history_load(history, &event, historyFile) }
        _ = dc_el_set_editor(editLine, "emacs")
        _ = dc_el_set_history(editLine, history)
        _ = dc_el_set_clientdata(editLine, Unmanaged.passUnretained(self).toOpaque())
        _ = dc_el_set_prompt(editLine) { editLine in
            LineEditor.owner(of: editLine)?.promptBuffer
        }
        _ = dc_el_set_getcfn(editLine) { editLine, character in
            guard let editor = LineEditor.owner(of: editLine), let character else { return -1 }
            return editor.nextCharacter(into: character)
        }
        _ = dc_el_add_function(editLine, "datachat-complete", "Complete the word before the cursor") { editLine, _ in
            LineEditor.owner(of: editLine)?.complete() ?? UInt8(CC_ERROR)
        }
        // The user's ~/.editrc (or $EDITRC) first: `bind -v` there rebuilds the key maps, which would
        // drop the bindings below.
        el_source(editLine, nil)
        _ = dc_el_bind(editLine, "^I", "datachat-complete")
        _ = dc_el_bind(editLine, "^R", "em-inc-search-prev")
        // libedit knows Home/End/Delete only from terminfo, which differs from what many terminals and
        // multiplexers send; bind the common sequences, and Ctrl-Left/Right by word.
        for (keys, command) in Self.extraBindings { _ = dc_el_bind(editLine, keys, command) }
        Signals.catchResize()
    }

    deinit {
        saveHistory()
        history_end(history)
        el_end(editLine)
        free(promptBuffer)
    }

    private static func useUTF8Locale() {
        let name = setlocale(LC_CTYPE, "").map { String(cString: $0) } ?? ""
        let lower = name.lowercased()
        if !lower.contains("utf-8") && !lower.contains("utf8") { setlocale(LC_CTYPE, "C.UTF-8") }
    }

    static let extraBindings = [
        ("\\e[1~", "ed-move-to-beg"), ("\\e[H", "ed-move-to-beg"), ("\\eOH", "ed-move-to-beg"),
        ("\\e[7~", "ed-move-to-beg"), ("\\e[4~", "ed-move-to-end"), ("\\e[F", "ed-move-to-end"),
        ("\\eOF", "ed-move-to-end"), ("\\e[8~", "ed-move-to-end"), ("\\e[3~", "ed-delete-next-char"),
        ("\\e[1;5C", "em-next-word"), ("\\e[1;5D", "ed-prev-word"), ("\\e[5C", "em-next-word"),
        ("\\e[5D", "ed-prev-word"),
    ]

    private static func owner(of editLine: OpaquePointer?) -> LineEditor? {
        var data: UnsafeMutableRawPointer?
        guard let editLine, dc_el_get_clientdata(editLine, &data) == 0, let data else { return nil }
        return Unmanaged<LineEditor>.fromOpaque(data).takeUnretainedValue()
    }

    /// Reads one line after `prompt`, with `initial` already typed (for editing a query).
    func readLine(prompt: String, initial: String = "") -> Input {
        free(promptBuffer)
        promptBuffer = strdup(prompt)
        pending = initial.unicodeScalars.filter { $0 != "\n" && $0 != "\r" }.map { wchar_t(bitPattern: $0.value) }
        interrupted = false
        // A Ctrl-C pressed while a turn ran was that turn's; a resize needs no action before libedit
        // prepares the line, which measures the window itself.
        _ = Signals.drain()
        Signals.catchSuspend(true)
        Signals.restoreTerminalOnExit(cookedModes)
        defer {
            Signals.catchSuspend(false)
            Signals.restoreTerminalOnExit(nil)
        }
        var count: Int32 = 0
        let line = el_gets(editLine, &count)
        if interrupted {
            // The cursor is still on the abandoned line.
            writeTerminal("\n")
            return .interrupted
        }
        guard let line, count > 0 else { return .end }
        var text = String(cString: line)
        if text.hasSuffix("\n") { text.removeLast() }
        return .line(text)
    }

    /// Adds `line` to the history (Up, Ctrl-R) and to the history file at once, so a crash or a kill
    /// loses nothing. The file is private to the user: it holds their questions and SQL.
    func remember(_ line: String) {
        _ = dc_history_enter(history, &event, line)
        saveHistory()
    }

    private func saveHistory() {
        guard let historyFile else { return }
        _ = dc_history_save(history, &event, historyFile)
        chmod(historyFile, 0o600)
    }

    // MARK: Reading keys

    /// libedit's read function: one character from the queue or the terminal; -1 ends the line with
    /// an error (a Ctrl-C), 0 is the end of input.
    private func nextCharacter(into character: UnsafeMutablePointer<wchar_t>) -> Int32 {
        // libedit may read on after a -1 (in vi's search and ex prompts): the line stays abandoned.
        if interrupted { return -1 }
        if !pending.isEmpty {
            character.pointee = pending.removeFirst()
            return 1
        }
        if pushedBack != nil { return readCharacter(into: character) }
        while true {
            var descriptors = [
                pollfd(fd: STDIN_FILENO, events: Int16(POLLIN), revents: 0),
                pollfd(fd: Signals.descriptor, events: Int16(POLLIN), revents: 0),
            ]
            let ready = poll(&descriptors, descriptors[1].fd >= 0 ? 2 : 1, -1)
            if ready < 0 {
                if errno == EINTR { continue }
                return -1
            }
            if descriptors[1].revents & Int16(POLLIN) != 0 {
                handle(Signals.drain())
                if interrupted { return -1 }
                continue
            }
            if descriptors[0].revents != 0 {
                return readCharacter(into: character)
            }
        }
    }

    private func handle(_ events: [Signals.Event]) {
        var redraw = false
        for event in events {
            switch event {
            case .interrupt: interrupted = true
            case .resize:
                el_resize(editLine)
                redraw = true
            case .suspend:
                suspend()
                redraw = true
            }
        }
        if redraw && !interrupted {
            // libedit redraws from where it believes the line starts: the start of the cursor's row.
            writeTerminal("\r\u{1B}[K")
            _ = dc_el_refresh(editLine)
        }
    }

    /// Ctrl-Z: gives the terminal back in its usual modes, stops, and takes it again on `fg`.
    private func suspend() {
        var editingModes = termios()
        tcgetattr(STDIN_FILENO, &editingModes)
        tcsetattr(STDIN_FILENO, TCSADRAIN, &cookedModes)
        Signals.catchSuspend(false)
        raise(SIGTSTP)
        // Here again after SIGCONT.
        Signals.catchSuspend(true)
        tcsetattr(STDIN_FILENO, TCSADRAIN, &editingModes)
    }

    /// One UTF-8 encoded character from the terminal.
    private func readCharacter(into character: UnsafeMutablePointer<wchar_t>) -> Int32 {
        guard let lead = readByte() else { return 0 }
        let length =
            switch lead {
            case 0xF0...0xF7: 4
            case 0xE0...0xEF: 3
            case 0xC0...0xDF: 2
            default: 1
            }
        var bytes = [lead]
        while bytes.count < length, let next = readByte() {
            guard next & 0xC0 == 0x80 else {
                // Not a continuation (a bad paste, a Latin-1 terminal): it starts the next character.
                pushedBack = next
                break
            }
            bytes.append(next)
        }
        let scalar = String(decoding: bytes, as: UTF8.self).unicodeScalars.first ?? "\u{FFFD}"
        character.pointee = wchar_t(bitPattern: scalar.value)
        return 1
    }

    private func readByte() -> UInt8? {
        if let byte = pushedBack {
            pushedBack = nil
            return byte
        }
        var byte: UInt8 = 0
        while true {
            let count = read(STDIN_FILENO, &byte, 1)
            if count == 1 { return byte }
            if count < 0, errno == EINTR { continue }
            return nil
        }
    }

    // MARK: Completion

    /// Tab: inserts what all candidates share; when that adds nothing, lists them under the line.
    private func complete() -> UInt8 {
        guard let completer, let info = el_line(editLine)?.pointee, let start = info.buffer, let cursor = info.cursor
        else { return UInt8(CC_ERROR) }
        let before = String(decoding: UnsafeRawBufferPointer(start: start, count: cursor - start), as: UTF8.self)
        let (wordLength, candidates) = completer(before)
        guard !candidates.isEmpty else { return UInt8(CC_REFRESH_BEEP) }
        let word = String(before.suffix(wordLength))
        var common = Self.commonPrefix(candidates)
        if candidates.count == 1, !common.hasSuffix("."), !common.hasSuffix("(") { common += " " }
        if common.count > word.count || (common.count == word.count && common != word) {
            el_deletestr(editLine, Int32(word.unicodeScalars.count))
            _ = el_insertstr(editLine, common)
            return UInt8(CC_REFRESH)
        }
        writeTerminal("\n" + Self.columns(candidates, width: Terminal.width ?? 80))
        return UInt8(CC_REDISPLAY)
    }

    static func commonPrefix(_ words: [String]) -> String {
        guard var prefix = words.first else { return "" }
        for word in words.dropFirst() {
            while !word.lowercased().hasPrefix(prefix.lowercased()) { prefix.removeLast() }
        }
        return prefix
    }

    /// Candidates laid out in columns, as shells list completions.
    static func columns(_ words: [String], width: Int) -> String {
        let cell = (words.map(\.count).max() ?? 0) + 2
        let perLine = max(1, width / cell)
        var text = ""
        for (index, word) in words.enumerated() {
            let last = index % perLine == perLine - 1 || index == words.count - 1
            text += last ? word + "\n" : word + String(repeating: " ", count: cell - word.count)
        }
        return text
    }

    private func writeTerminal(_ text: String) {
        let descriptor = isatty(STDOUT_FILENO) == 1 ? STDOUT_FILENO : STDERR_FILENO
        var text = text
        text.withUTF8 { bytes in _ = write(descriptor, bytes.baseAddress, bytes.count) }
    }
}
