extension StringProtocol {
    /// The text without leading and trailing white space and newlines.
    ///
    /// Foundation's `trimmingCharacters(in:)` would do, but most targets import only FoundationEssentials
    /// or nothing, and every one of them needed this.
    public func trimmed() -> String {
        let start = firstIndex(where: { !$0.isWhitespace }) ?? endIndex
        let end = lastIndex(where: { !$0.isWhitespace }).map { index(after: $0) } ?? start
        return String(self[start..<Swift.max(start, end)])
    }
}
