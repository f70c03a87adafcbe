import Basics

/// The one rule for the code fences of a model's reply: a line that starts, after spaces or tabs, with
/// three backticks opens or closes a block, and the rest of an opening line names its language.
///
/// `SQLExtractor` uses it to find the SQL of a whole reply, `ProseFilter` to hide the blocks from the
/// words as they stream; both must agree on what a fence is, or the SQL shown and the SQL run could differ.
public enum CodeFence {
    public static let marker = "```"

    /// The line's language tag (lower-cased, "" for none) when the line is a fence; nil when it is not.
    public static func language(ofLine line: Substring) -> String? {
        let indented = line.drop(while: isIndent)
        guard indented.hasPrefix(marker) else { return nil }
        return indented.dropFirst(marker.count).trimmed().lowercased()
    }

    /// Whether `start`, the first characters of a line, may still turn out to be a fence once more arrive.
    public static func mayOpen(lineStart start: Substring) -> Bool {
        let indented = start.drop(while: isIndent)
        return indented.hasPrefix(marker) || marker.hasPrefix(indented)
    }

    static func isIndent(_ character: Character) -> Bool { character == " " || character == "\t" }
}
