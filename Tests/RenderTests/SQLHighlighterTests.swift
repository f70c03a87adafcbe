import SQLGuard
import Testing

@testable import Render

@Suite struct SQLHighlighterTests {
    let plain = TextStyle(enabled: false)
    let colour = TextStyle(enabled: true)

    /// Inputs that end inside a token, mix line endings, or are not SQL at all.
    static let awkward: [String] = [
        "",
        "SELECT 1",
        "select name, 'it''s' AS s FROM t -- trailing\nWHERE x = 1.5e3;",
        "SELECT 'unterminated",
        "SELECT \"open identifier",
        "SELECT /* never closed",
        "/* outer /* inner */ still comment */ SELECT",
        "SELECT $$dollar body$$, $tag$ x $tag$, $1, E'a\\'b', U&'d\\0061', $unfinished",
        "SELECT [bracket, `tick`, :name, @at, ?1, ?",
        "-- a comment\r\nSELECT\r1\n\n",
        "SELECT 'multi\nline\r\nstring' || \"ü名\" FROM \"表\"",
        "SELECT 0x1F, .5, 1_000, 1delete, e'x', E",
        "\u{1B}[31mnot sql\u{1B}[0m ; ;; \t\u{0B}\u{0C}",
        "SELECT 'e\u{301}', 👩‍👩‍👧 FROM x\u{0}y",
        "'",
        "\"",
        "$",
        "/*",
        "--",
        "\r\n",
    ]

    @Test(arguments: awkward, SQLDialect.allCases)
    func plainStyleGivesTheInputBackByteForByte(sql: String, dialect: SQLDialect) {
        let output = SQLHighlighter.highlight(sql, dialect: dialect, style: plain)
        #expect(Array(output.utf8) == Array(sql.utf8))
    }

    @Test(arguments: awkward.filter { !$0.contains("\u{1B}") }, SQLDialect.allCases)
    func colourOnlyAddsEscapeSequences(sql: String, dialect: SQLDialect) {
        let output = SQLHighlighter.highlight(sql, dialect: dialect, style: colour)
        #expect(Array(stripped(output).utf8) == Array(sql.utf8))
    }

    @Test func randomBytesSurviveInBothStyles() {
        var generator = SplitMix(seed: 6)
        let alphabet = Array("sElEcT'\"`[]$/*-\r\n e01.;:?@&\\ü名".unicodeScalars)
        for _ in 0..<2_000 {
            var sql = String.UnicodeScalarView()
            for _ in 0..<Int(generator.next() % 40) {
                sql.append(alphabet[Int(generator.next() % UInt64(alphabet.count))])
            }
            let text = String(sql)
            for dialect in SQLDialect.allCases {
                #expect(Array(SQLHighlighter.highlight(text, dialect: dialect, style: plain).utf8) == Array(text.utf8))
                let painted = SQLHighlighter.highlight(text, dialect: dialect, style: colour)
                #expect(Array(stripped(painted).utf8) == Array(text.utf8))
            }
        }
    }

    @Test func paintsEachKindOfToken() {
        let output = SQLHighlighter.highlight(
            "SELECT name, 42 FROM t WHERE note = 'x' -- why", dialect: .sqlite, style: colour)
        #expect(
            output
                == "\u{1B}[1;34mSELECT\u{1B}[0m name, \u{1B}[36m42\u{1B}[0m \u{1B}[1;34mFROM\u{1B}[0m t "
                + "\u{1B}[1;34mWHERE\u{1B}[0m note = \u{1B}[32m'x'\u{1B}[0m \u{1B}[2m-- why\u{1B}[0m")
    }

    @Test func keywordsInsideStringsCommentsAndQuotesStayTheirColour() {
        let output = SQLHighlighter.highlight(
            "SELECT \"select\", 'from' /* where */", dialect: .postgres, style: colour)
        #expect(
            output
                == "\u{1B}[1;34mSELECT\u{1B}[0m \"select\", \u{1B}[32m'from'\u{1B}[0m \u{1B}[2m/* where */\u{1B}[0m")
    }

    @Test func keywordsMatchWithoutRegardToCaseButNotColumnLikeWords() {
        let output = SQLHighlighter.highlight("select key from settings", dialect: .sqlite, style: colour)
        #expect(output == "\u{1B}[1;34mselect\u{1B}[0m key \u{1B}[1;34mfrom\u{1B}[0m settings")
    }

    @Test func dialectDecidesWhatIsAString() {
        // `$$ ... $$` is a string in PostgreSQL; in SQLite `$` starts a parameter name or is a symbol.
        #expect(
            SQLHighlighter.highlight("$$a$$", dialect: .postgres, style: colour) == "\u{1B}[32m$$a$$\u{1B}[0m")
        #expect(SQLHighlighter.highlight("$a", dialect: .sqlite, style: colour) == "\u{1B}[33m$a\u{1B}[0m")
        #expect(SQLHighlighter.highlight("ILIKE", dialect: .postgres, style: colour) == "\u{1B}[1;34mILIKE\u{1B}[0m")
        #expect(SQLHighlighter.highlight("ILIKE", dialect: .sqlite, style: colour) == "ILIKE")
    }

    @Test func unterminatedTokensKeepTheColourTheyStartedAs() {
        #expect(
            SQLHighlighter.highlight("x = 'open", dialect: .sqlite, style: colour) == "x = \u{1B}[32m'open\u{1B}[0m")
        #expect(
            SQLHighlighter.highlight("x /* open", dialect: .sqlite, style: colour) == "x \u{1B}[2m/* open\u{1B}[0m")
        #expect(SQLHighlighter.highlight("x \"open", dialect: .sqlite, style: colour) == "x \"open")
    }

    @Test func everyLineOfAMultiLineTokenClosesItsColour() {
        let output = SQLHighlighter.highlight("/* one\ntwo */", dialect: .sqlite, style: colour)
        #expect(output == "\u{1B}[2m/* one\u{1B}[0m\n\u{1B}[2mtwo */\u{1B}[0m")
    }

    @Test func keywordListIsSortedAndDialectSpecific() {
        let sqlite = SQLHighlighter.keywords(for: .sqlite)
        #expect(sqlite == sqlite.sorted())
        #expect(sqlite.contains("SELECT") && sqlite.contains("PRAGMA") && !sqlite.contains("ILIKE"))
        #expect(SQLHighlighter.keywords(for: .postgres).contains("ILIKE"))
    }

    /// `text` without its SGR sequences (ESC [ digits and semicolons m).
    func stripped(_ text: String) -> String {
        var bytes: [UInt8] = []
        let input = Array(text.utf8)
        var index = 0
        while index < input.count {
            if input[index] == 0x1B, index + 1 < input.count, input[index + 1] == UInt8(ascii: "[") {
                var end = index + 2
                while end < input.count, input[end] == UInt8(ascii: ";") || (0x30...0x39).contains(input[end]) {
                    end += 1
                }
                if end < input.count, input[end] == UInt8(ascii: "m") {
                    index = end + 1
                    continue
                }
            }
            bytes.append(input[index])
            index += 1
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}

/// A small deterministic generator, so a failure reproduces.
struct SplitMix: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
