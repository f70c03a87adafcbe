import Basics
import Databases

/// The lines of the streamed formats (csv, tsv, json, jsonl), written a row at a time from its `RowText` into one
/// reused line, which goes to the output with one write.
///
/// A value of its own rather than properties of `ResultRenderer`: a class's stored properties are checked for
/// exclusive access at run time on every use, and a row used to take five of those checks; this state is
/// borrowed from the renderer once a row.
struct StreamedLines: ~Copyable {
    /// The format `begin` was given; nil for one that is not streamed.
    private var format: OutputFormat?
    /// Each column's name as a JSON key with its colon, quoted once rather than once a row.
    private var keys: [[UInt8]] = []
    private var line = ByteBuffer()
    /// The rows written so far.
    private(set) var count = 0

    /// The header (csv, tsv) or the opening bracket (json); nothing for jsonl or a format not streamed.
    mutating func begin(columns: [Column], format: OutputFormat, to output: TextOutput) {
        self.format = format.isStreamed ? format : nil
        keys = columns.map { Array((JSONText.quoted($0.name) + ":").utf8) }
        var header = RowText()
        header.set(columns.map { .text($0.name) })
        line.removeAll()
        switch format {
        case .csv: Self.appendCSV(header, to: &line)
        case .tsv: Self.appendTSV(header, to: &line)
        case .json: line.append(UInt8(ascii: "["))
        case .jsonl, .table, .expanded, .markdown: return
        }
        line.withBytes { output.write(utf8: $0) }
    }

    /// Writes one row in the format of `begin`, when it is a streamed one (else false: the caller keeps the row);
    /// `text` is the row's (`RowText.set`), `row` is read for arrays only, which JSON writes as arrays rather than
    /// from their text.
    mutating func add(row: [DatabaseValue], text: borrowing RowText, to output: TextOutput) -> Bool {
        guard let format else { return false }
        line.removeAll()
        switch format {
        case .csv: Self.appendCSV(text, to: &line)
        case .tsv: Self.appendTSV(text, to: &line)
        case .json:
            if count > 0 { line.append(UInt8(ascii: ",")) }
            line.append(UInt8(ascii: "\n"))
            Self.appendJSONObject(row, text, keys: keys, to: &line)
        case .jsonl:
            Self.appendJSONObject(row, text, keys: keys, to: &line)
            line.append(UInt8(ascii: "\n"))
        case .table, .expanded, .markdown:
            return false
        }
        count += 1
        line.withBytes { output.write(utf8: $0) }
        return true
    }

    /// RFC 4180: a field holding a comma, quote or line break, or an empty text (which NULL is not), is quoted,
    /// its quotes doubled.
    private static func appendCSV(_ text: borrowing RowText, to line: inout ByteBuffer) {
        text.forEachCell { index, kind, cell in
            if index > 0 { line.append(UInt8(ascii: ",")) }
            guard kind != .null else { return }
            guard kind != .number else {
                line.append(cell)
                return
            }
            guard cell.isEmpty || needsCSVQuotes(cell) else {
                line.append(cell)
                return
            }
            line.append(UInt8(ascii: "\""))
            for byte in cell {
                if byte == UInt8(ascii: "\"") { line.append(byte) }
                line.append(byte)
            }
            line.append(UInt8(ascii: "\""))
        }
        line.append(UInt8(ascii: "\n"))
    }

    /// True when `cell` holds a comma, quote, CR or LF. All four are at most ",", so a letter or digit, most of a
    /// result's bytes, costs one comparison.
    private static func needsCSVQuotes(_ cell: UnsafeBufferPointer<UInt8>) -> Bool {
        for byte in cell where byte <= UInt8(ascii: ",") {
            if byte == UInt8(ascii: ",") || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\n")
                || byte == UInt8(ascii: "\r")
            {
                return true
            }
        }
        return false
    }

    /// PostgreSQL's text COPY escapes (`CopyText`), so a tab or newline inside a value cannot split it; NULL is
    /// empty.
    private static func appendTSV(_ text: borrowing RowText, to line: inout ByteBuffer) {
        text.forEachCell { index, _, cell in
            if index > 0 { line.append(UInt8(ascii: "\t")) }
            CopyText.appendEscaped(cell, to: &line)
        }
        line.append(UInt8(ascii: "\n"))
    }

    /// One object, keys in column order, values as `ValueFormatter.json` writes them.
    private static func appendJSONObject(
        _ row: [DatabaseValue], _ text: borrowing RowText, keys: [[UInt8]], to line: inout ByteBuffer
    ) {
        line.append(UInt8(ascii: "{"))
        text.forEachCell { index, kind, cell in
            if index > 0 { line.append(UInt8(ascii: ",")) }
            keys[index].withUnsafeBufferPointer { line.append($0) }
            switch kind {
            case .null: line.append("null" as StaticString)
            case .number, .literal: line.append(cell)
            case .string: JSONText.appendQuoted(cell, to: &line)
            case .array: line.append(ValueFormatter.json(row[index]))
            }
        }
        line.append(UInt8(ascii: "}"))
    }
}
