#if canImport(Glibc)
    import Glibc
#endif

/// "⠋ thinking 1.4s" on standard error while nothing else shows, redrawn in place.
///
/// No thread of its own: `tick` is called from the cancellation check that libcurl's loop and the
/// database's progress handler already poll every few milliseconds, so the spinner moves exactly while
/// the main thread waits, and can never draw over text written after `stop`.
/// Used on the main thread only; `@unchecked Sendable` so the `@Sendable` check closure can hold it.
final class Spinner: @unchecked Sendable {
    private let enabled: Bool
    private let frames: [String]
    private var label: String?
    private var startedAt = ContinuousClock.now
    private var lastDraw = ContinuousClock.now
    private var frame = 0

    init(enabled: Bool, unicode: Bool) {
        self.enabled = enabled
        frames = unicode ? ["⠋", "⠙", "⠹", "⠸", "⠼", "⠴", "⠦", "⠧", "⠇", "⠏"] : ["|", "/", "-", "\\"]
    }

    /// Shows `label` with the time since `since`; when already showing, only the label changes (drawn at
    /// the next tick), so a label updated on every streamed token does not redraw more than ten times a second.
    func start(_ label: String, since: ContinuousClock.Instant = .now) {
        guard enabled else { return }
        let running = self.label != nil
        self.label = label
        startedAt = since
        guard !running else { return }
        lastDraw = .now - .seconds(1)
        tick()
    }

    /// True while a status line is drawn: text written now would land on it.
    var isShowing: Bool { label != nil }

    /// Redraws at most ten times a second.
    func tick() {
        guard let label else { return }
        let now = ContinuousClock.now
        guard now - lastDraw >= .milliseconds(100) else { return }
        lastDraw = now
        frame = (frame + 1) % frames.count
        let elapsed = (now - startedAt).components
        let tenths = elapsed.seconds * 10 + elapsed.attoseconds / 100_000_000_000_000_000
        StandardError.write("\r\u{1B}[K\(frames[frame]) \(label) \(tenths / 10).\(tenths % 10)s")
    }

    /// Clears the line it drew on.
    func stop() {
        guard label != nil else { return }
        label = nil
        StandardError.write("\r\u{1B}[K")
    }
}
