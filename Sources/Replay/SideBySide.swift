import Render

/// Two texts in columns, for a re-asked turn's saved and new SQL: long lines wrap within their column.
public enum SideBySide {
    public static func render(left: String, right: String, leftTitle: String, rightTitle: String, width: Int)
        -> String
    {
        let column = max(20, (width - 3) / 2)
        let leftLines = [leftTitle] + wrap(left, to: column)
        let rightLines = [rightTitle] + wrap(right, to: column)
        var text = ""
        for index in 0..<max(leftLines.count, rightLines.count) {
            let leftLine = index < leftLines.count ? leftLines[index] : ""
            let rightLine = index < rightLines.count ? rightLines[index] : ""
            let padding = String(repeating: " ", count: max(0, column - DisplayWidth.of(leftLine)))
            text += leftLine + padding + " | " + rightLine + "\n"
        }
        return text
    }

    /// Lines cut to `width` display columns; tabs as four spaces.
    static func wrap(_ text: String, to width: Int) -> [String] {
        var lines: [String] = []
        for line in text.replacingTabs().split(separator: "\n", omittingEmptySubsequences: false) {
            var rest = String(line)
            while DisplayWidth.of(rest) > width {
                var head = ""
                var used = 0
                for character in rest {
                    let next = DisplayWidth.of(character)
                    if used + next > width { break }
                    head.append(character)
                    used += next
                }
                lines.append(head)
                rest = String(rest.dropFirst(head.count))
            }
            lines.append(rest)
        }
        return lines
    }
}

extension String {
    fileprivate func replacingTabs() -> String {
        var result = ""
        for character in self { if character == "\t" { result += "    " } else { result.append(character) } }
        return result
    }
}
