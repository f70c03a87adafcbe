extension String {
    /// Without leading and trailing whitespace.
    func trimmedLine() -> String {
        let start = firstIndex(where: { !$0.isWhitespace }) ?? endIndex
        let end = lastIndex(where: { !$0.isWhitespace }).map { index(after: $0) } ?? start
        return String(self[start..<Swift.max(start, end)])
    }
}

extension StringProtocol {
    func trimmingWhitespace() -> String {
        String(self).trimmedLine()
    }
}
