import FoundationEssentials

/// Reads a `.env` file the way seed-era tools write them: `KEY=value`, optional `export `, quotes, comments.
enum DotEnv {
    static func load(path: String) -> [String: String] {
        guard let data = FileManager.default.contents(atPath: path) else { return [:] }
        return parse(String(decoding: data, as: UTF8.self))
    }

    static func parse(_ text: String) -> [String: String] {
        var values: [String: String] = [:]
        for rawLine in text.split(whereSeparator: { $0 == "\n" || $0 == "\r" }) {
            var line = rawLine.drop(while: { $0 == " " || $0 == "\t" })
            if line.hasPrefix("#") || line.isEmpty { continue }
            if line.hasPrefix("export ") { line = line.dropFirst("export ".count) }
            guard let equals = line.firstIndex(of: "=") else { continue }
            let key = String(line[..<equals]).filter { !$0.isWhitespace }
            var value = line[line.index(after: equals)...].drop(while: { $0 == " " || $0 == "\t" })
            if let quote = value.first, quote == "\"" || quote == "'" {
                value = value.dropFirst()
                if let end = value.firstIndex(of: quote) { value = value[..<end] }
            } else if let comment = value.firstRange(of: " #") {
                value = value[..<comment.lowerBound]
            }
            while let last = value.last, last == " " || last == "\t" { value = value.dropLast() }
            if !key.isEmpty { values[key] = String(value) }
        }
        return values
    }
}
