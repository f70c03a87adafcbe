/// The part of the table notes about one table: the Markdown section headed with its name.
enum TableNotes {
    static func section(for table: String, in notes: String?) -> String? {
        guard let notes else { return nil }
        var lines: [Substring] = []
        var inSection = false
        for line in notes.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix("#") {
                let heading = line.drop(while: { $0 == "#" || $0 == " " }).trimmingWhitespace()
                inSection = heading.lowercased() == table.lowercased()
                continue
            }
            if inSection { lines.append(line) }
        }
        let text = lines.joined(separator: "\n").trimmingWhitespace()
        return text.isEmpty ? nil : text
    }
}
