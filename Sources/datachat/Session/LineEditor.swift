import CEdit

#if canImport(Glibc)
    import Glibc
#endif

/// libedit's line editor with a persistent history: emacs keys, or vi from the user's editrc.
///
/// The only owner of the EditLine and History handles. https://man.netbsd.org/editline.3
final class LineEditor {
    private let editLine: OpaquePointer
    private let history: OpaquePointer
    private let historyFile: String?
    private var event = HistEvent()
    /// The prompt as C text, at a stable address for the prompt callback.
    private var promptBuffer: UnsafeMutablePointer<CChar>

    init?(program: String, historyFile: String?) {
        guard let editLine = dc_el_init(program) else { return nil }
        guard let history = history_init() else {
            el_end(editLine)
            return nil
        }
        self.editLine = editLine
        self.history = history
        self.historyFile = historyFile
        promptBuffer = strdup("> ")
        _ = dc_history_set_size(history, &event, 1_000)
        _ = dc_history_set_unique(history, &event, 1)
        if let historyFile { _ = dc_history_load(history, &event, historyFile) }
        _ = dc_el_set_editor(editLine, "emacs")
        _ = dc_el_set_signal(editLine, 1)
        _ = dc_el_set_history(editLine, history)
        _ = dc_el_set_clientdata(editLine, Unmanaged.passUnretained(self).toOpaque())
        _ = dc_el_set_prompt(editLine) { editLine in
            var data: UnsafeMutableRawPointer?
            guard let editLine, dc_el_get_clientdata(editLine, &data) == 0, let data else { return nil }
            return Unmanaged<LineEditor>.fromOpaque(data).takeUnretainedValue().promptBuffer
        }
        _ = dc_el_bind(editLine, "^R", "em-inc-search-prev")
        // The user's ~/.editrc (or $EDITRC) may switch to vi keys or bind others.
        el_source(editLine, nil)
    }

    deinit {
        if let historyFile { _ = dc_history_save(history, &event, historyFile) }
        history_end(history)
        el_end(editLine)
        free(promptBuffer)
    }

    /// Reads one line with `prompt`; nil at end of input (Ctrl-D).
    func readLine(prompt: String) -> String? {
        free(promptBuffer)
        promptBuffer = strdup(prompt)
        var count: Int32 = 0
        guard let line = el_gets(editLine, &count), count > 0 else { return nil }
        var text = String(cString: line)
        if text.hasSuffix("\n") { text.removeLast() }
        return text
    }

    func remember(_ line: String) {
        _ = dc_history_enter(history, &event, line)
    }
}
