extension Int {
    /// `1 row`, `3 rows`: the count with its noun, plural unless the count is one.
    public func counted(_ noun: String, plural: String? = nil) -> String {
        "\(self) \(self == 1 ? noun : plural ?? noun + "s")"
    }
}
