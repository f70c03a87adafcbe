import Synchronization

/// "⠋ thinking 1.4s" on standard error while nothing else shows, redrawn in place.
///
/// It redraws itself ten times a second from a task of its own, because while it matters most the main
/// thread is blocked in libcurl, SQLite or libpq and can draw nothing. Each draw and `stop` happen under one
/// lock, and `stop` ends the task, so once `stop` returns nothing is drawn over the text written after it.
final class Spinner: Sendable {
    private struct State {
        var label: String?
        var startedAt = ContinuousClock.now
        var frame = 0
        /// Redraws while a label shows; nil while none does.
        var redraw: Task<Void, Never>?
    }

    private let enabled: Bool
    private let frames: [String]
    private let state = Mutex(State())

    init(enabled: Bool, unicode: Bool) {
        self.enabled = enabled
        frames = unicode ? ["⠋", "⠙", "⠹", "⠸", "⠼", "⠴", "⠦", "⠧", "⠇", "⠏"] : ["|", "/", "-", "\\"]
    }

    /// Shows `label` with the time since `since`; when already showing, only the label changes (drawn at
    /// the next redraw), so a label updated on every streamed token is not drawn more than ten times a second.
    func start(_ label: String, since: ContinuousClock.Instant = .now) {
        guard enabled else { return }
        state.withLock { state in
            state.label = label
            state.startedAt = since
            guard state.redraw == nil else { return }
            draw(&state)
            state.redraw = Task.detached { [weak self] in
                while !Task.isCancelled {
                    try? await Task.sleep(for: .milliseconds(100))
                    // A task that `stop` cancelled draws nothing, even when `start` followed.
                    self?.state.withLock { if !Task.isCancelled { self?.draw(&$0) } }
                }
            }
        }
    }

    /// True while a status line is drawn: text written now would land on it.
    var isShowing: Bool { state.withLock { $0.label != nil } }

    /// Clears the line it drew on.
    func stop() {
        state.withLock { state in
            guard state.label != nil else { return }
            state.label = nil
            state.redraw?.cancel()
            state.redraw = nil
            StandardError.write("\r\u{1B}[K")
        }
    }

    private func draw(_ state: inout State) {
        guard let label = state.label else { return }
        state.frame = (state.frame + 1) % frames.count
        let elapsed = (ContinuousClock.now - state.startedAt).components
        let tenths = elapsed.seconds * 10 + elapsed.attoseconds / 100_000_000_000_000_000
        StandardError.write("\r\u{1B}[K\(frames[state.frame]) \(label) \(tenths / 10).\(tenths % 10)s")
    }
}
