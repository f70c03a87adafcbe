/// A one-line progress bar on standard error, redrawn in place; nothing at all when it is not a terminal
/// (`load-sample`, `history migrate`).
final class ProgressBar {
    private let enabled: Bool
    private var lastPercent = -1
    private var lastLabel = ""

    init(enabled: Bool) {
        self.enabled = enabled
    }

    func show(fraction: Double, label: String) {
        guard enabled else { return }
        let percent = Int((min(max(fraction, 0), 1) * 100).rounded(.down))
        guard percent != lastPercent || label != lastLabel else { return }
        lastPercent = percent
        lastLabel = label
        let width = 30
        let filled = width * percent / 100
        let bar = String(repeating: "#", count: filled) + String(repeating: "-", count: width - filled)
        StandardError.write("\r\u{1B}[2K[\(bar)] \(percent)% \(label)")
    }

    func clear() {
        guard enabled, lastPercent >= 0 else { return }
        StandardError.write("\r\u{1B}[2K")
        lastPercent = -1
    }
}
