extension Substring {
    /// The first occurrence of `needle`, ignoring ASCII case.
    func range(ofCaseInsensitive needle: String) -> Range<Index>? {
        let lowered = needle.lowercased().map(String.init)
        var index = startIndex
        while index < endIndex {
            var cursor = index
            var matched = 0
            while matched < lowered.count, cursor < endIndex, self[cursor].lowercased() == lowered[matched] {
                cursor = self.index(after: cursor)
                matched += 1
            }
            if matched == lowered.count { return index..<cursor }
            index = self.index(after: index)
        }
        return nil
    }
}
