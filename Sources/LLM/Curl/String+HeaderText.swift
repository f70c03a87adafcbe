/// The trimming HTTP header lines and SSE fields need: only the ends the protocols name.
extension String {
    func trimmingTrailingNewline() -> String {
        var text = Substring(self)
        while let last = text.last, last.isNewline || last == " " { text.removeLast() }
        return String(text)
    }

    func trimmingLeadingSpaces() -> String {
        String(drop(while: { $0 == " " || $0 == "\t" }))
    }
}
